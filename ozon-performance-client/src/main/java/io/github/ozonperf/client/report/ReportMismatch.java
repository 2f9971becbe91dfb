package io.github.ozonperf.client.report;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A disagreement between the sum of a report's rows and Ozon's own totals line ({@code Всего} in CSV,
 * {@code totals} in JSON) for one campaign and one column. The SDK never hides one: it is in
 * {@link ReportResult#mismatches()} and logged as a warning. A mismatch means the rows cannot be trusted as read
 * (a layout this SDK misreads, a truncated file) — or that Ozon's file contradicts itself; either way, look.
 *
 * <p>Tolerances: counts must agree exactly; money may differ by half a kopeck per row plus one kopeck, because Ozon
 * rounds every row to kopecks and may sum unrounded amounts. Ozon's spend total is accepted both with and without
 * the report's corrections ({@link ReportTotals#corrections()}).
 *
 * @param campaignId the campaign (empty when the file does not say)
 * @param source     the file or ZIP entry it was read from
 * @param column     the English column name ({@link ReportRow#SPEND}, {@link ReportRow#VIEWS}, …)
 * @param rowsSum    the sum of the rows as this SDK read them
 * @param ozonTotal  what Ozon's totals line says
 */
public record ReportMismatch(String campaignId, String source, String column, BigDecimal rowsSum,
    BigDecimal ozonTotal) {
  /** Validates the components. */
  public ReportMismatch {
    Objects.requireNonNull(campaignId, "campaignId == null");
    Objects.requireNonNull(source, "source == null");
    Objects.requireNonNull(column, "column == null");
    Objects.requireNonNull(rowsSum, "rowsSum == null");
    Objects.requireNonNull(ozonTotal, "ozonTotal == null");
  }

  @Override
  public String toString() {
    return "campaign " + (campaignId.isEmpty() ? "?" : campaignId) + " (" + source + "): " + column
        + " of the rows sums to " + rowsSum.toPlainString() + ", Ozon's totals line says " + ozonTotal.toPlainString();
  }
}
