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
    assertTrue(r.error().contains("at most 10"), r.error());
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

  @Test
  void oneCampaignDownloadsAsSemicolonCsvWithTitleRussianHeadersAndExactNumbers() {
    String c = id(0);
    String uuid = submit(body("2026-11-01", "2026-11-03", "DATE", c));
    clock.advance(Duration.ofSeconds(3));
    Reply r = client.get("/api/client/statistics/report?UUID=" + uuid);
    assertEquals(200, r.code());
    assertTrue(r.contentType().startsWith("text/csv"), r.contentType());
    String[] lines = r.text().replace("\uFEFF", "").split("\n");
    assertTrue(lines[0].startsWith("Кампания № " + c), lines[0]);
    assertEquals("Дата;Показы;Клики;CTR (%);Средняя стоимость клика, ₽;Расход, ₽;Заказы;Продажи, ₽", lines[1]);
    assertEquals(2 + 3 + 1, lines.length);
    DailyMetrics m = sandbox.data().metrics(c, LocalDate.of(2026, 11, 2));
    String[] row = lines[3].split(";");
    assertEquals("02.11.2026", row[0]);
    assertEquals(Long.toString(m.views()), row[1]);
    assertEquals(Long.toString(m.clicks()), row[2]);
    assertEquals(m.spend().toPlainString().replace('.', ','), row[5]);
    assertEquals(m.ordersMoney().toPlainString().replace('.', ','), row[7]);
    DailyMetrics total = sandbox.data().total(c, LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 3));
    assertTrue(lines[5].startsWith("Всего;" + total.views() + ";" + total.clicks() + ";"), lines[5]);
  }

  @Test
  void groupByWeekAggregatesDaysIntoWeeks() {
    String c = id(1);
    String uuid = submit(body("2026-11-02", "2026-11-15", "START_OF_WEEK", c));
    clock.advance(Duration.ofSeconds(3));
    String[] lines = client.get("/api/client/statistics/report?UUID=" + uuid).text().split("\n");
    assertEquals(2 + 2 + 1, lines.length);
    DailyMetrics week = sandbox.data().total(c, LocalDate.of(2026, 11, 2), LocalDate.of(2026, 11, 8));
    assertTrue(lines[2].startsWith("02.11.2026;" + week.views() + ";" + week.clicks() + ";"), lines[2]);
  }

  @Test
  void severalCampaignsDownloadAsZipWithOneCsvPerCampaign() throws IOException {
    String uuid = submit(body("2026-11-01", "2026-11-01", "DATE", id(0), id(5), id(20)));
    clock.advance(Duration.ofSeconds(3));
    Reply r = client.get("/api/client/statistics/report?UUID=" + uuid);
    assertEquals("application/zip", r.contentType());
    List<String> names = new ArrayList<>();
    try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(r.bytes()))) {
      for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
        names.add(e.getName());
        String csv = new String(zip.readAllBytes(), StandardCharsets.UTF_8);
        String id = e.getName().replace(".csv", "");
        DailyMetrics m = sandbox.data().metrics(id, LocalDate.of(2026, 11, 1));
        assertTrue(csv.contains("\n01.11.2026;" + m.views() + ";" + m.clicks() + ";"), csv);
      }
    }
    assertEquals(List.of(id(0) + ".csv", id(5) + ".csv", id(20) + ".csv"), names);
  }

  @Test
  void jsonReportIsKeyedByCampaignWithRowsAndTotalsAsStrings() {
    String c = id(2);
    Reply sub = client.post("/api/client/statistics/json", body("2026-10-30", "2026-11-01", "DATE", c));
    String uuid = sub.json().get("UUID").getAsString();
    clock.advance(Duration.ofSeconds(3));
    Reply r = client.get("/api/client/statistics/report?UUID=" + uuid);
    assertTrue(r.contentType().startsWith("application/json"));
    JsonObject camp = r.json().getAsJsonObject(c);
    JsonArray rows = camp.getAsJsonObject("report").getAsJsonArray("rows");
    assertEquals(3, rows.size());
    DailyMetrics m = sandbox.data().metrics(c, LocalDate.of(2026, 10, 31));
    JsonObject row = rows.get(1).getAsJsonObject();
    assertEquals("2026-10-31", row.get("date").getAsString());
    assertEquals(Long.toString(m.clicks()), row.get("clicks").getAsString());
    assertEquals(m.spend().toPlainString().replace('.', ','), row.get("moneySpent").getAsString());
    DailyMetrics total = sandbox.data().total(c, LocalDate.of(2026, 10, 30), LocalDate.of(2026, 11, 1));
    assertEquals(Long.toString(total.views()),
        camp.getAsJsonObject("report").getAsJsonObject("totals").get("views").getAsString());
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
