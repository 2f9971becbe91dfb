package io.github.ozonperf.client.internal;

import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * A network interceptor that keeps OkHttp from repeating requests on its own, so that {@link RetryInterceptor} is
 * the only layer that re-sends (with its backoff, its retry budget and its counters).
 *
 * <p>OkHttp's {@code RetryAndFollowUpInterceptor} (5.5.1) re-sends any request, POST included and whatever
 * {@code retryOnConnectionFailure} says, once it gets {@code 503} with a {@code Retry-After} of zero seconds (digits
 * only, e.g. {@code 0} or {@code 00}), immediately and without telling the layers above it. Stacked on our three
 * retries, one GET reached the server 8 times. This interceptor removes such a header from a 503, for every
 * method: OkHttp then hands the 503 up, {@link RetryInterceptor} retries idempotent calls after its own backoff (a
 * server that answers 503 is not hit again at once), and other methods go back to the caller as an
 * {@code OzonServerException}, since they may have reached Ozon already.
 *
 * <p>OkHttp's other automatic repeats (after connection failures and on {@code 408}) are off because the client is
 * built with {@code retryOnConnectionFailure(false)}. Redirects and the one 401 re-send of the token authenticator
 * are follow-ups we want; they are counted like any other request.
 */
public final class NoResendGuard implements Interceptor {
  @Override
  public Response intercept(Chain chain) throws IOException {
    Response response = chain.proceed(chain.request());
    if (response.code() == 503) {
      String retryAfter = response.header("Retry-After");
      if (retryAfter != null && retryAfter.strip().matches("0+")) {
        return response.newBuilder().removeHeader("Retry-After").build();
      }
    }
    return response;
  }
}
