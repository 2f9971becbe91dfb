package io.github.ozonperf.client.report;

import java.util.Objects;

/**
 * What Ozon says about one report, as returned by {@link Reports#status(String)}.
 *
 * @param uuid  the report's UUID
 * @param state the report's state
 * @param error Ozon's reason when the state is {@link ReportState#ERROR}, otherwise {@code null}
 */
public record ReportStatusView(String uuid, ReportState state, String error) {
  /** Validates the components. */
  public ReportStatusView {
    Objects.requireNonNull(uuid, "uuid == null");
    Objects.requireNonNull(state, "state == null");
  }
}
