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
  private long rows;
  private long views;
  private long clicks;
  private long orders;
  private BigDecimal spend = BigDecimal.ZERO;
  private BigDecimal ordersMoney = BigDecimal.ZERO;
  private BigDecimal corrections = BigDecimal.ZERO;
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
    rows++;
    views += orZero(row.views());
    clicks += orZero(row.clicks());
    orders += orZero(row.orders());
    if (row.spend() != null) {
      spend = spend.add(row.spend());
    }
    if (row.ordersMoney() != null) {
      ordersMoney = ordersMoney.add(row.ordersMoney());
    }
  }

  void addCorrection(String amount) {
    BigDecimal value = Numbers.tryParseDecimal(amount);
    if (value != null) {
      corrections = corrections.add(value);
    }
  }

  void ozonTotals(Map<String, String> line) {
    ozonTotals = line;
  }

  /** The sums of the rows, with the corrections. */
  public ReportTotals totals() {
    return new ReportTotals(rows, views, clicks, spend, orders, ordersMoney, corrections);
  }

  /** Ozon's totals line by English column name, or {@code null} when the report has none. */
  public Map<String, String> ozonTotals() {
    return ozonTotals;
  }

  private static long orZero(Long value) {
    return value == null ? 0 : value;
  }
}
