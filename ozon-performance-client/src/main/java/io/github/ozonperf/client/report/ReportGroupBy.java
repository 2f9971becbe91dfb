package io.github.ozonperf.client.report;

/** How Ozon aggregates the rows of a statistics report. */
public enum ReportGroupBy {
  /** One row per campaign object for the whole period. */
  NO_GROUP_BY,
  /** One row per day. */
  DATE,
  /** One row per week (the row's date is the week's first day). */
  START_OF_WEEK,
  /** One row per month (the row's date is the month's first day). */
  START_OF_MONTH
}
