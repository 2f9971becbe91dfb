package io.github.ozonperf.it.support;

/** Where a scenario runs. */
public enum Target {
  /** The embedded {@code OzonSandbox}, started on loopback for each scenario. Always runs. */
  SANDBOX,
  /**
   * The real Ozon Performance API. Runs only when {@code OZON_CLIENT_ID} and {@code OZON_CLIENT_SECRET} are set
   * ({@code OZON_API_URL} optional); otherwise every REAL variant is reported as skipped with the reason.
   */
  REAL
}
