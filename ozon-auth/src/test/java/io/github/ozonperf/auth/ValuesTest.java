package io.github.ozonperf.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.ozonperf.auth.internal.Hashing;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ValuesTest {

  @Test
  void fingerprintIsFirstEightHexDigitsOfSha256() {
    // sha256("abc") = ba7816bf...
    assertEquals("ba7816bf", new AccessToken("abc", Instant.EPOCH).fingerprint());
    assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", Hashing.sha256Hex("abc"));
  }

  @Test
  void accessTokenToStringShowsFingerprintNotValue() {
    AccessToken t = new AccessToken("eyJ-very-secret-token", Instant.EPOCH);
    assertFalse(t.toString().contains("eyJ-very-secret-token"), t.toString());
    assertTrue(t.toString().contains(t.fingerprint()));
  }

  @Test
  void blankTokenIsRejected() {
    assertThrows(IllegalArgumentException.class, () -> new AccessToken(" ", Instant.EPOCH));
  }

  @Test
  void fullJitterStaysBelowTheDoublingCap() {
    RetryPolicy p = new RetryPolicy(3, Duration.ofMillis(100), Duration.ofMillis(250));
    assertEquals(Duration.ZERO, p.delay(0, 0.0, null));
    assertEquals(Duration.ofMillis(50), p.delay(0, 0.5, null));
    assertEquals(Duration.ofMillis(100), p.delay(1, 0.5, null));
    assertEquals(Duration.ofMillis(125), p.delay(2, 0.5, null)); // capped at maxBackoff 250
    assertEquals(Duration.ofMillis(125), p.delay(9, 0.5, null));
  }

  @Test
  void retryAfterIsUsedAndCappedAtMaxBackoff() {
    RetryPolicy p = RetryPolicy.defaults();
    assertEquals(Duration.ofSeconds(3), p.delay(0, 0.0, Duration.ofSeconds(3)));
    assertEquals(Duration.ofSeconds(10), p.delay(0, 0.0, Duration.ofSeconds(120)));
  }

  @Test
  void retryPolicyRejectsOutOfRangeValues() {
    assertThrows(ConfigurationException.class, () -> new RetryPolicy(-1, Duration.ZERO, Duration.ZERO));
    assertThrows(ConfigurationException.class, () -> new RetryPolicy(11, Duration.ZERO, Duration.ZERO));
    assertThrows(ConfigurationException.class,
        () -> new RetryPolicy(1, Duration.ofSeconds(2), Duration.ofSeconds(1)));
  }

  @Test
  void retryAfterHeaderParsesSecondsAndRejectsGarbage() {
    assertEquals(Duration.ofSeconds(7), TokenFetcher.retryAfter("7"));
    assertEquals(null, TokenFetcher.retryAfter("soon"));
    assertEquals(null, TokenFetcher.retryAfter(null));
  }

  @Test
  void hitRatioIsHitsOverAllCalls() {
    assertEquals(0.75, new TokenStats(1, 1, 0, 3, 1, 0, 0, 0).hitRatio());
    assertEquals(0.0, new TokenStats(0, 0, 0, 0, 0, 0, 0, 0).hitRatio());
  }

  @Test
  void tokenRefreshExceptionAlwaysCarriesThePrefix() {
    TokenRefreshException e = new TokenRefreshException("x", true, 401, "invalid_client", null);
    assertEquals("OAuth token refresh failed: x", e.getMessage());
    assertEquals("OAuth token refresh failed: y",
        new TokenRefreshException("OAuth token refresh failed: y", false, -1, null, null).getMessage());
  }
}
