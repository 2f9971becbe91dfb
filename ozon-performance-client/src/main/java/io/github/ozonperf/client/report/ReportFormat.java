package io.github.ozonperf.client.report;

/** The file format Ozon generates a statistics report in. */
public enum ReportFormat {
  /** {@code POST /api/client/statistics}: a {@code ;}-separated CSV per campaign (a ZIP of them for several). */
  CSV,
  /** {@code POST /api/client/statistics/json}: one JSON object keyed by campaign id. */
  JSON
}
