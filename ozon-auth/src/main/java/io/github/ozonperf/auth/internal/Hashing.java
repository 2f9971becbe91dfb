package io.github.ozonperf.auth.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** SHA-256 helpers for fingerprints and store keys. Internal API. */
public final class Hashing {
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private Hashing() {
  }

  /**
   * SHA-256 of the UTF-8 bytes, as lower-case hex.
   *
   * @param text the input
   * @return 64 hex digits
   */
  public static String sha256Hex(String text) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      char[] out = new char[digest.length * 2];
      for (int i = 0; i < digest.length; i++) {
        out[2 * i] = HEX[(digest[i] >> 4) & 0xF];
        out[2 * i + 1] = HEX[digest[i] & 0xF];
      }
      return new String(out);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every Java platform", e);
    }
  }

  /**
   * First 8 hex digits of the SHA-256 of a token.
   *
   * @param token the token value
   * @return 8 hex digits
   */
  public static String fingerprint(String token) {
    return sha256Hex(token).substring(0, 8);
  }
}
