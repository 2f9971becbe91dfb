package io.github.ozonperf.client.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.ozonperf.client.internal.report.ChunkPlanner;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChunkPlanningTest {
  private static List<String> ids(int n) {
    List<String> ids = new ArrayList<>();
    for (int i = 1; i <= n; i++) {
      ids.add(String.valueOf(1000 + i));
    }
    return ids;
  }

  @Test
  void splits23CampaignsOver100DaysIntoSixChunksOfAtMost10CampaignsAnd62Days() {
    LocalDate from = LocalDate.of(2026, 1, 1);
    ReportRequest request = ReportRequest.builder().campaignIds(ids(23)).dateFrom(from)
        .dateTo(from.plusDays(99)).build();

    List<ReportChunk> chunks = ChunkPlanner.plan(request);

    assertEquals(6, chunks.size());
    int[] sizes = {10, 10, 10, 10, 3, 3};
    for (int i = 0; i < 6; i++) {
      ReportChunk chunk = chunks.get(i);
      assertEquals(i, chunk.index());
      assertEquals(sizes[i], chunk.campaignIds().size());
      assertEquals(ReportState.NOT_SUBMITTED, chunk.state());
      boolean firstWindow = i % 2 == 0;
      assertEquals(firstWindow ? from : from.plusDays(62), chunk.dateFrom());
      assertEquals(firstWindow ? from.plusDays(61) : from.plusDays(99), chunk.dateTo());
    }
    assertEquals(ids(23).subList(20, 23), chunks.get(5).campaignIds());
  }

  @Test
  void exactly10CampaignsAnd62DaysIsOneChunk() {
    LocalDate from = LocalDate.of(2026, 3, 1);
    ReportRequest request = ReportRequest.builder().campaignIds(ids(10)).dateFrom(from)
        .dateTo(from.plusDays(61)).build();

    assertEquals(1, ChunkPlanner.plan(request).size());
  }

  @Test
  void duplicateCampaignIdsAreReportedOnce() {
    ReportRequest request = ReportRequest.builder().campaignIds(List.of("1", "2", "1"))
        .dateFrom(LocalDate.of(2026, 1, 1)).dateTo(LocalDate.of(2026, 1, 1)).build();

    assertEquals(List.of("1", "2"), request.campaignIds());
  }

  @Test
  void reversedDateRangeIsRejectedWithAHint() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ReportRequest.builder().campaignIds(List.of("1")).dateFrom(LocalDate.of(2026, 2, 1))
            .dateTo(LocalDate.of(2026, 1, 1)).build());
    assertEquals("dateTo 2026-01-01 is before dateFrom 2026-02-01: swap them", e.getMessage());
  }

  @Test
  void nonNumericCampaignIdIsRejected() {
    assertThrows(IllegalArgumentException.class,
        () -> ReportRequest.builder().addCampaignId("abc"));
  }
}
