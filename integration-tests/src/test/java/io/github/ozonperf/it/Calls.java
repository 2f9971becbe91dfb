package io.github.ozonperf.it;

import io.github.ozonperf.client.OzonPerformanceClient;

/** Small, read-only SDK calls shared by the scenarios (each costs exactly one API request). */
final class Calls {
  private Calls() {
  }

  /** One cheap read-only call: the bid limits list. */
  static void cheapRead(OzonPerformanceClient client) {
    client.campaigns().getBidLimits();
  }
}
