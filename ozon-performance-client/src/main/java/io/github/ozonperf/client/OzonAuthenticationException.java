package io.github.ozonperf.client;

import java.time.Duration;

/**
 * Authentication failed: Ozon answered 401 even after the SDK refreshed the token once, or the token request
 * itself failed (then the message starts with {@code "OAuth token refresh failed: "} and {@link #statusCode()} is the
 * token endpoint's status or -1). Check the service account's client id (it must end in
 * {@code @advertising.performance.ozon.ru}) and secret. Not retryable; a token endpoint that cannot be reached is an
 * {@link OzonConnectionException} instead (retryable, naming the token URL).
 */
public class OzonAuthenticationException extends OzonApiException {
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
  public OzonAuthenticationException(String message, int statusCode, String ozonError, String rawBody, String method, String path,
      Duration retryAfter, Throwable cause) {
    super(message, statusCode, ozonError, rawBody, method, path, retryAfter, cause);
  }

  /**
   * True only when the token endpoint could not be reached or answered 5xx/429 (a transient refresh failure).
   *
   * @return whether retrying later makes sense
   */
  @Override
  public boolean isRetryable() {
    Throwable c = getCause();
    if (c instanceof io.github.ozonperf.auth.TokenRefreshException t) {
      return !t.isTerminal();
    }
    return false;
  }
}
