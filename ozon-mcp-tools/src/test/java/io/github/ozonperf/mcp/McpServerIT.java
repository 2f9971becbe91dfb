package io.github.ozonperf.mcp;

import static io.github.ozonperf.mcp.McpProcess.isError;
import static io.github.ozonperf.mcp.McpProcess.structured;
import static io.github.ozonperf.mcp.McpProcess.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.ozonperf.sandbox.DailyMetrics;
import io.github.ozonperf.sandbox.OzonSandbox;
import io.github.ozonperf.sandbox.RecordedCall;
import io.github.ozonperf.sandbox.SandboxCampaign;
import io.github.ozonperf.sandbox.SandboxProduct;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * End to end: the shaded jar as a subprocess, over its real stdio transport, against the sandbox on loopback.
 * One server process is shared by the tests of this class (write tools enabled).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class McpServerIT {
  static final String SECRET = "it-secret-7f3a9c2e51";
  static final LocalDate FROM = LocalDate.parse("2026-11-01");
  static final LocalDate TO = LocalDate.parse("2026-11-10");
  static final Set<String> READ_TOOLS = Set.of("list_campaigns", "get_campaign_objects", "list_campaign_products",
      "get_bid_limits", "get_daily_statistics", "get_campaign_expense", "get_statistics_report", "get_report_status",
      "list_reports", "download_report");
  static final Set<String> WRITE_TOOLS = Set.of("activate_campaign", "deactivate_campaign", "update_campaign",
      "set_product_bids");

  OzonSandbox sandbox;
  McpProcess server;
  final Map<String, JsonObject> tools = new HashMap<>();

  @BeforeAll
  void start() throws Exception {
    sandbox = OzonSandbox.builder().clientSecret(SECRET).reportDuration(Duration.ofMillis(1500)).start();
    server = launch(Map.of(
        "OZON_CLIENT_ID", sandbox.clientId(),
        "OZON_CLIENT_SECRET", SECRET,
        "OZON_API_URL", sandbox.baseUrl(),
        "OZON_TOKEN_URL", sandbox.tokenUrl(),
        "OZON_MCP_ENABLE_WRITES", "true"));
    JsonObject init = server.initialize();
    assertTrue(init.has("result"), () -> "initialize failed: " + init + "\nstderr:\n" + server.stderr());
    JsonObject list = server.request("tools/list", new JsonObject()).getAsJsonObject("result");
    for (JsonElement t : list.getAsJsonArray("tools")) {
      tools.put(t.getAsJsonObject().get("name").getAsString(), t.getAsJsonObject());
    }
  }

  @AfterAll
  void stop() throws Exception {
    try {
      if (server != null) {
        server.close();
      }
    } finally {
      if (sandbox != null) {
        sandbox.close();
      }
    }
  }

  /** The server under test with this environment: the jar over stdio here, over HTTP in {@link McpHttpServerIT}. */
  McpProcess launch(Map<String, String> env) throws Exception {
    return new McpProcess(env);
  }

  /** Whether the transport is stdio (raw lines and stdout purity are stdio matters). */
  boolean overStdio() {
    return true;
  }

  String firstCampaignId() {
    return sandbox.data().campaigns().get(0).id();
  }

  String productCampaignId() {
    for (SandboxCampaign c : sandbox.data().campaigns()) {
      if (!sandbox.data().products(c.id()).isEmpty()) {
        return c.id();
      }
    }
    throw new AssertionError("the sandbox has no campaign with products");
  }

  /** Calls a tool, asserts success and that structuredContent validates against the tool's outputSchema. */
  JsonObject ok(String tool, String args) throws Exception {
    JsonObject result = server.call(tool, args);
    assertFalse(isError(result), () -> tool + " failed: " + result);
    JsonObject content = structured(result);
    assertValid(tool, content);
    assertFalse(text(result).isBlank(), tool + " has no text rendering");
    return content;
  }

  /** Calls a tool, asserts an isError result with a valid envelope of the given type. */
  JsonObject error(String tool, String args, String type) throws Exception {
    JsonObject result = server.call(tool, args);
    assertTrue(isError(result), () -> tool + " should have failed: " + result);
    JsonObject env = structured(result);
    assertValid(tool, env);
    assertEquals(type, env.get("type").getAsString(), () -> "envelope: " + env);
    assertTrue(env.has("message") && env.has("retryable"), () -> "envelope: " + env);
    assertFalse(text(result).contains("Exception"), () -> "stack-trace-like text: " + text(result));
    return env;
  }

  void assertValid(String tool, JsonObject content) {
    var errors = JsonSchemas.errors(tools.get(tool).get("outputSchema"), content);
    assertTrue(errors.isEmpty(), () -> tool + " structuredContent does not match its outputSchema: " + errors
        + "\n" + content);
  }

  // ------------------------------------------------------------------ protocol and schemas

  @Test
  @Order(1)
  void toolsListHasEveryToolWithValidInputAndOutputSchemas() {
    Set<String> expected = new TreeSet<>(READ_TOOLS);
    expected.addAll(WRITE_TOOLS);
    assertEquals(expected, new TreeSet<>(tools.keySet()));
    for (JsonObject t : tools.values()) {
      String name = t.get("name").getAsString();
      assertTrue(t.get("description").getAsString().length() > 80, name + ": description too thin");
      for (String key : List.of("inputSchema", "outputSchema")) {
        JsonObject schema = t.getAsJsonObject(key);
        assertNotNull(schema, name + " has no " + key);
        assertEquals("object", schema.get("type").getAsString(), name + " " + key + " root type");
        var errors = JsonSchemas.metaErrors(schema);
        assertTrue(errors.isEmpty(), () -> name + " " + key + " is not valid JSON Schema: " + errors);
      }
      boolean readOnly = t.getAsJsonObject("annotations").get("readOnlyHint").getAsBoolean();
      assertEquals(READ_TOOLS.contains(name), readOnly, name + " readOnlyHint");
    }
  }

  @Test
  @Order(2)
  void writeToolsDefaultToDryRunInTheirSchema() {
    for (String name : WRITE_TOOLS) {
      JsonObject dryRun = tools.get(name).getAsJsonObject("inputSchema").getAsJsonObject("properties")
          .getAsJsonObject("dryRun");
      assertTrue(dryRun.get("default").getAsBoolean(), name);
    }
  }

  // ------------------------------------------------------------------ happy paths

  @Test
  @Order(10)
  void listCampaignsReturnsEveryCampaignCompactWithStringIds() throws Exception {
    JsonObject r = ok("list_campaigns", "{}");
    List<SandboxCampaign> all = sandbox.data().campaigns();
    assertEquals(all.size(), r.get("total").getAsInt());
    JsonArray campaigns = r.getAsJsonArray("campaigns");
    assertEquals(all.size(), campaigns.size());
    JsonObject first = campaigns.get(0).getAsJsonObject();
    assertTrue(first.get("id").getAsJsonPrimitive().isString());
    assertEquals(all.get(0).id(), first.get("id").getAsString());
    assertEquals(Set.of("id", "title", "state", "advObjectType", "paymentType", "dailyBudget", "dailyBudgetRoubles",
        "weeklyBudget", "weeklyBudgetRoubles"), first.keySet());
    assertEquals("CPC", first.get("paymentType").getAsString(), "live lists send PaymentType; it is shown");
    assertFalse(r.has("nextCursor"));
  }

  @Test
  @Order(11)
  void listCampaignsWindowsWithLimitAndCursorAndSaysWhatWasLeftOut() throws Exception {
    int total = sandbox.data().campaigns().size();
    JsonObject page1 = ok("list_campaigns", "{\"limit\":10,\"fields\":[\"id\"]}");
    assertEquals(10, page1.get("returned").getAsInt());
    assertEquals("10", page1.get("nextCursor").getAsString());
    assertTrue(page1.get("note").getAsString().contains((total - 10) + " more left out"), page1.toString());
    JsonObject page2 = ok("list_campaigns", "{\"limit\":10,\"fields\":[\"id\"],\"cursor\":\"10\"}");
    assertEquals(sandbox.data().campaigns().get(10).id(),
        page2.getAsJsonArray("campaigns").get(0).getAsJsonObject().get("id").getAsString());
  }

  @Test
  @Order(12)
  void listCampaignsFiltersByStateAndIdsGivenAsIntegers() throws Exception {
    SandboxCampaign c = sandbox.data().campaigns().get(3);
    JsonObject r = ok("list_campaigns", "{\"campaignIds\":[" + c.id() + "],\"state\":\"" + c.state() + "\"}");
    assertEquals(1, r.get("total").getAsInt());
    assertEquals(c.id(), r.getAsJsonArray("campaigns").get(0).getAsJsonObject().get("id").getAsString());
  }

  @Test
  @Order(13)
  void getCampaignObjectsAcceptsAnIntegerId() throws Exception {
    String id = productCampaignId();
    JsonObject r = ok("get_campaign_objects", "{\"campaignId\":" + id + "}");
    assertEquals(id, r.get("campaignId").getAsString());
    assertEquals(sandbox.data().products(id).size(), r.get("total").getAsInt());
  }

  @Test
  @Order(14)
  void listCampaignProductsShowsBidsInMicroRoublesAndRoubles() throws Exception {
    String id = productCampaignId();
    SandboxProduct p = sandbox.data().products(id).get(0);
    JsonObject r = ok("list_campaign_products", "{\"campaignId\":\"" + id + "\"}");
    JsonObject first = r.getAsJsonArray("products").get(0).getAsJsonObject();
    assertEquals(p.sku(), first.get("sku").getAsString());
    assertEquals(p.bid(), first.get("bid").getAsString());
    assertEquals(new BigDecimal(p.bid()).movePointLeft(6).setScale(2, java.math.RoundingMode.HALF_UP).toPlainString(),
        first.get("bidRoubles").getAsString());
  }

  @Test
  @Order(15)
  void getBidLimitsReturnsLimits() throws Exception {
    JsonObject r = ok("get_bid_limits", "{}");
    assertTrue(r.get("returned").getAsInt() > 0, r.toString());
  }

  @Test
  @Order(16)
  void getDailyStatisticsTotalsMatchTheSandboxExactly() throws Exception {
    String a = sandbox.data().campaigns().get(0).id();
    String b = sandbox.data().campaigns().get(1).id();
    JsonObject r = ok("get_daily_statistics", "{\"campaignIds\":[\"" + a + "\"," + b + "],\"dateFrom\":\"" + FROM
        + "\",\"dateTo\":\"" + TO + "\",\"limit\":5}");
    DailyMetrics expected = sandbox.data().total(a, FROM, TO).plus(sandbox.data().total(b, FROM, TO));
    JsonObject totals = r.getAsJsonObject("totals");
    assertEquals(expected.views(), totals.get("views").getAsLong());
    assertEquals(expected.clicks(), totals.get("clicks").getAsLong());
    assertEquals(0, expected.spend().compareTo(totals.get("spend").getAsBigDecimal()), totals.toString());
    assertEquals(expected.orders(), totals.get("orders").getAsLong());
    assertEquals(0, expected.ordersMoney().compareTo(totals.get("ordersMoney").getAsBigDecimal()));
    assertEquals(20, r.get("total").getAsInt());
    assertEquals(5, r.get("returned").getAsInt());
    assertTrue(r.has("nextCursor"));
  }

  @Test
  @Order(17)
  void getCampaignExpenseSumsSpend() throws Exception {
    String a = firstCampaignId();
    JsonObject r = ok("get_campaign_expense", "{\"campaignIds\":[\"" + a + "\"],\"dateFrom\":\"" + FROM
        + "\",\"dateTo\":\"" + TO + "\"}");
    assertEquals(0, sandbox.data().total(a, FROM, TO).spend().compareTo(
        r.getAsJsonObject("totals").get("spend").getAsBigDecimal()), r.toString());
  }

  String reportUuid;

  @Test
  @Order(20)
  void getStatisticsReportSendsProgressAndReturnsExactTotals() throws Exception {
    String a = sandbox.data().campaigns().get(0).id();
    int before = server.progress.size();
    JsonObject result = server.call("get_statistics_report", "{\"campaignIds\":[\"" + a + "\"],\"dateFrom\":\""
        + FROM + "\",\"dateTo\":\"" + TO + "\",\"groupBy\":\"DATE\",\"maxRows\":3}", "report-1");
    assertFalse(isError(result), result::toString);
    JsonObject r = structured(result);
    assertValid("get_statistics_report", r);
    assertTrue(r.get("complete").getAsBoolean());
    DailyMetrics expected = sandbox.data().total(a, FROM, TO);
    JsonObject totals = r.getAsJsonObject("totals");
    assertEquals(expected.views(), totals.get("views").getAsLong());
    assertEquals(expected.clicks(), totals.get("clicks").getAsLong());
    assertEquals(0, expected.spend().compareTo(totals.get("spend").getAsBigDecimal()));
    assertEquals(expected.orders(), totals.get("orders").getAsLong());
    assertEquals(0, expected.ordersMoney().compareTo(totals.get("ordersMoney").getAsBigDecimal()));
    assertTrue(expected.orders() > 0, "the sandbox has orders: a reader that drops them would show 0");
    int rows = sandbox.data().products(a).size() * 10;
    assertEquals(rows, r.get("totalRows").getAsInt(), "a row per product and day");
    assertEquals(3, r.getAsJsonArray("rows").size());
    assertTrue(r.getAsJsonArray("rows").get(0).getAsJsonObject().has("sku"));
    assertTrue(r.get("note").getAsString().contains("first 3 of " + rows));
    assertFalse(r.has("mismatches"), r.toString());
    java.math.BigDecimal correction = sandbox.data().correction(a, FROM, TO);
    if (correction.signum() != 0) {
      assertEquals(0, correction.compareTo(totals.get("corrections").getAsBigDecimal()), totals.toString());
    }
    reportUuid = r.getAsJsonArray("reports").get(0).getAsJsonObject().get("uuid").getAsString();

    List<JsonObject> mine = server.progress.subList(before, server.progress.size()).stream()
        .filter(p -> p.get("progressToken").getAsString().equals("report-1")).toList();
    assertTrue(mine.size() >= 2, "expected progress notifications while waiting, got " + mine);
    double last = -1;
    for (JsonObject p : mine) {
      double v = p.get("progress").getAsDouble();
      assertTrue(v > last, "progress must increase: " + mine);
      last = v;
      assertTrue(p.get("message").getAsString().startsWith("chunk 1/1 "), p.toString());
    }
  }

  @Test
  @Order(21)
  void reportStatusListAndDownloadFinishAReportByUuid() throws Exception {
    JsonObject status = ok("get_report_status", "{\"uuid\":\"" + reportUuid + "\"}");
    assertEquals("OK", status.get("state").getAsString());
    JsonObject list = ok("list_reports", "{}");
    assertTrue(list.getAsJsonArray("reports").toString().contains(reportUuid), list.toString());
    JsonObject download = ok("download_report", "{\"uuid\":\"" + reportUuid + "\",\"maxRows\":0}");
    assertEquals(sandbox.data().products(sandbox.data().campaigns().get(0).id()).size() * 10,
        download.get("totalRows").getAsInt());
    assertEquals(0, download.getAsJsonArray("rows").size());
  }

  @Test
  @Order(21)
  void aCampaignTheReportCannotIncludeIsSkippedWithTheReasonNotAFailedReport() throws Exception {
    String a = sandbox.data().campaigns().get(0).id();
    String promo = sandbox.data().campaigns().stream().filter(c -> c.advObjectType().equals("ALL_SKU_PROMO"))
        .findFirst().orElseThrow().id();
    JsonObject r = ok("get_statistics_report", "{\"campaignIds\":[\"" + a + "\",\"" + promo + "\"],\"dateFrom\":\""
        + FROM + "\",\"dateTo\":\"" + FROM + "\",\"maxRows\":0}");
    assertValid("get_statistics_report", r);
    JsonArray skipped = r.getAsJsonArray("skipped");
    assertEquals(1, skipped.size(), r.toString());
    assertEquals(promo, skipped.get(0).getAsJsonObject().get("campaignId").getAsString());
    assertTrue(skipped.get(0).getAsJsonObject().get("reason").getAsString().startsWith("ALL_SKU_PROMO"), r.toString());
    assertEquals(sandbox.data().products(a).size(), r.get("totalRows").getAsInt());
  }

  @Test
  @Order(22)
  void unknownReportUuidIsNotFoundWithTheHttpStatus() throws Exception {
    JsonObject env = error("get_report_status", "{\"uuid\":\"00000000-0000-0000-0000-000000000000\"}", "not_found");
    assertEquals(404, env.get("httpStatus").getAsInt());
    assertFalse(env.get("retryable").getAsBoolean());
    assertTrue(env.get("message").getAsString().contains("report not found"), env.toString());
  }

  @Test
  @Order(23)
  void unknownCampaignIsNotFound() throws Exception {
    error("get_campaign_objects", "{\"campaignId\":\"999999999\"}", "not_found");
  }

  @Test
  @Order(24)
  void aRunningReportDoesNotHoldUpOtherCalls() throws Exception {
    String a = sandbox.data().campaigns().get(1).id();
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newSingleThreadExecutor();
    try {
      java.util.concurrent.Future<JsonObject> report = pool.submit(() -> server.call("get_statistics_report",
          "{\"campaignIds\":[\"" + a + "\"],\"dateFrom\":\"" + FROM + "\",\"dateTo\":\"" + TO + "\"}", "hol"));
      for (int i = 0; i < 3000 && server.progress.stream().noneMatch(p -> p.get("progressToken").getAsString()
          .equals("hol")); i++) {
        Thread.sleep(10); // until the report is under way (its first progress notification)
      }
      ok("list_campaigns", "{\"limit\":1}");
      assertFalse(report.isDone(), "list_campaigns must be answered while the report is still being generated");
      assertFalse(isError(report.get(60, java.util.concurrent.TimeUnit.SECONDS)));
    } finally {
      pool.shutdownNow();
    }
  }

  /** A clock the test moves: a report of its sandbox is generated only when the test says so. */
  static final class ManualClock extends java.time.Clock {
    private volatile java.time.Instant now = java.time.Instant.parse("2026-11-20T09:00:00Z");

    @Override
    public java.time.ZoneId getZone() {
      return java.time.ZoneOffset.UTC;
    }

    @Override
    public java.time.Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public java.time.Instant instant() {
      return now;
    }

    void advance(Duration d) {
      now = now.plus(d);
    }
  }

  @Test
  @Order(30)
  void reportHittingItsTimeLimitReturnsUuidsThatStatusAndDownloadFinish() throws Exception {
    // Its own sandbox, whose reports finish only when the clock is moved: no race with real time on a slow machine.
    ManualClock clock = new ManualClock();
    try (OzonSandbox slow = OzonSandbox.builder().clientSecret(SECRET).clock(clock)
        .reportDuration(Duration.ofHours(1)).start();
        McpProcess mcp = launch(Map.of("OZON_CLIENT_ID", slow.clientId(), "OZON_CLIENT_SECRET", SECRET,
            "OZON_API_URL", slow.baseUrl(), "OZON_TOKEN_URL", slow.tokenUrl()))) {
      mcp.initialize();
      String a = slow.data().campaigns().get(2).id();
      JsonObject r = mcp.call("get_statistics_report", "{\"campaignIds\":[\"" + a + "\"],\"dateFrom\":\"" + FROM
          + "\",\"dateTo\":\"" + TO + "\",\"timeLimitSeconds\":3}", null).getAsJsonObject("structuredContent");
      assertFalse(r.get("complete").getAsBoolean(), r.toString());
      JsonArray reports = r.getAsJsonArray("reports");
      assertEquals(1, reports.size(), r.toString());
      String uuid = reports.get(0).getAsJsonObject().get("uuid").getAsString();
      assertTrue(r.get("note").getAsString().contains("get_report_status"));
      assertNotEquals("OK", mcp.call("get_report_status", "{\"uuid\":\"" + uuid + "\"}", null)
          .getAsJsonObject("structuredContent").get("state").getAsString(), "the sandbox's clock has not moved");

      clock.advance(Duration.ofHours(2));
      assertEquals("OK", mcp.call("get_report_status", "{\"uuid\":\"" + uuid + "\"}", null)
          .getAsJsonObject("structuredContent").get("state").getAsString());
      JsonObject download = mcp.call("download_report", "{\"uuid\":\"" + uuid + "\"}", null)
          .getAsJsonObject("structuredContent");
      assertEquals(slow.data().total(a, FROM, TO).views(), download.getAsJsonObject("totals").get("views").getAsLong());
    }
  }

  // ------------------------------------------------------------------ argument errors

  static Stream<Arguments> invalidArguments() {
    String ok = "\"campaignIds\":[\"1\"],";
    return Stream.of(
        Arguments.of("wrong type", "get_campaign_objects", "{\"campaignId\":true}", "expected an id"),
        Arguments.of("id not a number", "get_campaign_objects", "{\"campaignId\":\"abc\"}", "not a valid id"),
        Arguments.of("bad date format", "get_daily_statistics",
            "{" + ok + "\"dateFrom\":\"01.11.2026\",\"dateTo\":\"2026-11-02\"}", "YYYY-MM-DD"),
        Arguments.of("impossible date", "get_daily_statistics",
            "{" + ok + "\"dateFrom\":\"2026-02-30\",\"dateTo\":\"2026-03-02\"}", "not a real calendar date"),
        Arguments.of("dateTo before dateFrom", "get_campaign_expense",
            "{" + ok + "\"dateFrom\":\"2026-11-10\",\"dateTo\":\"2026-11-01\"}", "is before dateFrom"),
        Arguments.of("more than 62 days", "get_daily_statistics",
            "{" + ok + "\"dateFrom\":\"2026-01-01\",\"dateTo\":\"2026-03-31\"}", "at most 62 days"),
        Arguments.of("empty id list", "get_daily_statistics",
            "{\"campaignIds\":[],\"dateFrom\":\"2026-11-01\",\"dateTo\":\"2026-11-02\"}", "the list is empty"),
        Arguments.of("unknown enum", "list_campaigns", "{\"state\":\"RUNNING\"}", "use one of"),
        Arguments.of("unknown groupBy", "get_statistics_report",
            "{" + ok + "\"dateFrom\":\"2026-11-01\",\"dateTo\":\"2026-11-02\",\"groupBy\":\"HOUR\"}", "use one of"),
        Arguments.of("out of bounds", "list_campaigns", "{\"limit\":0}", "between 1 and 500"),
        Arguments.of("missing required", "get_report_status", "{}", "missing required argument 'uuid'"),
        Arguments.of("unknown argument", "list_campaigns", "{\"status\":\"x\"}", "unknown argument 'status'"),
        Arguments.of("bad cursor", "list_campaigns", "{\"cursor\":\"abc\"}", "not a cursor"),
        Arguments.of("negative bid", "set_product_bids",
            "{\"campaignId\":\"1\",\"bids\":[{\"sku\":\"2\",\"bidRoubles\":-1}]}", "must not be negative"),
        Arguments.of("update without changes", "update_campaign", "{\"campaignId\":\"1\"}", "nothing to change"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidArguments")
  @Order(40)
  void invalidArgumentsAreValidationErrorsThatSayWhatToChangeWithoutCallingOzon(String name, String tool,
      String args, String fragment) throws Exception {
    long before = sandbox.totalRequests();
    JsonObject env = error(tool, args, "validation");
    assertTrue(env.get("message").getAsString().contains(fragment), () -> name + ": " + env);
    assertFalse(env.get("retryable").getAsBoolean());
    assertEquals(before, sandbox.totalRequests(), name + ": no HTTP call may happen before validation passes");
  }

  // ------------------------------------------------------------------ write tools

  @Test
  @Order(50)
  void updateCampaignDryRunShowsTheRequestAndConversionAndChangesNothing() throws Exception {
    SandboxCampaign c = sandbox.data().campaigns().get(4);
    String before = sandbox.campaign(c.id()).orElseThrow().dailyBudget();
    JsonObject r = ok("update_campaign", "{\"campaignId\":\"" + c.id() + "\",\"dailyBudgetRoubles\":\"1234.5\"}");
    assertTrue(r.get("dryRun").getAsBoolean());
    JsonObject req = r.getAsJsonObject("request");
    assertEquals("PATCH", req.get("method").getAsString());
    assertEquals("/api/client/campaign/" + c.id(), req.get("path").getAsString());
    assertEquals("1234500000", req.getAsJsonObject("body").get("dailyBudget").getAsString());
    JsonObject conv = r.getAsJsonArray("conversions").get(0).getAsJsonObject();
    assertEquals("1234.50", conv.get("roubles").getAsString());
    assertEquals(before, conv.get("currentMicroRoubles").getAsString());
    assertEquals(before, sandbox.campaign(c.id()).orElseThrow().dailyBudget());
  }

  @Test
  @Order(51)
  void updateCampaignWithDryRunFalseSendsExactlyThePreviewedBody() throws Exception {
    SandboxCampaign c = sandbox.data().campaigns().stream()
        .filter(x -> x.state().equals("CAMPAIGN_STATE_RUNNING") || x.state().equals("CAMPAIGN_STATE_STOPPED"))
        .reduce((first, second) -> second).orElseThrow();
    String args = "\"campaignId\":" + c.id() + ",\"dailyBudgetRoubles\":700";
    JsonObject preview = ok("update_campaign", "{" + args + "}").getAsJsonObject("request");
    JsonObject r = ok("update_campaign", "{" + args + ",\"dryRun\":false}");
    assertFalse(r.get("dryRun").getAsBoolean());
    assertEquals("700000000", sandbox.campaign(c.id()).orElseThrow().dailyBudget());
    List<RecordedCall> patches = sandbox.recentRequests().stream()
        .filter(x -> x.method().equals("PATCH") && x.path().equals("/api/client/campaign/" + c.id())).toList();
    assertEquals(1, patches.size(), "one PATCH, only for the real call: " + patches);
    assertEquals(preview.get("method").getAsString(), patches.get(0).method());
    assertEquals(preview.get("path").getAsString(), patches.get(0).path());
    assertEquals(preview.getAsJsonObject("body"), JsonParser.parseString(patches.get(0).body()),
        "the body sent is exactly the body the dry run showed");
  }

  @Test
  @Order(52)
  void deactivateAndActivateChangeTheCampaignState() throws Exception {
    SandboxCampaign c = sandbox.data().campaigns().get(6);
    JsonObject dry = ok("deactivate_campaign", "{\"campaignId\":\"" + c.id() + "\"}");
    assertTrue(dry.get("dryRun").getAsBoolean());
    assertEquals(c.state(), sandbox.campaign(c.id()).orElseThrow().state());
    JsonObject off = ok("deactivate_campaign", "{\"campaignId\":\"" + c.id() + "\",\"dryRun\":false}");
    String stopped = sandbox.campaign(c.id()).orElseThrow().state();
    assertEquals("CAMPAIGN_STATE_INACTIVE", stopped, "the sandbox's campaign really changed");
    assertEquals(stopped, off.getAsJsonObject("result").get("state").getAsString());
    JsonObject on = ok("activate_campaign", "{\"campaignId\":\"" + c.id() + "\",\"dryRun\":false}");
    String running = sandbox.campaign(c.id()).orElseThrow().state();
    assertEquals("CAMPAIGN_STATE_RUNNING", running, "the sandbox's campaign really changed back");
    assertEquals(running, on.getAsJsonObject("result").get("state").getAsString());
  }

  @Test
  @Order(53)
  void setProductBidsDryRunShowsCurrentBidsAndMicroRoubles() throws Exception {
    String id = productCampaignId();
    SandboxProduct p = sandbox.data().products(id).get(0);
    JsonObject r = ok("set_product_bids", "{\"campaignId\":\"" + id + "\",\"bids\":[{\"sku\":" + p.sku()
        + ",\"bidRoubles\":12.5}]}");
    JsonObject bid = r.getAsJsonObject("request").getAsJsonObject("body").getAsJsonArray("bids").get(0)
        .getAsJsonObject();
    assertEquals(p.sku(), bid.get("sku").getAsString());
    assertEquals("12500000", bid.get("bid").getAsString());
    assertTrue(r.getAsJsonObject("current").toString().contains(p.bid()), r.toString());
    assertTrue(sandbox.recentRequests().stream().noneMatch(x -> (x.method().equals("PUT") || x.method().equals("POST"))
        && x.path().equals("/api/client/campaign/" + id + "/products")), "a dry run sends no write");
    JsonObject live = ok("list_campaign_products", "{\"campaignId\":\"" + id + "\"}");
    assertTrue(live.toString().contains(p.bid()), "the bid is unchanged at the sandbox: " + live);
  }

  // ------------------------------------------------------------------ tokens

  @Test
  @Order(60)
  void hundredCallsReuseOneToken() throws Exception {
    long before = sandbox.tokenRequests();
    for (int i = 0; i < 100; i++) {
      assertFalse(isError(server.call("get_campaign_objects", "{\"campaignId\":\"" + firstCampaignId() + "\"}")));
    }
    assertEquals(before, sandbox.tokenRequests());
    assertTrue(before <= 2, "tokens fetched so far: " + before);
  }

  @Test
  @Order(61)
  void expiredTokenMidSessionIsReplacedTransparently() throws Exception {
    long before = sandbox.tokenRequests();
    sandbox.expireAllTokens();
    ok("list_campaigns", "{\"limit\":1}");
    assertEquals(before + 1, sandbox.tokenRequests());
  }

  @Test
  @Order(80)
  void aMalformedLineGetsAParseErrorAndTheSessionGoesOn() throws Exception {
    org.junit.jupiter.api.Assumptions.assumeTrue(overStdio(), "stdio only: lines on stdin");
    int before = server.stdoutLines.size();
    server.send("this is not json");
    ok("list_campaigns", "{\"limit\":1}");
    assertTrue(server.stdoutLines.subList(before, server.stdoutLines.size()).stream()
        .anyMatch(l -> l.contains("-32700")), "a parse error answer is expected");
  }

  // ------------------------------------------------------------------ stdout purity and secrets

  @Test
  @Order(90)
  void everyStdoutLineIsJsonRpc() {
    org.junit.jupiter.api.Assumptions.assumeTrue(overStdio(), "stdio only: over HTTP stdout stays empty");
    assertTrue(server.stdoutLines.size() > 100);
    for (String line : server.stdoutLines) {
      JsonObject msg;
      try {
        msg = JsonParser.parseString(line).getAsJsonObject();
      } catch (RuntimeException e) {
        throw new AssertionError("stdout line is not JSON: " + line, e);
      }
      assertEquals("2.0", msg.get("jsonrpc").getAsString(), line);
      assertTrue(msg.has("id") || msg.has("method"), line);
    }
  }

  @Test
  @Order(91)
  void noSecretOrTokenInStdoutOrStderr() {
    String all = String.join("\n", server.stdoutLines) + server.stderr();
    assertFalse(all.contains(SECRET), "the client secret leaked");
    assertFalse(all.contains("Bearer "), "an Authorization header leaked");
  }
}
