package io.github.ozonperf.client;

import java.time.Duration;

/**
 * Ozon answered 429 (Too Many Requests) and the SDK's own retries (idempotent calls only) did not get through.
 * {@link #retryAfter()} holds Ozon's {@code Retry-After} when it sent one. A 429 on a report submission can mean the
 * account's daily report quota or its single report slot is taken: do not retry that in a tight loop.
 */
public class OzonRateLimitException extends OzonApiException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception; used by the SDK.
   *
   * @param message the human-readable message (no secrets, headers or bodies)
   * @param statusCode the HTTP status, or -1
   * @param ozonError Ozon's error text, or null
   * @param rawBody the error body (truncated), or null
   * @param method the HTTP method, or null
   * @param path the URL path, or null
   * @param retryAfter how long Ozon asked to wait, or null
   * @param cause the underlying exception, or null
   */
  public OzonRateLimitException(String message, int statusCode, String ozonError, String rawBody, String method, String path,
      Duration retryAfter, Throwable cause) {
    super(message, statusCode, ozonError, rawBody, method, path, retryAfter, cause);
  }
}
