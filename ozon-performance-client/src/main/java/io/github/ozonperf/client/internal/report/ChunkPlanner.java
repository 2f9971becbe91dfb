package io.github.ozonperf.client.internal.report;

import io.github.ozonperf.client.report.ReportChunk;
import io.github.ozonperf.client.report.ReportRequest;
import io.github.ozonperf.client.report.ReportState;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Splits a request into the reports Ozon accepts: at most 10 campaigns and 62 days each. */
public final class ChunkPlanner {
  /** Ozon's limit of campaigns per statistics report. */
  public static final int MAX_CAMPAIGNS = 10;
  /** Ozon's limit of days per statistics report. */
  public static final int MAX_DAYS = 62;

  private ChunkPlanner() {}

  /** Campaign groups outermost, date windows innermost, both in request order. */
  public static List<ReportChunk> plan(ReportRequest request) {
    List<String> ids = request.campaignIds();
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
