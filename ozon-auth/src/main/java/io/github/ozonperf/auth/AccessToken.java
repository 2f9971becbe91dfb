package io.github.ozonperf.auth;

import io.github.ozonperf.auth.internal.Hashing;
import java.time.Instant;
import java.util.Objects;

/**
 * A bearer token and the wall-clock instant it expires at. Immutable. {@link #toString()} shows only a
 * {@link #fingerprint()}, never the value, so tokens can be logged safely.
 *
 * @param value the {@code access_token} as issued; never log it
 * @param expiresAt when the token stops being valid (wall clock)
 */
public record AccessToken(String value, Instant expiresAt) {

  /**
   * Validates the values.
   *
   * @param value the token
   * @param expiresAt the expiry
   * @throws IllegalArgumentException if {@code value} is blank
   * @throws NullPointerException if an argument is null
   */
  public AccessToken {
    Objects.requireNonNull(value, "value == null");
    Objects.requireNonNull(expiresAt, "expiresAt == null");
    if (value.isBlank()) {
      throw new IllegalArgumentException("value is blank");
    }
  }

  /**
   * A short, stable, non-reversible identifier of this token for logs and events: the first 8 hex digits of the
   * SHA-256 of the value.
   *
   * @return 8 lower-case hex digits
   */
  public String fingerprint() {
    return Hashing.fingerprint(value);
  }

  /** Redacted: shows the fingerprint and expiry only. */
  @Override
  public String toString() {
    return "AccessToken[fingerprint=" + fingerprint() + ", expiresAt=" + expiresAt + "]";
  }
}
