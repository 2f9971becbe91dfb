package io.github.ozonperf.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.github.ozonperf.sandbox.SandboxClient.Reply;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SyncStatisticsTest {
  private final OzonSandbox sandbox = OzonSandbox.builder().clock(MutableClock.at2026()).start();
  private final SandboxClient client = new SandboxClient(sandbox).login();

  @AfterEach
  void close() {
    sandbox.close();
  }

  @Test
  void dailyJsonAnswersRowsWithStringValuesAndDecimalCommas() {
    String a = sandbox.data().campaigns().get(0).id();
    String b = sandbox.data().campaigns().get(1).id();
    JsonArray rows = client.get("/api/client/statistics/daily/json?campaignIds=" + a + "&campaignIds=" + b
        + "&dateFrom=2026-11-01&dateTo=2026-11-03").json().getAsJsonArray("rows");
    assertEquals(6, rows.size());
    JsonObject row = rows.get(4).getAsJsonObject();
    DailyMetrics m = sandbox.data().metrics(b, LocalDate.of(2026, 11, 2));
    assertEquals(b, row.get("id").getAsString());
    assertEquals("2026-11-02", row.get("date").getAsString());
    assertEquals(Long.toString(m.views()), row.get("views").getAsString());
    assertEquals(m.spend().toPlainString().replace('.', ','), row.get("moneySpent").getAsString());
    assertFalse(row.has("avgBid"));
    assertEquals(m.ordersMoney().toPlainString().replace('.', ','), row.get("ordersMoney").getAsString());
  }

  @Test
  void dailyWithoutJsonSuffixAnswersSemicolonCsv() {
    String a = sandbox.data().campaigns().get(0).id();
    Reply r = client.get("/api/client/statistics/daily?campaignIds=" + a + "&dateFrom=2026-11-01&dateTo=2026-11-01");
    assertTrue(r.contentType().startsWith("text/csv"));
    String[] lines = r.text().split("\n");
    assertEquals(2, lines.length);
    DailyMetrics m = sandbox.data().metrics(a, LocalDate.of(2026, 11, 1));
    assertTrue(lines[1].startsWith(a + ";"));
    assertTrue(lines[1].contains(";2026-11-01;" + m.views() + ";" + m.clicks() + ";"), lines[1]);
  }

  @Test
  void expenseJsonAnswersSpendPerDay() {
    String a = sandbox.data().campaigns().get(3).id();
    JsonArray rows = client.get("/api/client/statistics/expense/json?campaignIds=" + a
        + "&dateFrom=2026-11-01&dateTo=2026-11-02").json().getAsJsonArray("rows");
    assertEquals(2, rows.size());
    assertEquals(sandbox.data().metrics(a, LocalDate.of(2026, 11, 2)).spend().toPlainString().replace('.', ','),
        rows.get(1).getAsJsonObject().get("moneySpent").getAsString());
  }

  @Test
  void missingDatesGet400AndUnknownCampaignGets404() {
    assertEquals(400, client.get("/api/client/statistics/daily/json").code());
    assertEquals(404, client.get("/api/client/statistics/daily/json?campaignIds=1&dateFrom=2026-11-01"
        + "&dateTo=2026-11-01").code());
  }

  @Test
  void productsSkuNeedsCampaignIdsNotCampaigns() {
    Reply r = client.post("/api/client/statistics/products/sku",
        "{\"campaigns\":[\"1\"],\"dateFrom\":\"2026-11-01\",\"dateTo\":\"2026-11-01\"}");
    assertEquals(400, r.code());
    assertTrue(r.error().startsWith("empty campaigns"));
  }
}
