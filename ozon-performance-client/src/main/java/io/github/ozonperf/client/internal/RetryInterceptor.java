package io.github.ozonperf.client.internal;

import io.github.ozonperf.auth.TokenRefreshException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Objects;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * The first application interceptor of the client: waits out the account's shared cool-down before every
 * attempt, feeds 429s to the {@link RateLimiter}, and retries.
 *
 * <ul>
 *   <li>GET and HEAD (idempotent) are retried, at most {@code maxRetries} times, on 429 (after the shared
 *       cool-down), on 502/503/504 (after Retry-After or backoff) and on I/O failures (after backoff).</li>
 *   <li>Every other method (POST, PUT, PATCH, DELETE) is never re-sent once it may have reached the server: only
 *       a failure to connect at all (connection refused, unknown host, no route) is retried. The client is built
 *       with {@code retryOnConnectionFailure(false)} so that OkHttp does not silently re-send them either.</li>
 *   <li>A Retry-After longer than the engine's maximum cool-down is not waited out: the 429 goes back to the caller
 *       as an exception carrying it.</li>
 *   <li>Token refresh failures are not retried here (ozon-auth has its own policy).</li>
 * </ul>
 */
public final class RetryInterceptor implements Interceptor {
  private final RateLimiter limiter;
  private final int maxRetries;

  /**
   * Creates the interceptor.
   *
   * @param limiter the client's shared engine
   * @param maxRetries re-sends per call, 0 for none
   */
  public RetryInterceptor(RateLimiter limiter, int maxRetries) {
    this.limiter = Objects.requireNonNull(limiter, "limiter == null");
    if (maxRetries < 0) {
      throw new IllegalArgumentException("maxRetries < 0: " + maxRetries);
    }
    this.maxRetries = maxRetries;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    boolean idempotent = "GET".equals(request.method()) || "HEAD".equals(request.method());
    int attempt = 0;
    while (true) {
      long sentAt = limiter.awaitTurn();
      Response response;
      try {
        response = chain.proceed(request);
      } catch (TokenRefreshException e) {
        throw e;
      } catch (IOException e) {
        boolean mayRetry = idempotent || neverReachedServer(e);
        if (!mayRetry || attempt >= maxRetries || chain.call().isCanceled()) {
          throw e;
        }
        attempt++;
        limiter.onRetry();
        limiter.sleep(limiter.backoff(attempt));
        continue;
      }
      int code = response.code();
      if (code == 429) {
        Duration retryAfter = ErrorMapping.parseRetryAfter(response.header("Retry-After"), limiter.time().now());
        limiter.on429(sentAt, retryAfter);
        boolean waitable = retryAfter == null || retryAfter.compareTo(limiter.maxCoolDown()) <= 0;
        if (idempotent && waitable && attempt < maxRetries) {
          response.close();
          attempt++;
          limiter.onRetry();
          continue; // awaitTurn() waits out the shared cool-down
        }
        return response;
      }
      limiter.onAnswer();
      if (idempotent && (code == 502 || code == 503 || code == 504) && attempt < maxRetries) {
        Duration retryAfter = ErrorMapping.parseRetryAfter(response.header("Retry-After"), limiter.time().now());
        if (retryAfter != null && retryAfter.compareTo(limiter.maxCoolDown()) > 0) {
          return response;
        }
        response.close();
        attempt++;
        limiter.onRetry();
        limiter.sleep(retryAfter != null ? retryAfter : limiter.backoff(attempt));
        continue;
      }
      return response;
    }
  }

  /** True for failures that happen before any byte of the request could be sent. */
  static boolean neverReachedServer(IOException e) {
    return e instanceof ConnectException || e instanceof UnknownHostException || e instanceof NoRouteToHostException;
  }
}
