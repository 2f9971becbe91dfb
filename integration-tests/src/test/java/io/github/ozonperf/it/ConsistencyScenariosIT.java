package io.github.ozonperf.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.ozonperf.client.CampaignFilter;
import io.github.ozonperf.client.OzonPerformanceClient;
import io.github.ozonperf.client.model.Campaign;
import io.github.ozonperf.client.model.DailyStatisticsRow;
import io.github.ozonperf.client.model.ExpenseStatisticsRow;
import io.github.ozonperf.client.report.Numbers;
import io.github.ozonperf.client.report.ReportFormat;
import io.github.ozonperf.client.report.ReportGroupBy;
import io.github.ozonperf.client.report.ReportRequest;
import io.github.ozonperf.client.report.ReportResult;
import io.github.ozonperf.client.report.ReportRow;
import io.github.ozonperf.client.report.ReportTotals;
import io.github.ozonperf.it.support.Agreement;
import io.github.ozonperf.it.support.AnswerCapture;
import io.github.ozonperf.it.support.CallCounter;
import io.github.ozonperf.it.support.OzonTargets;
import io.github.ozonperf.it.support.Recorder;
import io.github.ozonperf.it.support.RunReport;
import io.github.ozonperf.it.support.TargetEnv;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Scenario 7 - the numbers agree across the doors of the API. Ozon reports the same facts through the report CSV
 * (grouped by date and not grouped, one campaign or a ZIP of several, CSV or JSON), its own {@code Всего} line, the
 * daily statistics, the expense statistics and the campaign statistics JSON. None of them needs expected values to be
 * an oracle for the others, so these scenarios run against a live account too: a user who runs them learns whether
 * the SDK reads their numbers right. Tolerances are those of {@link Agreement}; every disagreement names the pair of
 * sources, the campaign (hashed in the run report), the day and both values.
 *
 * <p>Campaigns are chosen by the type a scenario needs (never by list order) and the scenario is skipped, with the
 * reason, when the account has none. The period is {@link #DAYS} whole Moscow days ending
 * {@link Agreement#SETTLED_DAYS} days ago. What each scenario costs on a live account is in the README.
 */
class ConsistencyScenariosIT {
  static final int DAYS = 3;
  static final int CAMPAIGNS = 2;
  static final Recorder RECORDER = new Recorder();

  /** Report by date vs daily/json vs expense/json vs campaign statistics JSON, and the report vs its Всего line. */
  @OzonTargets
  void skuReportAgreesWithDailyExpenseAndCampaignStatistics(TargetEnv env) {
    AnswerCapture capture = new AnswerCapture();
    CallCounter counter = new CallCounter();
    OzonPerformanceClient client = env.build(env.clientBuilder(counter, capture), counter, true);
    List<String> ids = pick(env, client, "SKU");
    LocalDate[] days = period();

    Read read = read(env, client, request(ids, days, ReportGroupBy.DATE, ReportFormat.CSV), "sku-csv",
        ids.get(0) + "_report");
    Map<Key, Facts> report = read.days();
    Map<String, ReportTotals> perCampaign = read.campaigns();
    List<DailyStatisticsRow> daily = client.statisticsJson().getDailyStatisticsJson(ids, days[0], days[1]).getRows();
    List<ExpenseStatisticsRow> expense = client.statisticsJson().getCampaignExpenseJson(ids, days[0], days[1])
        .getRows();
    List<Map<String, Object>> product = client.statisticsJson().getProductCampaignStatisticsJson(ids, null, null,
        days[0], days[1]).getRows();
    capture.record(RECORDER, env.target());

    Agreement reportVsDaily = new Agreement(env.target(), "report CSV (by date) vs daily/json");
    Map<Key, Facts> dailyFacts = new TreeMap<>();
    for (DailyStatisticsRow row : daily) {
      dailyFacts.put(new Key(row.getId(), LocalDate.parse(row.getDate())), new Facts(
          Numbers.parseLong(row.getViews()), Numbers.parseLong(row.getClicks()),
          Numbers.parseDecimal(row.getMoneySpent()), Numbers.parseLong(row.getOrders()),
          Numbers.parseDecimal(row.getOrdersMoney()), 1));
    }
    for (Key key : union(report, dailyFacts)) {
      Facts a = report.getOrDefault(key, Facts.ZERO);
      Facts b = dailyFacts.getOrDefault(key, Facts.ZERO);
      boolean corrected = perCampaign.getOrDefault(key.campaignId, ReportTotals.EMPTY).corrections().signum() != 0;
      compare(reportVsDaily, key.campaignId, key.day, a, b, !corrected);
    }
    // A campaign whose report has a correction: the day of the correction is unknown, so spend is compared over
    // the period, where the daily statistics may count it or not.
    for (Map.Entry<String, ReportTotals> e : perCampaign.entrySet()) {
      if (e.getValue().corrections().signum() != 0) {
        BigDecimal dailySpend = sum(dailyFacts, e.getKey()).spend;
        reportVsDaily.money(e.getKey(), null, "spend (period)", spendNearest(e.getValue(), dailySpend), dailySpend,
            e.getValue().rows() + DAYS);
      }
    }

    Agreement dailyVsExpense = new Agreement(env.target(), "daily/json vs expense/json");
    Map<Key, BigDecimal> expenseSpend = new TreeMap<>();
    for (ExpenseStatisticsRow row : expense) {
      expenseSpend.merge(new Key(row.getId(), LocalDate.parse(row.getDate())),
          Numbers.parseDecimal(row.getMoneySpent()), BigDecimal::add);
    }
    for (Key key : union(dailyFacts, expenseSpend)) {
      dailyVsExpense.money(key.campaignId, key.day, "spend", dailyFacts.getOrDefault(key, Facts.ZERO).spend,
          expenseSpend.getOrDefault(key, BigDecimal.ZERO), 2);
    }

    Agreement reportVsCampaign = new Agreement(env.target(), "report CSV vs campaign/product/json");
    for (Map<String, Object> row : product) {
      String id = String.valueOf(row.get("id"));
      if (!ids.contains(id)) {
        continue;
      }
      Facts c = new Facts(longOf(row.get("views")), longOf(row.get("clicks")), moneyOf(row.get("moneySpent")),
          longOf(row.get("orders")), moneyOf(row.get("ordersMoney")), 1);
      ReportTotals t = perCampaign.getOrDefault(id, ReportTotals.EMPTY);
      compare(reportVsCampaign, id, null, new Facts(t.views(), t.clicks(), spendNearest(t, c.spend), t.orders(),
          t.ordersMoney(), t.rows()), c, true);
    }

    requireActivity(env, reportVsDaily);
    reportVsDaily.assertAgreed();
    dailyVsExpense.assertAgreed();
    reportVsCampaign.assertAgreed();
  }

  /** The same report grouped by date, not grouped, and as JSON: every campaign's sums and corrections agree. */
  @OzonTargets
  void reportByDateAgreesWithTheSameReportNotGroupedAndAsJson(TargetEnv env) {
    OzonPerformanceClient client = env.newClient();
    List<String> ids = pick(env, client, "SKU");
    LocalDate[] days = period();

    Map<String, ReportTotals> byDate = totals(env, client, request(ids, days, ReportGroupBy.DATE, ReportFormat.CSV),
        "sku-csv", ids.get(0) + "_by_date");
    Map<String, ReportTotals> notGrouped = totals(env, client,
        request(ids, days, ReportGroupBy.NO_GROUP_BY, ReportFormat.CSV), "sku-nogroup-csv",
        ids.get(0) + "_not_grouped");
    Map<String, ReportTotals> json = totals(env, client, request(ids, days, ReportGroupBy.DATE, ReportFormat.JSON),
        "report-json", ids.get(0) + "_json");

    Agreement grouped = new Agreement(env.target(), "report by date vs report not grouped");
    Agreement csvJson = new Agreement(env.target(), "report CSV vs report JSON");
    for (String id : ids) {
      ReportTotals a = byDate.getOrDefault(id, ReportTotals.EMPTY);
      compareTotals(grouped, id, a, notGrouped.getOrDefault(id, ReportTotals.EMPTY), true);
      compareTotals(csvJson, id, a, json.getOrDefault(id, ReportTotals.EMPTY), false);
    }
    requireActivity(env, grouped);
    grouped.assertAgreed();
    csvJson.assertAgreed();
  }

  /** A ZIP of several campaigns and the CSV of each campaign alone: the same rows, day by day. */
  @OzonTargets
  void zipOfSeveralCampaignsAgreesWithEachCampaignsCsvAlone(TargetEnv env) {
    OzonPerformanceClient client = env.newClient();
    List<String> ids = pick(env, client, "SKU");
    assumeTrue(ids.size() >= 2, "a ZIP needs two campaigns of type SKU; the account has " + ids.size());
    LocalDate[] days = period();

    Read read = read(env, client, request(ids, days, ReportGroupBy.DATE, ReportFormat.CSV), "sku-csv",
        ids.get(0) + "_zip");
    Map<Key, Facts> zip = read.days();
    Map<String, ReportTotals> zipTotals = read.campaigns();
    Map<Key, Facts> alone = new TreeMap<>();
    Map<String, ReportTotals> aloneTotals = new LinkedHashMap<>();
    for (String id : ids) {
      Read one = read(env, client, request(List.of(id), days, ReportGroupBy.DATE, ReportFormat.CSV), "sku-csv",
          id + "_alone");
      alone.putAll(one.days());
      aloneTotals.putAll(one.campaigns());
    }

    Agreement agreement = new Agreement(env.target(), "report ZIP vs CSV of each campaign alone");
    for (Key key : union(zip, alone)) {
      compare(agreement, key.campaignId, key.day, zip.getOrDefault(key, Facts.ZERO),
          alone.getOrDefault(key, Facts.ZERO), true);
    }
    for (String id : ids) {
      agreement.money(id, null, "corrections", zipTotals.getOrDefault(id, ReportTotals.EMPTY).corrections(),
          aloneTotals.get(id).corrections(), 2);
    }
    requireActivity(env, agreement);
    agreement.assertAgreed();
  }

  /** Banner campaigns: the report (rows per banner and platform) against the daily statistics, day by day. */
  @OzonTargets
  void bannerReportAgreesWithDailyStatistics(TargetEnv env) {
    OzonPerformanceClient client = env.newClient();
    List<String> ids = pick(env, client, "BANNER");
    LocalDate[] days = period();

    Read read = read(env, client, request(ids, days, ReportGroupBy.DATE, ReportFormat.CSV), "banner-csv",
        ids.get(0) + "_banner");
    Map<Key, Facts> report = read.days();
    Map<String, ReportTotals> perCampaign = read.campaigns();
    Map<Key, Facts> daily = new TreeMap<>();
    for (DailyStatisticsRow row : client.statisticsJson().getDailyStatisticsJson(ids, days[0], days[1]).getRows()) {
      daily.put(new Key(row.getId(), LocalDate.parse(row.getDate())), new Facts(Numbers.parseLong(row.getViews()),
          Numbers.parseLong(row.getClicks()), Numbers.parseDecimal(row.getMoneySpent()), Long.valueOf(0),
          BigDecimal.ZERO, 1));
    }

    Agreement agreement = new Agreement(env.target(), "banner report CSV vs daily/json");
    for (Key key : union(report, daily)) {
      Facts a = report.getOrDefault(key, Facts.ZERO);
      Facts b = daily.getOrDefault(key, Facts.ZERO);
      boolean corrected = perCampaign.getOrDefault(key.campaignId, ReportTotals.EMPTY).corrections().signum() != 0;
      agreement.count(key.campaignId, key.day, "views", a.views, b.views)
          .count(key.campaignId, key.day, "clicks", a.clicks, b.clicks);
      if (!corrected) {
        agreement.money(key.campaignId, key.day, "spend", a.spend, b.spend, a.values + b.values);
      }
    }
    requireActivity(env, agreement);
    agreement.assertAgreed();
  }

  // ------------------------------------------------------------------------------------------------ helpers

  /**
   * Up to {@link #CAMPAIGNS} campaigns of {@code type} that a statistics report can include: running ones first,
   * then by id; archived ones are left out (Ozon was seen to refuse them in reports). Skips the scenario when there is
   * none.
   */
  static List<String> pick(TargetEnv env, OzonPerformanceClient client, String type) {
    List<Campaign> all = client.listAllCampaigns(CampaignFilter.builder().advObjectType(type).build());
    List<String> ids = all.stream()
        .filter(c -> type.equals(c.getAdvObjectType()) && c.getState() != null
            && !"CAMPAIGN_STATE_ARCHIVED".equals(c.getState().getValue()))
        .sorted(Comparator.comparing((Campaign c) -> !"CAMPAIGN_STATE_RUNNING".equals(c.getState().getValue()))
            .thenComparing(c -> new BigDecimal(c.getId())))
        .map(Campaign::getId).limit(CAMPAIGNS).toList();
    assumeTrue(!ids.isEmpty(), "the account has no " + type + " campaign that a statistics report can include");
    return ids;
  }

  /** {@link #DAYS} whole Moscow days, ending {@link Agreement#SETTLED_DAYS} days ago. */
  static LocalDate[] period() {
    LocalDate to = LocalDate.now(TargetEnv.OZON_ZONE).minusDays(Agreement.SETTLED_DAYS);
    return new LocalDate[] {to.minusDays(DAYS - 1L), to};
  }

  static ReportRequest request(List<String> ids, LocalDate[] days, ReportGroupBy groupBy, ReportFormat format) {
    return ReportRequest.builder().campaignIds(ids).dateFrom(days[0]).dateTo(days[1]).groupBy(groupBy)
        .format(format).build();
  }

  /**
   * The report's spend with or without its corrections, whichever is nearer {@code other}: a source that has no day
   * for a correction may count it or not (the comparison then checks the nearer one within its tolerance).
   */
  static BigDecimal spendNearest(ReportTotals report, BigDecimal other) {
    BigDecimal rows = report.spend();
    BigDecimal charged = report.spendWithCorrections();
    return other.subtract(rows).abs().compareTo(other.subtract(charged).abs()) <= 0 ? rows : charged;
  }

  /** What a report says: its rows summed per campaign and day (reports grouped by date), and its totals. */
  record Read(Map<Key, Facts> days, Map<String, ReportTotals> campaigns) {
  }

  /** Runs a report, checks its numbers and its Всего lines, records it (CSV), and reads what it says. */
  static Read read(TargetEnv env, OzonPerformanceClient client, ReportRequest request, String kind, String name) {
    try (ReportResult result = client.reports().run(request)) {
      assertOzonTotalsAgree(env, result);
      if (request.format() == ReportFormat.CSV) {
        result.files().forEach(f -> RECORDER.report(env.target(), kind, f, name));
      }
      // Days only from CSV by date: the JSON form's rows carry no date in the public samples.
      boolean byDay = request.groupBy() == ReportGroupBy.DATE && request.format() == ReportFormat.CSV;
      return new Read(byDay ? byCampaignAndDay(result) : Map.of(), result.totalsByCampaign());
    }
  }

  static Map<String, ReportTotals> totals(TargetEnv env, OzonPerformanceClient client, ReportRequest request,
      String kind, String name) {
    return read(env, client, request, kind, name).campaigns();
  }

  /** The sums of a report's rows agree with Ozon's own totals lines (the reader checks; this records it). */
  static void assertOzonTotalsAgree(TargetEnv env, ReportResult result) {
    assertEquals(Map.of(), result.skipped(), "no campaign of the chosen type is left out");
    Agreement agreement = new Agreement(env.target(), "report rows vs Ozon's Всего line");
    result.mismatches().forEach(m -> agreement.money(m.campaignId(), null, m.column(), m.rowsSum(), m.ozonTotal(), 0));
    if (result.mismatches().isEmpty()) {
      RunReport.checked(env.target(), "report rows vs Ozon's Всего line", true);
    } else {
      agreement.assertAgreed();
    }
    for (ReportRow row : rows(result)) {
      assertTrue(row.views() == null || row.views() >= 0, "views are not negative: " + row);
      assertTrue(row.clicks() == null || row.views() == null || row.clicks() <= row.views(),
          "clicks <= views: " + row);
      assertTrue(row.spend() == null || row.spend().signum() >= 0, "a row's spend is not negative: " + row);
    }
  }

  static List<ReportRow> rows(ReportResult result) {
    try (Stream<ReportRow> rows = result.rows()) {
      return rows.toList();
    }
  }

  /** The rows summed per campaign and day (a SKU report has a row per product, a banner one per platform). */
  static Map<Key, Facts> byCampaignAndDay(ReportResult result) {
    Map<Key, Facts> facts = new TreeMap<>();
    for (ReportRow row : rows(result)) {
      assertTrue(row.date() != null, "a report grouped by date has a date on every row: " + row);
      facts.merge(new Key(row.campaignId(), row.date()), Facts.of(row), Facts::plus);
    }
    return facts;
  }

  static void compare(Agreement agreement, String id, LocalDate day, Facts a, Facts b, boolean spend) {
    agreement.count(id, day, "views", a.views, b.views)
        .count(id, day, "clicks", a.clicks, b.clicks)
        .count(id, day, "orders", a.orders, b.orders)
        .money(id, day, "ordersMoney", a.ordersMoney, b.ordersMoney, a.values + b.values);
    if (spend) {
      agreement.money(id, day, "spend", a.spend, b.spend, a.values + b.values);
    }
  }

  static void compareTotals(Agreement agreement, String id, ReportTotals a, ReportTotals b, boolean corrections) {
    compare(agreement, id, null, new Facts(a.views(), a.clicks(), a.spend(), a.orders(), a.ordersMoney(), a.rows()),
        new Facts(b.views(), b.clicks(), b.spend(), b.orders(), b.ordersMoney(), b.rows()), true);
    if (corrections) {
      agreement.money(id, null, "corrections", a.corrections(), b.corrections(), 2);
    }
  }

  /**
   * A comparison of zeros proves nothing: on the sandbox there is always activity (so a reader that reads zeros
   * fails), on a live account without activity in the period the scenario is skipped with that reason.
   */
  static void requireActivity(TargetEnv env, Agreement agreement) {
    if (env.isSandbox()) {
      assertTrue(agreement.sawNonZero(), "the sandbox has activity on every day: a comparison of zeros is a bug");
    } else {
      assumeTrue(agreement.sawNonZero(), "the chosen campaigns had no activity in " + DAYS + " days");
    }
  }

  static <K extends Comparable<K>> java.util.SortedSet<K> union(Map<K, ?> a, Map<K, ?> b) {
    java.util.SortedSet<K> keys = new java.util.TreeSet<>(a.keySet());
    keys.addAll(b.keySet());
    return keys;
  }

  static Facts sum(Map<Key, Facts> facts, String campaignId) {
    return facts.entrySet().stream().filter(e -> e.getKey().campaignId.equals(campaignId)).map(Map.Entry::getValue)
        .reduce(Facts.ZERO, Facts::plus);
  }

  static long longOf(Object value) {
    Long v = value == null ? null : Numbers.parseLong(value.toString());
    return v == null ? 0 : v;
  }

  static BigDecimal moneyOf(Object value) {
    BigDecimal v = value == null ? null : Numbers.parseDecimal(value.toString());
    return v == null ? BigDecimal.ZERO : v;
  }

  record Key(String campaignId, LocalDate day) implements Comparable<Key> {
    @Override
    public int compareTo(Key o) {
      int c = campaignId.compareTo(o.campaignId);
      return c != 0 ? c : Objects.compare(day, o.day, Comparator.nullsFirst(Comparator.naturalOrder()));
    }
  }

  /** Facts of one campaign-day from one source; {@code values}: how many rounded values were summed. */
  record Facts(long views, long clicks, BigDecimal spend, long orders, BigDecimal ordersMoney, long values) {
    static final Facts ZERO = new Facts(0, 0, BigDecimal.ZERO, 0, BigDecimal.ZERO, 0);

    Facts(Long views, Long clicks, BigDecimal spend, Long orders, BigDecimal ordersMoney, long values) {
      this(views == null ? 0 : (long) views, clicks == null ? 0 : (long) clicks,
          spend == null ? BigDecimal.ZERO : spend, orders == null ? 0 : (long) orders,
          ordersMoney == null ? BigDecimal.ZERO : ordersMoney, values);
    }

    static Facts of(ReportRow row) {
      return new Facts(row.views(), row.clicks(), row.spend(), row.orders(), row.ordersMoney(), 1);
    }

    Facts plus(Facts o) {
      return new Facts(views + o.views, clicks + o.clicks, spend.add(o.spend), orders + o.orders,
          ordersMoney.add(o.ordersMoney), values + o.values);
    }
  }
}
