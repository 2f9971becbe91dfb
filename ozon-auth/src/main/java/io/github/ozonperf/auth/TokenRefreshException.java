package io.github.ozonperf.auth;

import java.io.IOException;

/**
 * A token could not be obtained. An {@link IOException} so it travels unchanged through OkHttp interceptors and
 * authenticators (also with {@code enqueue}). The message always begins with {@code "OAuth token refresh failed: "}
 * and says how to fix the problem; it never contains the secret or a token.
 */
public class TokenRefreshException extends IOException {
  private static final long serialVersionUID = 1L;

  /** Prefix of every message. */
  public static final String PREFIX = "OAuth token refresh failed: ";

  /** Whether retrying cannot help. */
  private final boolean terminal;
  /** HTTP status of the token endpoint, or -1. */
  private final int statusCode;
  /** OAuth error code, or null. */
  private final String errorCode;

  /**
   * Creates the exception.
   *
   * @param detail what happened and what to do (the prefix is added unless already present)
   * @param terminal true when retrying with the same configuration cannot help
   * @param statusCode the token endpoint's HTTP status, or -1 when there was no response
   * @param errorCode the OAuth {@code error} code (e.g. {@code invalid_client}), or null
   * @param cause the underlying failure, or null
   */
  public TokenRefreshException(String detail, boolean terminal, int statusCode, String errorCode, Throwable cause) {
    super(detail.startsWith(PREFIX) ? detail : PREFIX + detail, cause);
    this.terminal = terminal;
    this.statusCode = statusCode;
    this.errorCode = errorCode;
  }

  /**
   * Whether the failure is terminal (400/401/403, malformed answer, configuration): retrying cannot help until
   * the configuration is fixed. Transient failures (timeouts, 5xx, 429) are not terminal.
   *
   * @return true if terminal
   */
  public boolean isTerminal() {
    return terminal;
  }

  /**
   * The token endpoint's HTTP status.
   *
   * @return the status, or -1 when no HTTP response was received
   */
  public int statusCode() {
    return statusCode;
  }

  /**
   * The OAuth {@code error} code from the token endpoint's answer.
   *
   * @return e.g. {@code "invalid_client"}, or null
   */
  public String errorCode() {
    return errorCode;
  }
}
