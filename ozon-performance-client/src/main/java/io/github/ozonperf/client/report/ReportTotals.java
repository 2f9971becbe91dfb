package io.github.ozonperf.client.report;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Totals of a report computed by this SDK from the rows' raw counts — never copied from Ozon's own total
 * line, whose CTR convention differs between methods (Ozon's {@code Всего} line is checked against these sums
 * instead: {@link ReportResult#mismatches()}). Derived metrics are computed from the sums:
 * {@code ctr = clicks / views × 100}, {@code avgCpc = spend / clicks}, {@code drr = spend / ordersMoney × 100}.
 *
 * <p>{@code spend} is the sum of the data rows and does <b>not</b> include Ozon's corrections: a report may carry a
 * {@code Корректировка} line (JSON: {@code totals.corrections}) that adjusts the period's spend after the fact. It is
 * not a row; its amount is {@link #corrections()}, and {@link #spendWithCorrections()} is what the period cost.
 *
 * @param rows        number of data rows summed
 * @param views       sum of impressions
 * @param clicks      sum of clicks
 * @param spend       sum of money spent over the rows, roubles; corrections not included
 * @param orders      sum of orders
 * @param ordersMoney sum of order revenue, roubles
 * @param corrections sum of Ozon's correction lines, roubles (negative: money returned); zero when there are none
 */
public record ReportTotals(
    long rows, long views, long clicks, BigDecimal spend, long orders, BigDecimal ordersMoney,
    BigDecimal corrections) {
  /** Totals of no rows. */
  public static final ReportTotals EMPTY =
      new ReportTotals(0, 0, 0, BigDecimal.ZERO, 0, BigDecimal.ZERO, BigDecimal.ZERO);

  /** Validates the components. */
  public ReportTotals {
    java.util.Objects.requireNonNull(spend, "spend == null");
    java.util.Objects.requireNonNull(ordersMoney, "ordersMoney == null");
    java.util.Objects.requireNonNull(corrections, "corrections == null");
  }

  /** Totals without corrections. */
  public ReportTotals(long rows, long views, long clicks, BigDecimal spend, long orders, BigDecimal ordersMoney) {
    this(rows, views, clicks, spend, orders, ordersMoney, BigDecimal.ZERO);
  }

  /** These totals plus one row (missing values count as zero). */
  public ReportTotals plus(ReportRow row) {
    return new ReportTotals(rows + 1,
        views + orZero(row.views()),
        clicks + orZero(row.clicks()),
        row.spend() == null ? spend : spend.add(row.spend()),
        orders + orZero(row.orders()),
        row.ordersMoney() == null ? ordersMoney : ordersMoney.add(row.ordersMoney()),
        corrections);
  }

  /** The sum of two totals. */
  public ReportTotals plus(ReportTotals other) {
    return new ReportTotals(rows + other.rows, views + other.views, clicks + other.clicks,
        spend.add(other.spend), orders + other.orders, ordersMoney.add(other.ordersMoney),
        corrections.add(other.corrections));
  }

  /** These totals with {@code amount} more of corrections. */
  public ReportTotals plusCorrection(BigDecimal amount) {
    return new ReportTotals(rows, views, clicks, spend, orders, ordersMoney, corrections.add(amount));
  }

  /** What the period cost: {@code spend + corrections}, roubles. */
  public BigDecimal spendWithCorrections() {
    return spend.add(corrections);
  }

  /** Click-through rate in percent ({@code clicks / views × 100}, 4 decimals), or {@code null} without views. */
  public BigDecimal ctr() {
    return views == 0 ? null : BigDecimal.valueOf(clicks).multiply(BigDecimal.valueOf(100))
        .divide(BigDecimal.valueOf(views), 4, RoundingMode.HALF_UP);
  }

  /** Average cost per click in roubles ({@code spend / clicks}, 4 decimals), or {@code null} without clicks. */
  public BigDecimal avgCpc() {
    return clicks == 0 ? null : spend.divide(BigDecimal.valueOf(clicks), 4, RoundingMode.HALF_UP);
  }

  /** Advertising cost share in percent ({@code spend / ordersMoney × 100}), or {@code null} without revenue. */
  public BigDecimal drr() {
    return ordersMoney.signum() == 0 ? null
        : spend.multiply(BigDecimal.valueOf(100)).divide(ordersMoney, 4, RoundingMode.HALF_UP);
  }

  private static long orZero(Long value) {
    return value == null ? 0 : value;
  }
}
