package io.github.ozonperf.client;

import java.time.Duration;

/**
 * Ozon answered 403: the service account may not do this (e.g. the campaign belongs to another organisation, or
 * the account lacks the Performance API role). Grant access in the Ozon cabinet. Not retryable.
 */
public class OzonPermissionException extends OzonApiException {
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
  public OzonPermissionException(String message, int statusCode, String ozonError, String rawBody, String method, String path,
      Duration retryAfter, Throwable cause) {
    super(message, statusCode, ozonError, rawBody, method, path, retryAfter, cause);
  }
}
