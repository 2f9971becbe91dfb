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
import java.math.BigDecimal;
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
      long views = Numbers.parseLong(row.getViews());
      long clicks = Numbers.parseLong(row.getClicks());
      assertTrue(views >= 0 && clicks >= 0 && clicks <= views, "0 <= clicks <= views: " + row);
      assertTrue(Numbers.parseDecimal(row.getMoneySpent()).signum() >= 0, "spend is not negative: " + row);
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
      BigDecimal spent = Numbers.parseDecimal(row.getMoneySpent());
      assertTrue(spent.signum() >= 0, "spend is not negative: " + row);
      for (String part : new String[] {row.getBonusSpent(), row.getPrepaymentSpent()}) {
        BigDecimal p = part == null ? null : Numbers.parseDecimal(part);
        assertTrue(p == null || (p.signum() >= 0 && p.compareTo(spent) <= 0), "a part of the spend is within it: "
            + row);
      }
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
      assertNumbersAreSound(result, rows);
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
      assertNumbersAreSound(result, rows);
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

  /** The SDK's totals equal the sum of the sandbox's daily numbers, and its corrections the sandbox's. */
  static void assertTotalsMatchSandbox(TargetEnv env, ReportTotals totals, List<String> ids, LocalDate[] days) {
    DailyMetrics sum = DailyMetrics.zero();
    BigDecimal corrections = BigDecimal.ZERO;
    for (String id : ids) {
      sum = sum.plus(env.sandbox().data().total(id, days[0], days[1]));
      corrections = corrections.add(env.sandbox().data().correction(id, days[0], days[1]));
    }
    assertEquals(sum.views(), totals.views());
    assertEquals(sum.clicks(), totals.clicks());
    assertEquals(0, sum.spend().compareTo(totals.spend()), sum.spend() + " vs " + totals.spend());
    assertEquals(sum.orders(), totals.orders());
    assertEquals(0, sum.ordersMoney().compareTo(totals.ordersMoney()));
    assertEquals(0, corrections.compareTo(totals.corrections()), corrections + " vs " + totals.corrections());
  }

  /**
   * What any account's report must satisfy, whatever its numbers: no negative count or spend, clicks never above
   * views, the SDK's totals equal to the sum of the rows it returned, and the rows in agreement with Ozon's own
   * Всего lines.
   */
  static void assertNumbersAreSound(ReportResult result, List<ReportRow> rows) {
    ReportTotals sum = ReportTotals.EMPTY;
    for (ReportRow row : rows) {
      assertTrue(row.views() == null || row.views() >= 0, "negative views: " + row);
      assertTrue(row.clicks() == null || row.clicks() >= 0, "negative clicks: " + row);
      assertTrue(row.clicks() == null || row.views() == null || row.clicks() <= row.views(), "clicks > views: " + row);
      assertTrue(row.spend() == null || row.spend().signum() >= 0, "negative spend: " + row);
      assertTrue(row.orders() == null || row.orders() >= 0, "negative orders: " + row);
      sum = sum.plus(row);
    }
    ReportTotals totals = result.totals();
    assertEquals(sum.rows(), totals.rows(), "totals count every row");
    assertEquals(sum.views(), totals.views());
    assertEquals(sum.clicks(), totals.clicks());
    assertEquals(0, sum.spend().compareTo(totals.spend()), "spend is the sum of its rows");
    assertEquals(0, sum.ordersMoney().compareTo(totals.ordersMoney()), "revenue is the sum of its rows");
    assertEquals(List.of(), result.mismatches(), "the rows agree with Ozon's Всего lines");
    assertEquals(java.util.Map.of(), result.skipped(), "the chosen campaigns are all reportable");
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

  /**
   * Up to {@code n} ids of campaigns a statistics report can include (SKU, then BANNER; archived ones left out, as
   * Ozon refuses them), each type by id: the choice never depends on the order of the list.
   */
  static List<String> campaignIds(OzonPerformanceClient client, int n) {
    List<Campaign> all = client.listAllCampaigns(io.github.ozonperf.client.CampaignFilter.all());
    assumeFalse(all == null || all.isEmpty(), "the account has no campaigns");
    List<String> ids = new ArrayList<>();
    for (String type : List.of("SKU", "BANNER")) {
      all.stream().filter(c -> type.equals(c.getAdvObjectType()))
          .filter(c -> c.getState() == null || !"CAMPAIGN_STATE_ARCHIVED".equals(c.getState().getValue()))
          .map(Campaign::getId).sorted(java.util.Comparator.comparing(BigDecimal::new)).forEach(ids::add);
    }
    assumeFalse(ids.isEmpty(), "the account has no SKU or BANNER campaign that a report can include");
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

  /** Every (campaign, day) of the sandbox is in the rows, their sum has the sandbox's exact numbers. */
  static void assertRowsMatchSandbox(TargetEnv env, List<ReportRow> rows, List<String> ids, LocalDate[] days) {
    SandboxData data = env.sandbox().data();
    java.util.Map<String, DailyMetrics> sums = new java.util.TreeMap<>();
    for (ReportRow row : rows) {
      DailyMetrics m = new DailyMetrics(row.views(), row.clicks(), row.spend(), BigDecimal.ZERO,
          row.orders() == null ? 0 : row.orders(), row.ordersMoney() == null ? BigDecimal.ZERO : row.ordersMoney());
      sums.merge(row.campaignId() + "/" + row.date(), m, DailyMetrics::plus);
    }
    assertEquals(ids.size() * 7, sums.size(), "rows for every campaign and day: " + sums.keySet());
    for (java.util.Map.Entry<String, DailyMetrics> e : sums.entrySet()) {
      String[] key = e.getKey().split("/");
      DailyMetrics m = data.metrics(key[0], LocalDate.parse(key[1]));
      assertEquals(m.views(), e.getValue().views(), e.getKey());
      assertEquals(m.clicks(), e.getValue().clicks(), e.getKey());
      assertEquals(0, m.spend().compareTo(e.getValue().spend()), e.getKey());
      assertEquals(m.orders(), e.getValue().orders(), e.getKey());
      assertEquals(0, m.ordersMoney().compareTo(e.getValue().ordersMoney()), e.getKey());
    }
  }
}
