package io.github.ozonperf.sandbox;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * Metrics of one campaign on one day, exactly as the sandbox reports them (reports, daily statistics and
 * their JSON twins all derive from these numbers). Money is in roubles with two decimals.
 *
 * @param views impressions
 * @param clicks clicks
 * @param spend money spent, roubles ("Расход, ₽" / {@code moneySpent})
 * @param avgBid average cost of a click, roubles ({@code spend / clicks}, 2 decimals, half-up; 0 without clicks)
 * @param orders orders
 * @param ordersMoney revenue of those orders, roubles ("Продажи, ₽" / {@code ordersMoney})
 */
public record DailyMetrics(long views, long clicks, BigDecimal spend, BigDecimal avgBid, long orders,
    BigDecimal ordersMoney) {

  /** Validates the components. */
  public DailyMetrics {
    Objects.requireNonNull(spend, "spend == null");
    Objects.requireNonNull(avgBid, "avgBid == null");
    Objects.requireNonNull(ordersMoney, "ordersMoney == null");
  }

  /** Metrics of a day without activity. */
  public static DailyMetrics zero() {
    BigDecimal z = BigDecimal.ZERO.setScale(2);
    return new DailyMetrics(0, 0, z, z, 0, z);
  }

  /** Click-through rate in percent, 2 decimals half-up ({@code clicks * 100 / views}); 0 without views. */
  public BigDecimal ctrPercent() {
    if (views == 0) {
      return BigDecimal.ZERO.setScale(2);
    }
    return BigDecimal.valueOf(clicks * 100L).divide(BigDecimal.valueOf(views), 2, RoundingMode.HALF_UP);
  }

  /** Sum of this and {@code other}; {@code avgBid} is recomputed from the summed spend and clicks. */
  public DailyMetrics plus(DailyMetrics other) {
    long c = clicks + other.clicks;
    BigDecimal s = spend.add(other.spend);
    return new DailyMetrics(views + other.views, c, s, avg(s, c), orders + other.orders,
        ordersMoney.add(other.ordersMoney));
  }

  static BigDecimal avg(BigDecimal spend, long clicks) {
    return clicks == 0 ? BigDecimal.ZERO.setScale(2)
        : spend.divide(BigDecimal.valueOf(clicks), 2, RoundingMode.HALF_UP);
  }
}
