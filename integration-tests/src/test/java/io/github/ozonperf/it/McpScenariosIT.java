package io.github.ozonperf.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.github.ozonperf.it.support.McpStdioClient;
import io.github.ozonperf.it.support.OzonTargets;
import io.github.ozonperf.it.support.TargetEnv;
import io.github.ozonperf.sandbox.DailyMetrics;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Scenario 4 - MCP: {@code ozon-mcp-tools.jar} started with {@code java -jar} as a subprocess and driven over stdio
 * with JSON-RPC, the way an MCP host does. On SANDBOX the jar runs with {@code --sandbox}; on REAL it gets the
 * OZON_* variables and nothing else.
 */
class McpScenariosIT {
  static final Set<String> READ_ONLY_TOOLS = Set.of("list_campaigns", "get_campaign_objects",
      "list_campaign_products", "get_bid_limits", "get_daily_statistics", "get_campaign_expense",
      "get_statistics_report", "get_report_status", "list_reports");
  static final Set<String> WRITE_TOOLS = Set.of("activate_campaign", "deactivate_campaign", "update_campaign",
      "set_product_bids");

  @OzonTargets
  void initializeAnswersWithServerInfoAndTheToolsCapabilityAndTheServerExitsWhenStdinCloses(TargetEnv env)
      throws Exception {
    McpStdioClient mcp = McpStdioClient.start(env.mcpArgs(), env.mcpEnvironment());
    try {
      JsonObject result = result(mcp.initialize());

      assertTrue(result.has("protocolVersion"), result.toString());
      assertTrue(result.getAsJsonObject("capabilities").has("tools"), result.toString());
      assertFalse(result.getAsJsonObject("serverInfo").get("name").getAsString().isBlank());
      assertClean(env, mcp);
    } finally {
      mcp.close();
    }
    assertTrue(mcp.exited(), "closing stdin ends the session and the process");
    assertEquals(0, mcp.process().exitValue(), "stderr:\n" + mcp.stderr());
  }

  @OzonTargets
  void toolsListOffersEveryReadOnlyToolWithSchemasAndNoWriteToolByDefault(TargetEnv env) throws Exception {
    try (McpStdioClient mcp = McpStdioClient.start(env.mcpArgs(), env.mcpEnvironment())) {
      mcp.initialize();
      JsonArray tools = result(mcp.request("tools/list", new JsonObject())).getAsJsonArray("tools");

      Set<String> names = new TreeSet<>();
      for (JsonElement t : tools) {
        JsonObject tool = t.getAsJsonObject();
        String name = tool.get("name").getAsString();
        names.add(name);
        assertEquals("object", tool.getAsJsonObject("inputSchema").get("type").getAsString(), name);
        assertTrue(tool.has("outputSchema"), name + " has no outputSchema");
        assertFalse(tool.get("description").getAsString().isBlank(), name + " has no description");
        if (READ_ONLY_TOOLS.contains(name)) {
          assertTrue(tool.getAsJsonObject("annotations").get("readOnlyHint").getAsBoolean(), name);
        }
      }
      assertTrue(names.containsAll(READ_ONLY_TOOLS), "missing read-only tools; got " + names);
      for (String write : WRITE_TOOLS) {
        assertFalse(names.contains(write), write + " must only be registered with OZON_MCP_ENABLE_WRITES=true");
      }
      assertClean(env, mcp);
    }
  }

  @OzonTargets
  void listCampaignsReturnsCampaignsWithStringIds(TargetEnv env) throws Exception {
    try (McpStdioClient mcp = McpStdioClient.start(env.mcpArgs(), env.mcpEnvironment())) {
      mcp.initialize();
      JsonObject result = result(mcp.callTool("list_campaigns", new JsonObject(), null, env.patience()));

      assertFalse(isError(result), result.toString());
      JsonArray campaigns = McpResults.campaigns(result);
      if (env.isSandbox()) {
        // --sandbox serves the default dataset, the same one this scenario's own sandbox has.
        List<String> expected = env.sandbox().data().campaigns().stream().map(c -> c.id()).toList();
        List<String> got = new ArrayList<>();
        campaigns.forEach(c -> got.add(c.getAsJsonObject().get("id").getAsString()));
        assertEquals(expected, got);
        assertEquals(expected.size(), result.getAsJsonObject("structuredContent").get("total").getAsInt());
      }
      for (JsonElement c : campaigns) {
        JsonElement id = c.getAsJsonObject().get("id");
        assertTrue(id.isJsonPrimitive() && id.getAsJsonPrimitive().isString(), "ids are strings: " + c);
      }
      assertFalse(McpResults.text(result).isBlank(), "a text rendering accompanies structuredContent");
      assertClean(env, mcp);
    }
  }

  @OzonTargets
  void statisticsReportSendsProgressNotificationsForTheRequestsProgressToken(TargetEnv env) throws Exception {
    try (McpStdioClient mcp = McpStdioClient.start(env.mcpArgs(), env.mcpEnvironment())) {
      mcp.initialize();
      JsonArray campaigns = McpResults.campaigns(result(mcp.callTool("list_campaigns", new JsonObject(), null,
          env.patience())));
      assumeFalse(campaigns.isEmpty(), "the account has no campaigns");
      String campaignId = null;
      for (JsonElement c : campaigns) { // a campaign type every statistics report can include
        if ("SKU".equals(c.getAsJsonObject().get("advObjectType").getAsString())) {
          campaignId = c.getAsJsonObject().get("id").getAsString();
          break;
        }
      }
      assumeFalse(campaignId == null, "the account has no SKU campaign");
      LocalDate[] days = env.lastDays(7);
      JsonObject args = new JsonObject();
      JsonArray ids = new JsonArray();
      ids.add(campaignId);
      args.add("campaignIds", ids);
      args.addProperty("dateFrom", days[0].toString());
      args.addProperty("dateTo", days[1].toString());
      args.addProperty("groupBy", "DATE");
      args.addProperty("timeLimitSeconds", env.isSandbox() ? 60 : 540); // Ozon may take minutes

      JsonObject result = result(mcp.callTool("get_statistics_report", args, "report-progress-1", env.patience()));

      assertFalse(isError(result), result.toString());
      List<Double> progress = new ArrayList<>();
      for (JsonObject n : mcp.notifications()) {
        if ("notifications/progress".equals(n.get("method").getAsString())) {
          JsonObject p = n.getAsJsonObject("params");
          assertEquals("report-progress-1", p.get("progressToken").getAsString());
          progress.add(p.get("progress").getAsDouble());
        }
      }
      assertFalse(progress.isEmpty(), "no progress notification arrived; notifications: " + mcp.notifications());
      for (int i = 1; i < progress.size(); i++) {
        assertTrue(progress.get(i) >= progress.get(i - 1), "progress must not go backwards: " + progress);
      }
      JsonObject report = result.getAsJsonObject("structuredContent");
      assertTrue(report.get("complete").getAsBoolean(), report.toString());
      JsonObject sound = report.getAsJsonObject("totals");
      assertTrue(sound.get("views").getAsLong() >= sound.get("clicks").getAsLong(), "clicks <= views: " + sound);
      assertTrue(sound.get("spend").getAsBigDecimal().signum() >= 0, "spend is not negative: " + sound);
      assertFalse(report.has("mismatches"), "the rows agree with Ozon's Всего line: " + report.get("mismatches"));
      if (env.isSandbox()) {
        DailyMetrics sum = env.sandbox().data().total(campaignId, days[0], days[1]);
        JsonObject totals = report.getAsJsonObject("totals");
        assertEquals(env.sandbox().data().products(campaignId).size() * 7, report.get("totalRows").getAsInt(),
            "one row per product and day");
        assertTrue(sum.orders() > 0, "the sandbox has orders, so reading them as 0 would fail here");
        assertEquals(sum.views(), totals.get("views").getAsLong());
        assertEquals(sum.clicks(), totals.get("clicks").getAsLong());
        assertEquals(0, sum.spend().compareTo(totals.get("spend").getAsBigDecimal()), totals.toString());
        assertEquals(sum.orders(), totals.get("orders").getAsLong());
        assertEquals(0, sum.ordersMoney().compareTo(totals.get("ordersMoney").getAsBigDecimal()), totals.toString());
      }
      assertClean(env, mcp);
    }
  }

  @OzonTargets
  void badArgumentComesBackAsIsErrorSayingWhatToChangeNotAsAProtocolError(TargetEnv env) throws Exception {
    try (McpStdioClient mcp = McpStdioClient.start(env.mcpArgs(), env.mcpEnvironment())) {
      mcp.initialize();
      JsonObject args = new JsonObject();
      JsonArray ids = new JsonArray();
      ids.add("1");
      args.add("campaignIds", ids);
      args.addProperty("dateFrom", "2026-02-30"); // no such day
      args.addProperty("dateTo", "2026-03-05");

      JsonObject response = mcp.callTool("get_daily_statistics", args, null, env.patience());

      assertFalse(response.has("error"), "a bad argument must not be a JSON-RPC error: " + response);
      JsonObject result = response.getAsJsonObject("result");
      assertTrue(isError(result), result.toString());
      String text = McpResults.text(result);
      assertTrue(text.contains("dateFrom"), "the message names the argument to change: " + text);
      assertFalse(text.contains("\tat "), "no stack trace in a tool result: " + text);
      assertClean(env, mcp);
    }
  }

  static JsonObject result(JsonObject response) {
    assertFalse(response.has("error"), "JSON-RPC error: " + response);
    return response.getAsJsonObject("result");
  }

  static boolean isError(JsonObject result) {
    return result.has("isError") && result.get("isError").getAsBoolean();
  }

  /** Stdout carried only JSON-RPC, and no secret reached stdout or stderr. */
  static void assertClean(TargetEnv env, McpStdioClient mcp) {
    assertEquals(List.of(), mcp.protocolViolations(), "stdout must carry only JSON-RPC");
    String secret = env.secret();
    assertFalse(mcp.stderr().contains(secret), "the client secret appeared on stderr");
    for (JsonObject n : mcp.notifications()) {
      assertFalse(n.toString().contains(secret), "the client secret appeared in a notification");
    }
  }
}
