package io.github.ozonperf.mcp.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.Gson;
import io.github.ozonperf.mcp.tools.ToolSelection;
import io.modelcontextprotocol.server.McpServerFeatures;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every read tool of every toolset answers on the embedded sandbox without an error, with arguments made from its own
 * input schema (the required ones; ids of the sandbox's data); write tools answer a dry run without sending.
 */
class OperationToolsSandboxTest {
  static final Gson GSON = new Gson();
  static ToolHarness h;
  static String campaignId;

  @BeforeAll
  static void start() {
    h = new ToolHarness(ToolSelection.parse("all", null, false));
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> campaigns = (List<Map<String, Object>>) ToolHarness.structured(
        h.call("list_campaigns", "{\"state\":\"CAMPAIGN_STATE_RUNNING\",\"advObjectType\":\"SKU\"}")).get("campaigns");
    campaignId = (String) campaigns.get(0).get("id");
  }

  @AfterAll
  static void stop() {
    h.close();
  }

  /** Arguments for the required properties of a schema. */
  @SuppressWarnings("unchecked")
  static Map<String, Object> required(Map<String, Object> schema) {
    Map<String, Object> args = new LinkedHashMap<>();
    Map<String, Object> props = (Map<String, Object>) schema.getOrDefault("properties", Map.of());
    for (Object n : (List<Object>) schema.getOrDefault("required", List.of())) {
      args.put((String) n, value((String) n, (Map<String, Object>) props.get(n)));
    }
    // periods too: Ozon (and the sandbox) want one even where the spec leaves it optional
    props.forEach((n, p) -> {
      Map<String, Object> ps = (Map<String, Object>) p;
      if (n.equals("campaignIds") || "date".equals(ps.get("format")) || (ps.get("pattern") instanceof String pt && pt.contains("T[0-9]"))) {
        args.putIfAbsent(n, value(n, ps));
      }
    });
    return args;
  }

  @SuppressWarnings("unchecked")
  static Object value(String name, Map<String, Object> s) {
    Object type = s.get("type");
    if (s.get("enum") instanceof List<?> l) {
      return l.get(0);
    }
    if (type instanceof List<?>) { // an id: string or integer
      return campaignId;
    }
    if ("date".equals(s.get("format"))) {
      return name.toLowerCase().contains("to") ? "2026-10-03" : "2026-10-01";
    }
    if (s.get("pattern") instanceof String p && p.contains("T[0-9]")) {
      return name.toLowerCase().endsWith("to") ? "2026-10-03T00:00:00Z" : "2026-10-01T00:00:00Z";
    }
    return switch (String.valueOf(type)) {
      case "array" -> List.of(value(name, (Map<String, Object>) s.get("items")));
      case "object" -> required(s);
      case "integer" -> 1;
      case "number" -> 5;
      case "boolean" -> true;
      default -> campaignId;
    };
  }

  @Test
  void everyReadToolAnswersOnTheSandbox() {
    String vendorUuid = (String) ToolHarness.structured(h.call("submit_vendor_statistics_report",
        "{\"dateFrom\":\"2026-10-01\",\"dateTo\":\"2026-10-03\",\"type\":\"ORDERS\"}")).get("UUID");
    int called = 0;
    for (McpServerFeatures.SyncToolSpecification s : h.specs.values()) {
      McpSchema.Tool tool = s.tool();
      if (!tool.annotations().readOnlyHint() || tool.name().equals("get_statistics_report")) {
        continue; // get_statistics_report has its own tests (it waits for reports)
      }
      Map<String, Object> args = required(tool.inputSchema());
      if (tool.name().equals("calculate_dynamic_budget")) {
        args.put("createCampaign", Map.of("autopilotStrategy", "MAX_CLICKS", "skusCount", "3"));
      }
      if (tool.name().equals("get_vendor_report_status")) {
        args.put("UUID", vendorUuid);
      }
      if (tool.name().equals("get_report_status") || tool.name().equals("download_report")) {
        continue; // need a finished report: ReportTools' own tests
      }
      McpSchema.CallToolResult r = h.call(tool.name(), GSON.toJson(args));
      // one report generates per account at a time (Ozon answers 429 meanwhile): wait for the previous one
      for (int i = 0; i < 50 && Boolean.TRUE.equals(r.isError())
          && "rate_limited".equals(ToolHarness.structured(r).get("type")); i++) {
        sleep();
        r = h.call(tool.name(), GSON.toJson(args));
      }
      assertFalse(Boolean.TRUE.equals(r.isError()), tool.name() + " " + args + ": " + ToolHarness.message(r));
      called++;
    }
    assertTrue(called >= 30, "read tools called: " + called);
  }

  private static void sleep() {
    try {
      Thread.sleep(100);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Test
  void writeToolsDefaultToADryRunShowingTheTypedRequest() {
    McpSchema.CallToolResult r = h.call("set_search_promo_bids", "{\"bids\":[{\"sku\":123,\"bid\":5.5}]}");
    assertFalse(Boolean.TRUE.equals(r.isError()), ToolHarness.message(r));
    Map<String, Object> out = ToolHarness.structured(r);
    assertEquals(true, out.get("dryRun"));
    assertEquals(Map.of("method", "POST", "path", "/api/client/campaign/search_promo/v2/bids/set", "body",
        Map.of("bids", List.of(Map.of("sku", "123", "bid", 5.5)))), out.get("request"));
    assertTrue(h.sandbox.recentRequests().stream().noneMatch(c -> c.path().contains("bids/set")), "nothing sent");
  }

  @Test
  void csvAnswersComeBackAsTypedRows() {
    McpSchema.CallToolResult r = h.call("get_daily_statistics_csv", "{\"campaignIds\":[\"" + campaignId
        + "\"],\"dateFrom\":\"2026-10-01\",\"dateTo\":\"2026-10-03\"}");
    assertFalse(Boolean.TRUE.equals(r.isError()), ToolHarness.message(r));
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> rows = (List<Map<String, Object>>) ToolHarness.structured(r).get("rows");
    assertEquals(3, rows.size());
    assertTrue(rows.get(0).values().stream().anyMatch(v -> v instanceof Number), rows.get(0).toString());
  }
}
