package io.github.ozonperf.it.support;

import java.util.Map;
import java.util.Optional;

/**
 * The one place the suite reads the environment for the REAL target. Values are never logged; only whether they
 * are present.
 */
public final class RealApi {
  /** Variables that enable the REAL target (both required). */
  public static final String CLIENT_ID = "OZON_CLIENT_ID";
  /** See {@link #CLIENT_ID}. */
  public static final String CLIENT_SECRET = "OZON_CLIENT_SECRET";
  /** Optional base URL of the API (default https://api-performance.ozon.ru). */
  public static final String API_URL = "OZON_API_URL";
  /** {@code true} lets write scenarios run against the REAL target (they restore what they change). */
  public static final String ALLOW_WRITES = "OZON_IT_ALLOW_WRITES";

  /** Why REAL variants are skipped when no credentials are set. */
  public static final String SKIP_REASON = "REAL target skipped: set " + CLIENT_ID + " and " + CLIENT_SECRET
      + " (optionally " + API_URL + ") to run this scenario against the real Ozon Performance API; "
      + "see integration-tests/README.md for the command and its cost in requests";

  private RealApi() {
  }

  /** The process environment. */
  public static Map<String, String> environment() {
    return System.getenv();
  }

  /** Whether the REAL target is configured. */
  public static boolean configured() {
    return nonBlank(CLIENT_ID).isPresent() && nonBlank(CLIENT_SECRET).isPresent();
  }

  /** Whether write scenarios may run against the REAL target. */
  public static boolean writesAllowed() {
    return nonBlank(ALLOW_WRITES).map(Boolean::parseBoolean).orElse(false);
  }

  static Optional<String> nonBlank(String name) {
    String v = System.getenv(name);
    return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.strip());
  }
}
