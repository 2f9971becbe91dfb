package io.github.ozonperf.client.internal.report;

import io.github.ozonperf.client.report.ReportChunk;
import io.github.ozonperf.client.report.ReportRequest;
import io.github.ozonperf.client.report.ReportState;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Splits a request into the reports Ozon accepts: at most 10 campaigns and 62 days each, and only campaigns of
 * types the campaign statistics report can include. One campaign of another type makes Ozon reject the whole
 * request ({@code 400 "generation of this type of report is forbidden for the transferred list of campaigns"}, seen
 * live for SEARCH_PROMO, ALL_SKU_PROMO and REF_* campaigns), so those are left out with a reason instead.
 */
public final class ChunkPlanner {
  /** Ozon's limit of campaigns per statistics report. */
  public static final int MAX_CAMPAIGNS = 10;
  /** Ozon's limit of days per statistics report. */
  public static final int MAX_DAYS = 62;

  /** Campaign types ({@code advObjectType}) the campaign statistics reports reject, with what to use instead. */
  static final Map<String, String> NOT_REPORTABLE = Map.of(
      "SEARCH_PROMO", "a pay-per-order search promotion campaign: campaign statistics reports cannot include it; "
          + "use the search-promotion orders and products reports (POST /api/client/statistic/orders/generate, "
          + "/api/client/statistic/products/generate)",
      "ALL_SKU_PROMO", "the all-products promotion campaign: campaign statistics reports cannot include it; use "
          + "its orders and products reports (GET /api/client/statistics/all_sku_promo/orders/generate, "
          + ".../products/generate)",
      "REF_VK", "an external-traffic (VK) campaign: the Performance API has no statistics report for it",
      "REF_BLOGGER", "an external-traffic (bloggers) campaign: the Performance API has no statistics report for it");

  private ChunkPlanner() {}

  /** The chunks of every campaign of the request (types unknown). */
  public static List<ReportChunk> plan(ReportRequest request) {
    return plan(request.campaignIds(), request);
  }

  /**
   * The campaigns the report cannot include, with the reason, in request order.
   *
   * @param types {@code advObjectType} by campaign id, for the campaigns whose type is known
   */
  public static Map<String, String> notReportable(List<String> ids, Map<String, String> types) {
    Map<String, String> skipped = new LinkedHashMap<>();
    for (String id : ids) {
      String type = types.get(id);
      String reason = type == null ? null : NOT_REPORTABLE.get(type);
      if (reason != null) {
        skipped.put(id, type + ", " + reason);
      }
    }
    return skipped;
  }

  /** Campaign groups outermost, date windows innermost, both in request order. */
  public static List<ReportChunk> plan(List<String> ids, ReportRequest request) {
    List<LocalDate[]> windows = new ArrayList<>();
    for (LocalDate from = request.dateFrom(); !from.isAfter(request.dateTo());
         from = from.plusDays(MAX_DAYS)) {
      LocalDate to = from.plusDays(MAX_DAYS - 1);
      windows.add(new LocalDate[] {from, to.isAfter(request.dateTo()) ? request.dateTo() : to});
    }
    List<ReportChunk> chunks = new ArrayList<>();
    for (int i = 0; i < ids.size(); i += MAX_CAMPAIGNS) {
      List<String> group = ids.subList(i, Math.min(ids.size(), i + MAX_CAMPAIGNS));
      for (LocalDate[] window : windows) {
        chunks.add(new ReportChunk(chunks.size(), group, window[0], window[1], null,
            ReportState.NOT_SUBMITTED));
      }
    }
    return List.copyOf(chunks);
  }
}
