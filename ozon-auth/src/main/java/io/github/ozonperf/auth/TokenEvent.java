package io.github.ozonperf.auth;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One token lifecycle event. Fields that do not apply to a type are null (or 0 for {@code attempt}).
 *
 * @param type what happened
 * @param tokenFingerprint {@link AccessToken#fingerprint()} of the token concerned, or null
 * @param expiresAt the token's expiry, or null
 * @param errorClass for {@link Type#FAILED} and {@link Type#RETRY_SCHEDULED}: a short failure class such as
 *     {@code "HTTP 503"}, {@code "SocketTimeoutException"}, {@code "invalid_client"}; otherwise null
 * @param attempt 1-based request attempt for fetch events, otherwise 0
 * @param delay for {@link Type#RETRY_SCHEDULED}: the backoff before the next attempt, otherwise null
 */
public record TokenEvent(Type type, String tokenFingerprint, Instant expiresAt, String errorClass, int attempt,
    Duration delay) {

  /** Event types. */
  public enum Type {
    /** A token request is about to be sent ({@code attempt} is set). */
    FETCH_STARTED,
    /** A new token arrived ({@code tokenFingerprint}, {@code expiresAt}). */
    FETCHED,
    /** A cached token was served without a request (emitted per call; logged at TRACE). */
    REUSED,
    /** A background refresh in the advisory window replaced a still-valid token. */
    REFRESHED_EARLY,
    /** A token request failed ({@code errorClass}, {@code attempt}). */
    FAILED,
    /** A transient failure will be retried after {@code delay}. */
    RETRY_SCHEDULED,
    /** A token was invalidated (explicitly, or after a 401). */
    INVALIDATED,
    /** A still-valid token was loaded from the {@link TokenStore} instead of being requested. */
    LOADED_FROM_STORE
  }

  /**
   * Validates the type.
   *
   * @param type what happened
   * @param tokenFingerprint the token's fingerprint, or null
   * @param expiresAt the token's expiry, or null
   * @param errorClass the failure class, or null
   * @param attempt the attempt, or 0
   * @param delay the retry delay, or null
   * @throws NullPointerException if {@code type} is null
   */
  public TokenEvent {
    Objects.requireNonNull(type, "type == null");
  }
}
