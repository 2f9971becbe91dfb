package io.github.ozonperf.auth;

import java.io.IOException;

/**
 * A token could not be obtained. An {@link IOException} so it travels unchanged through OkHttp interceptors and
 * authenticators (also with {@code enqueue}). The message always begins with {@code "OAuth token refresh failed: "}
 * and says how to fix the problem; it never contains the secret or a token.
 *
 * <p>Three kinds of failure, to be told apart before blaming the credentials:
 * <ul>
 *   <li>{@link #isConnectionFailure()}: the token endpoint could not be reached (DNS failure, refused connection,
 *       TLS failure, timeout). A network problem, transient; the credentials were not judged.</li>
 *   <li>{@link #isTerminal()}: the endpoint answered and retrying cannot help (400/401/403, a malformed answer,
 *       configuration) until the credentials or settings are fixed.</li>
 *   <li>otherwise transient: the endpoint answered 5xx or 429.</li>
 * </ul>
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
  /** Whether the token endpoint could not be reached at all. */
  private final boolean connectionFailure;

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
    this(detail, terminal, statusCode, errorCode, false, cause);
  }

  TokenRefreshException(String detail, boolean terminal, int statusCode, String errorCode, boolean connectionFailure,
      Throwable cause) {
    super(detail.startsWith(PREFIX) ? detail : PREFIX + detail, cause);
    this.terminal = terminal;
    this.statusCode = statusCode;
    this.errorCode = errorCode;
    this.connectionFailure = connectionFailure;
  }

  /**
   * Creates the exception for a token endpoint that could not be reached: not terminal, no status, no error code,
   * {@link #isConnectionFailure()} true.
   *
   * @param detail what happened and what to do, naming the token URL without user info or query
   * @param cause the I/O failure
   * @return the exception
   */
  public static TokenRefreshException connectionFailure(String detail, Throwable cause) {
    return new TokenRefreshException(detail, false, -1, null, true, cause);
  }

  /**
   * A per-caller copy with the same message and classification; {@code shared} becomes its cause, so every caller
   * gets its own stack trace.
   *
   * @param shared the exception to copy
   * @return the copy
   */
  static TokenRefreshException copyOf(TokenRefreshException shared) {
    return new TokenRefreshException(shared.getMessage(), shared.terminal, shared.statusCode, shared.errorCode,
        shared.connectionFailure, shared);
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
   * Whether the token endpoint could not be reached at all: DNS failure, refused or reset connection, TLS failure or
   * timeout. Such a failure is a network problem, not a credentials problem, and is never terminal.
   *
   * @return true if no HTTP answer came from the token endpoint because of a network failure
   */
  public boolean isConnectionFailure() {
    return connectionFailure;
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
