package io.github.ozonperf.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.ozonperf.client.OzonPerformanceClient;
import io.github.ozonperf.client.model.Campaign;
import io.github.ozonperf.client.model.DailyStatisticsRow;
import io.github.ozonperf.client.model.ExpenseStatisticsRow;
import io.github.ozonperf.client.report.Numbers;
import io.github.ozonperf.client.report.ReportChunk;
import io.github.ozonperf.client.report.ReportFormat;
import io.github.ozonperf.client.report.ReportGroupBy;
import io.github.ozonperf.client.report.ReportProgressEvent;
import io.github.ozonperf.client.report.ReportRequest;
import io.github.ozonperf.client.report.ReportResult;
import io.github.ozonperf.client.report.ReportRow;
import io.github.ozonperf.client.report.ReportState;
import io.github.ozonperf.client.report.ReportTotals;
import io.github.ozonperf.it.support.OzonTargets;
import io.github.ozonperf.it.support.TargetEnv;
import io.github.ozonperf.sandbox.DailyMetrics;
import io.github.ozonperf.sandbox.RecordedCall;
import io.github.ozonperf.sandbox.SandboxData;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Scenario 3 - statistics: synchronous daily and expense statistics for up to 10 campaigns, and the asynchronous
 * report workflow for 1 campaign and for 12 (split into 10 + 2, each a ZIP of CSVs). On SANDBOX every parsed
 * number is compared with the sandbox's known dataset.
 */
class StatisticsScenariosIT {

  @OzonTargets
  void dailyStatisticsForUpTo10CampaignsMatchTheKnownNumbers(TargetEnv env) {
    OzonPerformanceClient client = env.newClient();
    List<String> ids = campaignIds(client, 10);
    LocalDate[] days = env.lastDays(7);

    List<DailyStatisticsRow> rows = client.statisticsJson().getDailyStatisticsJson(ids, days[0], days[1]).getRows();

    assertNotNull(rows);
    for (DailyStatisticsRow row : rows) {
      assertTrue(ids.contains(row.getId()), "row for a campaign not asked for: " + row.getId());
      LocalDate date = LocalDate.parse(row.getDate());
      assertFalse(date.isBefore(days[0]) || date.isAfter(days[1]), "row outside the range: " + date);
      assertNotNull(Numbers.parseLong(row.getViews()));
      assertNotNull(Numbers.parseDecimal(row.getMoneySpent()));
    }
    if (env.isSandbox()) {
      SandboxData data = env.sandbox().data();
      assertEquals(ids.size() * 7, rows.size(), "one row per campaign and day");
      for (DailyStatisticsRow row : rows) {
        DailyMetrics m = data.metrics(row.getId(), LocalDate.parse(row.getDate()));
        assertEquals(Long.valueOf(m.views()), Numbers.parseLong(row.getViews()), row.toString());
        assertEquals(Long.valueOf(m.clicks()), Numbers.parseLong(row.getClicks()), row.toString());
        assertEquals(0, m.spend().compareTo(Numbers.parseDecimal(row.getMoneySpent())), row.toString());
        assertEquals(Long.valueOf(m.orders()), Numbers.parseLong(row.getOrders()), row.toString());
        assertEquals(0, m.ordersMoney().compareTo(Numbers.parseDecimal(row.getOrdersMoney())), row.toString());
      }
    }
  }

  @OzonTargets
  void expenseForUpTo10CampaignsMatchesTheKnownSpend(TargetEnv env) {
    OzonPerformanceClient client = env.newClient();
    List<String> ids = campaignIds(client, 10);
    LocalDate[] days = env.lastDays(7);

    List<ExpenseStatisticsRow> rows = client.statisticsJson().getCampaignExpenseJson(ids, days[0], days[1])
        .getRows();

    assertNotNull(rows);
    for (ExpenseStatisticsRow row : rows) {
      assertTrue(ids.contains(row.getId()), "row for a campaign not asked for: " + row.getId());
      assertNotNull(Numbers.parseDecimal(row.getMoneySpent()));
    }
    if (env.isSandbox()) {
      SandboxData data = env.sandbox().data();
      assertEquals(ids.size() * 7, rows.size(), "one row per campaign and day");
      for (ExpenseStatisticsRow row : rows) {
        DailyMetrics m = data.metrics(row.getId(), LocalDate.parse(row.getDate()));
        assertEquals(0, m.spend().compareTo(Numbers.parseDecimal(row.getMoneySpent())), row.toString());
      }
    }
  }

  @OzonTargets
  void reportForOneCampaignRunsSubmitPollDownloadAndParsesTheKnownRows(TargetEnv env) throws Exception {
    OzonPerformanceClient client = env.newClient();
    List<String> ids = campaignIds(client, 1);
    LocalDate[] days = env.lastDays(7);
    List<ReportProgressEvent> progress = new CopyOnWriteArrayList<>();

    List<Path> files;
    try (ReportResult result = client.reports().run(request(ids, days), progress::add)) {
      files = result.files();
      List<ReportChunk> chunks = result.chunks();
      assertEquals(1, chunks.size());
      assertEquals(ReportState.OK, chunks.get(0).state());
      assertNotNull(chunks.get(0).uuid());
      List<ReportRow> rows = rows(result);

      assertProgress(progress, 1);
      assertRowsInRange(rows, ids, days);
      if (env.isSandbox()) {
        assertRowsMatchSandbox(env, rows, ids, days);
        assertTotalsMatchSandbox(env, result.totals(), ids, days);
        assertEquals(1, env.sandbox().requests("/api/client/statistics"), "exactly one submission");
        assertEquals(List.of(false), files.stream().map(StatisticsScenariosIT::isZip).toList(),
            "one campaign: a plain CSV");
      }
    }
    assertTrue(files.stream().noneMatch(Files::exists), "close() deletes the downloaded files: " + files);
  }

  @OzonTargets
  void reportForTwelveCampaignsIsSplitIntoTenAndTwoAndMergesBothZips(TargetEnv env) throws Exception {
    OzonPerformanceClient client = env.newClient();
    List<String> ids = campaignIds(client, 12);
    assumeTrue(ids.size() >= 11, "splitting needs more than 10 campaigns; the account has " + ids.size());
    LocalDate[] days = env.lastDays(7);
    List<ReportProgressEvent> progress = new CopyOnWriteArrayList<>();

    List<Path> files;
    try (ReportResult result = client.reports().run(request(ids, days), progress::add)) {
      files = result.files();
      List<ReportChunk> chunks = result.chunks();
      assertEquals(2, chunks.size(), "at most 10 campaigns per report");
      assertEquals(ids.subList(0, 10), chunks.get(0).campaignIds());
      assertEquals(ids.subList(10, ids.size()), chunks.get(1).campaignIds());
      assertTrue(chunks.stream().allMatch(c -> c.state() == ReportState.OK), chunks.toString());
      assertEquals(2, chunks.stream().map(ReportChunk::uuid).distinct().count());
      List<ReportRow> rows = rows(result);

      assertProgress(progress, 2);
      assertRowsInRange(rows, ids, days);
      if (env.isSandbox()) {
        assertRowsMatchSandbox(env, rows, ids, days);
        assertTotalsMatchSandbox(env, result.totals(), ids, days);
        assertEquals(2, env.sandbox().requests("/api/client/statistics"), "one submission per chunk");
        List<RecordedCall> downloads = env.sandbox().recentRequests().stream()
            .filter(r -> r.path().equals("/api/client/statistics/report")).toList();
        assertEquals(2, downloads.size(), "one download per chunk");
        assertEquals(List.of(true, true), files.stream().map(StatisticsScenariosIT::isZip).toList(),
            "several campaigns: a ZIP of CSVs per chunk");
      }
    }
    assertTrue(files.stream().noneMatch(Files::exists), "close() deletes the downloaded files: " + files);
  }

  static boolean isZip(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      byte[] magic = in.readNBytes(4);
      return magic.length == 4 && magic[0] == 'P' && magic[1] == 'K' && magic[2] == 3 && magic[3] == 4;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<ReportRow> rows(ReportResult result) {
    try (Stream<ReportRow> rows = result.rows()) {
      return rows.toList();
    }
  }

  /** The SDK's totals equal the sum of the sandbox's daily numbers. */
  static void assertTotalsMatchSandbox(TargetEnv env, ReportTotals totals, List<String> ids, LocalDate[] days) {
    DailyMetrics sum = DailyMetrics.zero();
    for (String id : ids) {
      sum = sum.plus(env.sandbox().data().total(id, days[0], days[1]));
    }
    assertEquals(ids.size() * 7L, totals.rows());
    assertEquals(sum.views(), totals.views());
    assertEquals(sum.clicks(), totals.clicks());
    assertEquals(0, sum.spend().compareTo(totals.spend()), sum.spend() + " vs " + totals.spend());
    assertEquals(sum.orders(), totals.orders());
    assertEquals(0, sum.ordersMoney().compareTo(totals.ordersMoney()));
  }

  static ReportRequest request(List<String> ids, LocalDate[] days) {
    return ReportRequest.builder()
        .campaignIds(ids)
        .dateFrom(days[0])
        .dateTo(days[1])
        .groupBy(ReportGroupBy.DATE)
        .format(ReportFormat.CSV)
        .build();
  }

  /** Up to {@code n} campaign ids: SKU campaigns first (they have statistics on the real API too). */
  static List<String> campaignIds(OzonPerformanceClient client, int n) {
    List<Campaign> all = client.campaigns().listCampaigns(null, null, null, null, null).getList();
    assumeFalse(all == null || all.isEmpty(), "the account has no campaigns");
    List<String> ids = new ArrayList<>();
    all.stream().filter(c -> "SKU".equals(c.getAdvObjectType())).forEach(c -> ids.add(c.getId()));
    all.stream().filter(c -> !"SKU".equals(c.getAdvObjectType())).forEach(c -> ids.add(c.getId()));
    return List.copyOf(ids.subList(0, Math.min(n, ids.size())));
  }

  static void assertProgress(List<ReportProgressEvent> progress, int chunkCount) {
    assertFalse(progress.isEmpty(), "progress was reported");
    Set<Integer> chunksSeen = new HashSet<>();
    for (ReportProgressEvent e : progress) {
      assertEquals(chunkCount, e.chunkCount(), e.toString());
      chunksSeen.add(e.chunkIndex());
    }
    assertEquals(chunkCount, chunksSeen.size(), "every chunk reported progress: " + progress);
    assertEquals(ReportState.OK, progress.get(progress.size() - 1).state());
  }

  static void assertRowsInRange(List<ReportRow> rows, List<String> ids, LocalDate[] days) {
    for (ReportRow row : rows) {
      assertTrue(ids.contains(row.campaignId()), "row for a campaign not asked for: " + row);
      if (row.date() != null) {
        assertFalse(row.date().isBefore(days[0]) || row.date().isAfter(days[1]), "row outside the range: " + row);
      }
    }
  }

  /** Every (campaign, day) has exactly one row, with the sandbox's exact numbers. */
  static void assertRowsMatchSandbox(TargetEnv env, List<ReportRow> rows, List<String> ids, LocalDate[] days) {
    SandboxData data = env.sandbox().data();
    assertEquals(ids.size() * 7, rows.size(), "one row per campaign and day");
    Set<String> keys = rows.stream().map(r -> r.campaignId() + "/" + r.date()).collect(Collectors.toSet());
    assertEquals(rows.size(), keys.size(), "no duplicated rows");
    for (ReportRow row : rows) {
      DailyMetrics m = data.metrics(row.campaignId(), row.date());
      assertEquals(Long.valueOf(m.views()), row.views(), row.toString());
      assertEquals(Long.valueOf(m.clicks()), row.clicks(), row.toString());
      assertEquals(0, m.spend().compareTo(row.spend()), row.toString());
      assertEquals(Long.valueOf(m.orders()), row.orders(), row.toString());
      assertEquals(0, m.ordersMoney().compareTo(row.ordersMoney()), row.toString());
    }
  }
}
