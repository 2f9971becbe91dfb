package io.github.ozonperf.client.internal.report;

import io.github.ozonperf.client.report.Numbers;
import io.github.ozonperf.client.report.ReportRow;
import io.github.ozonperf.client.report.ReportTotals;
import java.math.BigDecimal;
import java.util.Map;

/**
 * What one report of one campaign says besides its rows (one CSV, one ZIP entry, one campaign of a JSON report): the
 * sums of the rows read so far, Ozon's corrections ({@code Корректировка} lines, {@code totals.corrections}) and
 * Ozon's own totals line ({@code Всего}, {@code totals}), keyed by our English column names.
 */
public final class ReportSection {
  private final String campaignId;
  private final String source;
  private ReportTotals sums = ReportTotals.EMPTY;
  private Map<String, String> ozonTotals;

  ReportSection(String campaignId, String source) {
    this.campaignId = campaignId == null ? "" : campaignId;
    this.source = source;
  }

  /** The campaign, or an empty string when the file does not say. */
  public String campaignId() {
    return campaignId;
  }

  /** Where the section was read from (a file or ZIP entry name), for messages. */
  public String source() {
    return source;
  }

  void add(ReportRow row) {
    sums = sums.plus(row);
  }

  void addCorrection(String amount) {
    BigDecimal value = Numbers.tryParseDecimal(amount);
    if (value != null) {
      sums = sums.plusCorrection(value);
    }
  }

  void ozonTotals(Map<String, String> line) {
    ozonTotals = line;
  }

  /** The sums of the rows, with the corrections. */
  public ReportTotals totals() {
    return sums;
  }

  /** Ozon's totals line by English column name, or {@code null} when the report has none. */
  public Map<String, String> ozonTotals() {
    return ozonTotals;
  }
}
