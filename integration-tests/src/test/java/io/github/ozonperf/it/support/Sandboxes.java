package io.github.ozonperf.it.support;

import io.github.ozonperf.client.report.ReportOptions;
import io.github.ozonperf.sandbox.OzonSandbox;
import java.time.Duration;

/** Sandbox and report settings that keep the SANDBOX scenarios fast while exercising the real state machine. */
public final class Sandboxes {
  /** Time a sandbox report takes from submission to OK: long enough to be polled a few times. */
  public static final Duration REPORT_DURATION = Duration.ofMillis(300);

  private Sandboxes() {
  }

  /** The sandbox every scenario gets: default dataset and credentials, quick reports. */
  public static OzonSandbox.Builder forScenarios() {
    return OzonSandbox.builder().reportDuration(REPORT_DURATION);
  }

  /** Report polling scaled to {@link #REPORT_DURATION} (the defaults, 1 s x 1.5 up to 30 s, suit Ozon). */
  public static ReportOptions fastReports() {
    return ReportOptions.builder()
        .initialPollInterval(Duration.ofMillis(100))
        .pollMultiplier(1.5)
        .maxPollInterval(Duration.ofMillis(400))
        .timeout(Duration.ofSeconds(60))
        .build();
  }
}
