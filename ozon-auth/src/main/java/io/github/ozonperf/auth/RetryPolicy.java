package io.github.ozonperf.auth;

import java.time.Duration;
import java.util.Objects;

/**
 * How transient token-request failures (connect/read timeouts, 5xx, 429) are retried: exponential backoff with
 * full jitter (a uniformly random delay between zero and {@code min(maxBackoff, initialBackoff * 2^retry)}).
 * A {@code Retry-After} header is honoured, capped at {@code maxBackoff}. Terminal failures (400/401/403, a
 * malformed answer) are never retried.
 *
 * @param maxRetries retries after the first attempt, 0 to 10
 * @param initialBackoff upper bound of the first delay, not negative
 * @param maxBackoff cap of every delay, at least {@code initialBackoff}
 */
public record RetryPolicy(int maxRetries, Duration initialBackoff, Duration maxBackoff) {

  /**
   * Validates the values.
   *
   * @param maxRetries retries after the first attempt
   * @param initialBackoff upper bound of the first delay
   * @param maxBackoff cap of every delay
   * @throws ConfigurationException if a value is out of range
   */
  public RetryPolicy {
    Objects.requireNonNull(initialBackoff, "initialBackoff == null");
    Objects.requireNonNull(maxBackoff, "maxBackoff == null");
    if (maxRetries < 0 || maxRetries > 10) {
      throw new ConfigurationException("retryPolicy.maxRetries must be 0..10, got " + maxRetries);
    }
    if (initialBackoff.isNegative() || maxBackoff.isNegative() || maxBackoff.compareTo(initialBackoff) < 0) {
      throw new ConfigurationException("retryPolicy backoffs must be >= 0 and maxBackoff >= initialBackoff, got "
          + initialBackoff + " / " + maxBackoff);
    }
  }

  /**
   * 3 retries, first delay up to 500 ms, doubling, capped at 10 s.
   *
   * @return the default policy
   */
  public static RetryPolicy defaults() {
    return new RetryPolicy(3, Duration.ofMillis(500), Duration.ofSeconds(10));
  }

  /**
   * No retries: every failure surfaces at once.
   *
   * @return a policy without retries
   */
  public static RetryPolicy none() {
    return new RetryPolicy(0, Duration.ZERO, Duration.ZERO);
  }

  /**
   * The delay before retry number {@code retry} (0-based).
   *
   * @param retry 0 for the first retry
   * @param random a uniform value in [0, 1)
   * @param retryAfter the server's {@code Retry-After}, or null
   * @return the delay: {@code retryAfter} capped at {@code maxBackoff} when present, otherwise full jitter
   */
  Duration delay(int retry, double random, Duration retryAfter) {
    if (retryAfter != null) {
      return retryAfter.compareTo(maxBackoff) > 0 ? maxBackoff : retryAfter;
    }
    long cap = maxBackoff.toNanos();
    long exp = initialBackoff.toNanos();
    for (int i = 0; i < retry && exp < cap; i++) {
      exp = exp * 2;
    }
    long bound = Math.min(cap, exp);
    return Duration.ofNanos((long) (bound * random));
  }
}
