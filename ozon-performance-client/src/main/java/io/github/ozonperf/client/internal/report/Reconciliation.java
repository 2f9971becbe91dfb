package io.github.ozonperf.client.internal.report;

import io.github.ozonperf.client.report.Numbers;
import io.github.ozonperf.client.report.ReportMismatch;
import io.github.ozonperf.client.report.ReportRow;
import io.github.ozonperf.client.report.ReportTotals;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Checks each section's row sums against Ozon's totals line; the rules are documented on {@link ReportMismatch}. */
public final class Reconciliation {
  private static final BigDecimal HALF_KOPECK = new BigDecimal("0.005");
  private static final BigDecimal KOPECK = new BigDecimal("0.01");

  private Reconciliation() {}

  /** The mismatches of one section; empty when it has no totals line or everything agrees. */
  public static List<ReportMismatch> check(ReportSection section) {
    Map<String, String> ozon = section.ozonTotals();
    List<ReportMismatch> out = new ArrayList<>();
    if (ozon == null) {
      return out;
    }
    ReportTotals sum = section.totals();
    BigDecimal tolerance = HALF_KOPECK.multiply(BigDecimal.valueOf(sum.rows())).add(KOPECK);
    count(out, section, ozon, ReportRow.VIEWS, sum.views());
    count(out, section, ozon, ReportRow.CLICKS, sum.clicks());
    count(out, section, ozon, ReportRow.ORDERS, sum.orders());
    BigDecimal spend = Numbers.tryParseDecimal(ozon.get(ReportRow.SPEND));
    if (spend != null && !near(spend, sum.spend(), tolerance) && !near(spend, sum.spendWithCorrections(), tolerance)) {
      out.add(mismatch(section, ReportRow.SPEND, sum.spend(), spend));
    }
    BigDecimal money = Numbers.tryParseDecimal(ozon.get(ReportRow.ORDERS_MONEY));
    if (money != null && !near(money, sum.ordersMoney(), tolerance)) {
      out.add(mismatch(section, ReportRow.ORDERS_MONEY, sum.ordersMoney(), money));
    }
    return out;
  }

  private static void count(List<ReportMismatch> out, ReportSection section, Map<String, String> ozon, String column,
      long rowsSum) {
    BigDecimal total = Numbers.tryParseDecimal(ozon.get(column));
    if (total != null && total.compareTo(BigDecimal.valueOf(rowsSum)) != 0) {
      out.add(mismatch(section, column, BigDecimal.valueOf(rowsSum), total));
    }
  }

  private static boolean near(BigDecimal a, BigDecimal b, BigDecimal tolerance) {
    return a.subtract(b).abs().compareTo(tolerance) <= 0;
  }

  private static ReportMismatch mismatch(ReportSection s, String column, BigDecimal rows, BigDecimal ozon) {
    return new ReportMismatch(s.campaignId(), s.source(), column, rows, ozon);
  }
}
