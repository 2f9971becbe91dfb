package io.github.ozonperf.sandbox;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.github.ozonperf.sandbox.SandboxClient.Reply;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ReportsTest {
  private final MutableClock clock = MutableClock.at2026();
  private final OzonSandbox sandbox = OzonSandbox.builder().clock(clock).reportDuration(Duration.ofSeconds(3))
      .start();
  private final SandboxClient client = new SandboxClient(sandbox).login();

  @AfterEach
  void close() {
    sandbox.close();
  }

  private String id(int i) {
    return sandbox.data().campaigns().get(i).id();
  }

  private static String body(String from, String to, String groupBy, String... ids) {
    String list = java.util.Arrays.stream(ids).map(i -> "\"" + i + "\"").collect(Collectors.joining(","));
    return "{\"campaigns\":[" + list + "],\"dateFrom\":\"" + from + "\",\"dateTo\":\"" + to + "\",\"groupBy\":\""
        + groupBy + "\"}";
  }

  private String submit(String json) {
    Reply r = client.post("/api/client/statistics", json);
    assertEquals(200, r.code(), r.text());
    assertFalse(r.json().get("vendor").getAsBoolean());
    return r.json().get("UUID").getAsString();
  }

  private String state(String uuid) {
    return client.get("/api/client/statistics/" + uuid).json().get("state").getAsString();
  }

  @Test
  void reportGoesNotStartedThenInProgressThenOkOnTheSandboxClock() {
    String uuid = submit(body("2026-11-01", "2026-11-07", "DATE", id(0)));
    assertEquals("NOT_STARTED", state(uuid));
    clock.advance(Duration.ofSeconds(1));
    assertEquals("IN_PROGRESS", state(uuid));
    clock.advance(Duration.ofSeconds(2));
    JsonObject status = client.get("/api/client/statistics/" + uuid).json();
    assertEquals("OK", status.get("state").getAsString());
    assertEquals("/api/client/statistics/report?UUID=" + uuid, status.get("link").getAsString());
    assertEquals("STATS", status.get("kind").getAsString());
    assertEquals(id(0), status.getAsJsonObject("request").getAsJsonArray("campaigns").get(0).getAsString());
  }

  @Test
  void unknownCampaignEndsInErrorWithReason() {
    String uuid = submit(body("2026-11-01", "2026-11-02", "DATE", "123"));
    clock.advance(Duration.ofSeconds(3));
    JsonObject status = client.get("/api/client/statistics/" + uuid).json();
    assertEquals("ERROR", status.get("state").getAsString());
    assertEquals("campaign not found: 123", status.get("error").getAsString());
  }

  @Test
  void secondSubmitWhileOneIsGeneratingGets429WithOzonsMessage() {
    submit(body("2026-11-01", "2026-11-02", "DATE", id(0)));
    Reply second = client.post("/api/client/statistics/json", body("2026-11-01", "2026-11-02", "DATE", id(1)));
    assertEquals(429, second.code());
    assertEquals("Превышен лимит активных запросов (максимум 1)", second.error());
    clock.advance(Duration.ofSeconds(3));
    assertEquals(200, client.post("/api/client/statistics", body("2026-11-01", "2026-11-02", "DATE", id(1))).code());
  }

  @Test
  void moreThanTenCampaignsGets400() {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 11; i++) {
      ids.add(id(i));
    }
    Reply r = client.post("/api/client/statistics", body("2026-11-01", "2026-11-02", "DATE",
        ids.toArray(String[]::new)));
    assertEquals(400, r.code());
    assertEquals("Превышен лимит по количеству кампаний (максимум 10)", r.error());
  }

  @Test
  void sixtyThreeDaysGets400WithOzonsMessageButSixtyTwoPass() {
    Reply r = client.post("/api/client/statistics", body("2026-01-01", "2026-03-04", "DATE", id(0)));
    assertEquals(400, r.code());
    assertEquals("max statistics period: 62 days", r.error());
    assertEquals(200, client.post("/api/client/statistics", body("2026-01-01", "2026-03-03", "DATE", id(0))).code());
  }

  @Test
  void missingCampaignsOrDatesOrMalformedBodyGet400() {
    assertEquals("empty campaigns: campaigns is required, e.g. {\"campaigns\":[\"123\"]}",
        client.post("/api/client/statistics", "{\"dateFrom\":\"2026-01-01\",\"dateTo\":\"2026-01-02\"}").error());
    assertEquals(400, client.post("/api/client/statistics", "{\"campaigns\":[\"" + id(0) + "\"]}").code());
    assertEquals(400, client.post("/api/client/statistics", "[1,2").code());
    assertEquals(400, client.post("/api/client/statistics", body("2026-01-01", "2026-01-02", "WEEK", id(0))).code());
  }

  @Test
  void unknownUuidGets404ReportNotFound() {
    Reply status = client.get("/api/client/statistics/00000000-0000-0000-0000-000000000000");
    assertEquals(404, status.code());
    assertEquals("report not found", status.error());
    assertEquals("report not found", client.get("/api/client/statistics/report?UUID=nope").error());
  }

  @Test
  void downloadBeforeOkGets400SayingToPoll() {
    String uuid = submit(body("2026-11-01", "2026-11-02", "DATE", id(0)));
    Reply r = client.get("/api/client/statistics/report?UUID=" + uuid);
    assertEquals(400, r.code());
    assertTrue(r.error().contains("not ready"));
  }

  @Test
  void downloadOfAFailedReportGets400SayingItFailedNotToKeepPolling() {
    String uuid = submit(body("2026-11-01", "2026-11-02", "DATE", "123"));
    clock.advance(Duration.ofSeconds(3));
    Reply r = client.get("/api/client/statistics/report?UUID=" + uuid);
    assertEquals(400, r.code());
    assertTrue(r.error().contains("report failed") && r.error().contains("123"), r.error());
    assertFalse(r.error().contains("poll"), r.error());
  }

  static final String SKU_2026 = "sku;Название товара;Цена товара, ₽;Показы;Клики;CTR, %;Добавления в корзину;"
      + "Средняя стоимость клика, ₽;Расход, ₽, с НДС;Продано товаров;Продажи в продвижении, ₽;Продано товаров модели;"
      + "Продажи в продвижении с заказов модели, ₽;ДРР в продвижении, %;Заказано на сумму, ₽;ДРР (общий), %;"
      + "Дата добавления";

  private String[] csvLines(String uuid) {
    Reply r = client.get("/api/client/statistics/report?UUID=" + uuid);
    assertEquals(200, r.code(), r.text());
    assertTrue(r.text().startsWith("\uFEFF;"), r.text());
    return r.text().substring(1).split("\n");
  }

  private static String num(long v) {
    String s = Long.toString(v);
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      if (i > 0 && (s.length() - i) % 3 == 0) {
        sb.append(' ');
      }
      sb.append(s.charAt(i));
    }
    return sb.toString();
  }

  private static String money(BigDecimal v, boolean thousands) {
    String s = v.toPlainString();
    int dot = s.indexOf('.');
    String whole = s.substring(0, dot);
    boolean neg = whole.startsWith("-");
    String w = neg ? whole.substring(1) : whole;
    return (neg ? "-" : "") + (thousands ? num(Long.parseLong(w)) : w) + "," + s.substring(dot + 1);
  }

  /** The first SKU campaign with (or without) a correction for the period. */
  private String skuCampaign(boolean withCorrection, LocalDate from, LocalDate to) {
    return sandbox.data().campaigns().stream().filter(c -> c.advObjectType().equals("SKU"))
        .filter(c -> (sandbox.data().correction(c.id(), from, to).signum() != 0) == withCorrection)
        .findFirst().orElseThrow().id();
  }

  @Test
  void skuCsvHasTitle2026HeaderOneRowPerSkuPerDayThenCorrectionAndTotal() {
    LocalDate from = LocalDate.of(2026, 11, 1);
    LocalDate to = LocalDate.of(2026, 11, 3);
    String c = skuCampaign(true, from, to);
    String uuid = submit(body("2026-11-01", "2026-11-03", "DATE", c));
    clock.advance(Duration.ofSeconds(3));
    String[] lines = csvLines(uuid);
    assertEquals(";Кампания по продвижению товаров № " + c + ", период 01.11.2026-03.11.2026", lines[0]);
    assertEquals("День;" + SKU_2026, lines[1]);
    List<SandboxProduct> ps = sandbox.data().products(c);
    assertEquals(2 + 3 * ps.size() + 2, lines.length);
    long views = 0;
    BigDecimal spend = BigDecimal.ZERO;
    for (int d = 0; d < 3; d++) {
      LocalDate day = from.plusDays(d);
      long dayViews = 0;
      BigDecimal daySpend = BigDecimal.ZERO;
      for (int i = 0; i < ps.size(); i++) {
        String[] row = lines[2 + d * ps.size() + i].split(";", -1);
        assertEquals(18, row.length);
        SkuMetrics m = sandbox.data().skuMetrics(c, ps.get(i).sku(), day);
        assertEquals(String.format("%02d.11.2026", day.getDayOfMonth()), row[0]);
        assertEquals(ps.get(i).sku(), row[1]);
        assertEquals(num(m.views()), row[4]);
        assertEquals(num(m.clicks()), row[5]);
        assertEquals(money(m.spend(), true), row[9]);
        assertEquals(num(m.orders()), row[10]);
        assertEquals(money(m.ordersMoney(), true), row[11]);
        dayViews += m.views();
        daySpend = daySpend.add(m.spend());
      }
      DailyMetrics dm = sandbox.data().metrics(c, day);
      assertEquals(dm.views(), dayViews);
      assertEquals(dm.spend(), daySpend);
      views += dayViews;
      spend = spend.add(daySpend);
    }
    BigDecimal corr = sandbox.data().correction(c, from, to);
    assertTrue(corr.signum() < 0);
    assertEquals("Корректировка;;;;;;;;;" + money(corr, true) + ";;;;;;;;", lines[lines.length - 2]);
    DailyMetrics total = sandbox.data().total(c, from, to);
    assertEquals("Всего;;;;" + num(views) + ";" + num(total.clicks()) + ";;;;" + money(spend.add(corr), true) + ";"
        + num(total.orders()) + ";" + money(total.ordersMoney(), true) + ";;;;;;", lines[lines.length - 1]);
  }

  @Test
  void noGroupByHasNoDateColumnAndOneRowPerSkuAndAFullTotalLine() {
    LocalDate from = LocalDate.of(2026, 11, 1);
    LocalDate to = LocalDate.of(2026, 11, 5);
    String c = skuCampaign(false, from, to);
    String uuid = submit(body("2026-11-01", "2026-11-05", "NO_GROUP_BY", c));
    clock.advance(Duration.ofSeconds(3));
    String[] lines = csvLines(uuid);
    assertEquals(SKU_2026, lines[1]);
    List<SandboxProduct> ps = sandbox.data().products(c);
    assertEquals(2 + ps.size() + 1, lines.length);
    String[] row = lines[2].split(";", -1);
    assertEquals(17, row.length);
    assertEquals(ps.get(0).sku(), row[0]);
    long views = 0;
    for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
      views += sandbox.data().skuMetrics(c, ps.get(0).sku(), d).views();
    }
    assertEquals(Long.toString(views), row[3]);
    DailyMetrics total = sandbox.data().total(c, from, to);
    String[] tot = lines[lines.length - 1].split(";", -1);
    assertEquals(17, tot.length);
    assertEquals("Всего", tot[0]);
    assertEquals(Long.toString(total.views()), tot[3]);
    assertEquals(money(total.spend(), false), tot[8]);
  }

  @Test
  void groupByWeekAggregatesDaysIntoWeeksPerSku() {
    String c = id(1);
    String uuid = submit(body("2026-11-02", "2026-11-15", "START_OF_WEEK", c));
    clock.advance(Duration.ofSeconds(3));
    String[] lines = csvLines(uuid);
    List<SandboxProduct> ps = sandbox.data().products(c);
    boolean corr = sandbox.data().correction(c, LocalDate.of(2026, 11, 2), LocalDate.of(2026, 11, 15)).signum() != 0;
    assertEquals(2 + 2 * ps.size() + (corr ? 2 : 1), lines.length);
    long views = 0;
    for (LocalDate d = LocalDate.of(2026, 11, 2); d.isBefore(LocalDate.of(2026, 11, 9)); d = d.plusDays(1)) {
      views += sandbox.data().skuMetrics(c, ps.get(0).sku(), d).views();
    }
    assertTrue(lines[2].startsWith("02.11.2026;" + ps.get(0).sku() + ";"), lines[2]);
    assertEquals(num(views), lines[2].split(";")[4]);
  }

  @Test
  void bannerCsvHasTheBannerLayout() {
    String c = sandbox.data().campaigns().stream().filter(x -> x.advObjectType().equals("BANNER")).findFirst()
        .orElseThrow().id();
    String uuid = submit(body("2026-11-01", "2026-11-02", "DATE", c));
    clock.advance(Duration.ofSeconds(3));
    String[] lines = csvLines(uuid);
    assertTrue(lines[0].startsWith(";Рекламная кампания № " + c + ", "), lines[0]);
    assertEquals("День;ID баннера;Название;Платформа;Показы;Клики;CTR (%);Охват;Ср. стоимость 1000 показов, ₽;"
        + "Расход, ₽, с НДС", lines[1]);
    SandboxBanner b = sandbox.data().banners(c).get(0);
    BannerMetrics m = sandbox.data().bannerMetrics(c, b.id(), "Мобильное приложение", LocalDate.of(2026, 11, 1));
    assertEquals("01.11.2026;" + b.id() + ";" + b.title() + ";Мобильное приложение;" + m.views() + ";" + m.clicks()
        + ";", lines[2].substring(0, lines[2].indexOf(";" + m.clicks() + ";") + (";" + m.clicks() + ";").length()));
    assertTrue(lines[2].endsWith(";" + money(m.spend(), false)), lines[2]);
    String[] tot = lines[lines.length - 1].split(";", -1);
    assertEquals(10, tot.length);
    assertEquals("Всего", tot[0]);
    DailyMetrics total = sandbox.data().total(c, LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 2));
    assertEquals(Long.toString(total.views()), tot[4]);
    assertEquals(Long.toString(sandbox.data().reach(c, LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 2))),
        tot[7]);
  }

  @Test
  void severalCampaignsDownloadAsZipWithLiveEntryNames() throws IOException {
    String uuid = submit(body("2026-11-01", "2026-11-01", "DATE", id(0), id(5), id(14)));
    clock.advance(Duration.ofSeconds(3));
    Reply r = client.get("/api/client/statistics/report?UUID=" + uuid);
    assertEquals("application/zip", r.contentType());
    List<String> names = new ArrayList<>();
    try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(r.bytes()))) {
      for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
        names.add(e.getName());
        String csv = new String(zip.readAllBytes(), StandardCharsets.UTF_8);
        String id = e.getName().substring(0, e.getName().indexOf('_'));
        assertTrue(csv.startsWith("\uFEFF;") && csv.contains("№ " + id + ","), csv);
      }
    }
    assertEquals(List.of(id(0) + "_01.11-01.11.csv", id(5) + "_01.11-01.11.csv", id(14) + "_01.11-01.11.csv"), names);
  }

  @Test
  void forbiddenTypesFailTheWholeSubmitWith400() {
    for (String type : List.of("SEARCH_PROMO", "ALL_SKU_PROMO", "REF_VK")) {
      String other = sandbox.data().campaigns().stream().filter(x -> x.advObjectType().equals(type)).findFirst()
          .orElseThrow().id();
      Reply r = client.post("/api/client/statistics", body("2026-11-01", "2026-11-01", "DATE", id(0), other));
      assertEquals(400, r.code(), type);
      assertEquals("rpc error: code = InvalidArgument desc = generation of this type of report is forbidden for the "
          + "transferred list of campaigns", r.error());
    }
  }

  @Test
  void jsonReportIsKeyedByCampaignWithPageTypeRowsAndTotalsAsStrings() {
    String c = id(2);
    Reply sub = client.post("/api/client/statistics/json", body("2026-10-30", "2026-11-01", "NO_GROUP_BY", c));
    String uuid = sub.json().get("UUID").getAsString();
    clock.advance(Duration.ofSeconds(3));
    Reply r = client.get("/api/client/statistics/report?UUID=" + uuid);
    assertTrue(r.contentType().startsWith("application/json"));
    JsonObject camp = r.json().getAsJsonObject(c);
    JsonArray rows = camp.getAsJsonObject("report").getAsJsonArray("rows");
    assertEquals(2 * sandbox.data().products(c).size(), rows.size());
    long views = 0;
    for (int i = 0; i < rows.size(); i++) {
      views += Long.parseLong(rows.get(i).getAsJsonObject().get("views").getAsString());
    }
    DailyMetrics total = sandbox.data().total(c, LocalDate.of(2026, 10, 30), LocalDate.of(2026, 11, 1));
    assertEquals(total.views(), views);
    JsonObject totals = camp.getAsJsonObject("report").getAsJsonObject("totals");
    assertEquals(Long.toString(total.views()), totals.get("views").getAsString());
    assertEquals(money(total.spend().add(sandbox.data().correction(c, LocalDate.of(2026, 10, 30),
        LocalDate.of(2026, 11, 1))), false), totals.get("moneySpent").getAsString());
  }

  @Test
  void reportListShowsSubmittedReports() {
    String uuid = submit(body("2026-11-01", "2026-11-01", "DATE", id(0)));
    JsonObject list = client.get("/api/client/statistics/list").json();
    assertEquals("1", list.get("total").getAsString());
    assertEquals(uuid, list.getAsJsonArray("items").get(0).getAsJsonObject().getAsJsonObject("meta")
        .get("UUID").getAsString());
  }

  @Test
  void zeroReportDurationMakesReportsReadyAtOnce() {
    try (OzonSandbox fast = OzonSandbox.builder().clock(clock).reportDuration(Duration.ZERO).start()) {
      SandboxClient c = new SandboxClient(fast).login();
      String id = fast.data().campaigns().get(0).id();
      String uuid = c.post("/api/client/statistics", body("2026-11-01", "2026-11-01", "DATE", id)).json()
          .get("UUID").getAsString();
      assertEquals("OK", c.get("/api/client/statistics/" + uuid).json().get("state").getAsString());
      byte[] again = c.get("/api/client/statistics/report?UUID=" + uuid).bytes();
      assertArrayEquals(again, c.get("/api/client/statistics/report?UUID=" + uuid).bytes());
      assertEquals(200, c.post("/api/client/statistics", body("2026-11-01", "2026-11-01", "DATE", id)).code());
    }
  }
}
