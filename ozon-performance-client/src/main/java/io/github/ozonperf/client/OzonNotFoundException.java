package io.github.ozonperf.client;

import java.time.Duration;

/**
 * Ozon answered 404, e.g. {@code "report not found"} for an unknown or expired report UUID: check the id. Not
 * retryable.
 */
public class OzonNotFoundException extends OzonApiException {
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
  public OzonNotFoundException(String message, int statusCode, String ozonError, String rawBody, String method, String path,
      Duration retryAfter, Throwable cause) {
    super(message, statusCode, ozonError, rawBody, method, path, retryAfter, cause);
  }
}
