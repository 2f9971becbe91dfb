package io.github.ozonperf.client.report;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Totals of a report computed by this SDK from the rows' raw counts — never copied from Ozon's own total
 * line, whose CTR convention differs between methods. Derived metrics are computed from the sums:
 * {@code ctr = clicks / views × 100}, {@code avgCpc = spend / clicks}, {@code drr = spend / ordersMoney × 100}.
 *
 * @param rows        number of rows summed
 * @param views       sum of impressions
 * @param clicks      sum of clicks
 * @param spend       sum of money spent, roubles
 * @param orders      sum of orders
 * @param ordersMoney sum of order revenue, roubles
 */
public record ReportTotals(
    long rows, long views, long clicks, BigDecimal spend, long orders, BigDecimal ordersMoney) {
  /** Totals of no rows. */
  public static final ReportTotals EMPTY =
      new ReportTotals(0, 0, 0, BigDecimal.ZERO, 0, BigDecimal.ZERO);

  /** Validates the components. */
  public ReportTotals {
    java.util.Objects.requireNonNull(spend, "spend == null");
    java.util.Objects.requireNonNull(ordersMoney, "ordersMoney == null");
  }

  /** These totals plus one row (missing values count as zero). */
  public ReportTotals plus(ReportRow row) {
    return new ReportTotals(rows + 1,
        views + orZero(row.views()),
        clicks + orZero(row.clicks()),
        row.spend() == null ? spend : spend.add(row.spend()),
        orders + orZero(row.orders()),
        row.ordersMoney() == null ? ordersMoney : ordersMoney.add(row.ordersMoney()));
  }

  /** The sum of two totals. */
  public ReportTotals plus(ReportTotals other) {
    return new ReportTotals(rows + other.rows, views + other.views, clicks + other.clicks,
        spend.add(other.spend), orders + other.orders, ordersMoney.add(other.ordersMoney));
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
