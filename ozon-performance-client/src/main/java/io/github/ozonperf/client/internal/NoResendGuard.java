package io.github.ozonperf.client.internal;

import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * A network interceptor that keeps OkHttp from re-sending non-idempotent requests on its own. OkHttp's
 * follow-up logic repeats any request, POST included, that got {@code 503} with {@code Retry-After: 0}; such a
 * POST has reached Ozon (a report submission may already count against the daily quota), so for methods other
 * than GET and HEAD that header is dropped and the 503 goes back to the caller as an {@code OzonServerException}.
 * (OkHttp's other automatic repeats are already off: {@code retryOnConnectionFailure(false)} covers 408 and
 * connection failures.)
 */
public final class NoResendGuard implements Interceptor {
  @Override
  public Response intercept(Chain chain) throws IOException {
    Response response = chain.proceed(chain.request());
    String method = chain.request().method();
    if (response.code() == 503 && !"GET".equals(method) && !"HEAD".equals(method)) {
      String retryAfter = response.header("Retry-After");
      if (retryAfter != null && retryAfter.strip().matches("0+")) {
        return response.newBuilder().removeHeader("Retry-After").build();
      }
    }
    return response;
  }
}
