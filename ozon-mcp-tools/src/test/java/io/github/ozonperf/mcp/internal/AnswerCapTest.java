package io.github.ozonperf.mcp.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelcontextprotocol.spec.McpSchema;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every tool answer stays under 100 KB (structured content plus text) and says how to get the rest. */
class AnswerCapTest {
  static final int CAP = 100_000;
  static ToolHarness tools;

  @BeforeAll
  static void start() {
    tools = new ToolHarness();
  }

  @AfterAll
  static void stop() {
    tools.close();
  }

  private static String allCampaignIds() {
    List<String> ids = new ArrayList<>();
    tools.sandbox.data().campaigns().forEach(c -> ids.add("\"" + c.id() + "\""));
    return "[" + String.join(",", ids) + "]";
  }

  @Test
  @SuppressWarnings("unchecked")
  void aThousandRowsAreCutToTheCapAndTheCursorContinuesWhereTheCutWas() {
    String args = "{\"campaignIds\":" + allCampaignIds() + ",\"dateFrom\":\"2026-09-01\",\"dateTo\":\"2026-10-31\","
        + "\"fields\":[\"campaignId\",\"title\",\"date\",\"views\",\"clicks\",\"spend\",\"avgBid\",\"orders\","
        + "\"ordersMoney\"],\"limit\":1000}";
    McpSchema.CallToolResult r = tools.call("get_daily_statistics", args);
    assertFalse(r.isError(), () -> ToolHarness.message(r));
    int bytes = ToolHarness.answerBytes(r);
    System.out.println("get_daily_statistics limit 1000: answer " + bytes + " bytes");
    assertTrue(bytes <= CAP + 1_000, () -> "answer of " + bytes + " bytes");
    Map<String, Object> s = ToolHarness.structured(r);
    List<Map<String, Object>> rows = (List<Map<String, Object>>) s.get("rows");
    assertTrue(rows.size() < 1000, "rows were cut");
    assertEquals(((Number) s.get("returned")).intValue(), rows.size());
    assertEquals(Integer.toString(rows.size()), s.get("nextCursor"));
    assertTrue(String.valueOf(s.get("note")).contains("cut to stay under 100 KB"), String.valueOf(s.get("note")));

    McpSchema.CallToolResult next = tools.call("get_daily_statistics", args.replace("\"limit\":1000",
        "\"limit\":1000,\"cursor\":\"" + rows.size() + "\""));
    List<Map<String, Object>> more = (List<Map<String, Object>>) ToolHarness.structured(next).get("rows");
    Set<String> seen = new LinkedHashSet<>();
    rows.forEach(x -> seen.add(x.get("campaignId") + "/" + x.get("date")));
    more.forEach(x -> assertTrue(seen.add(x.get("campaignId") + "/" + x.get("date")), "no row twice"));
  }

  @Test
  void fiveHundredBidsGiveAnAnswerUnderTheCapThatKeepsTheWholeRequest() {
    String campaign = tools.sandbox.data().campaigns().get(0).id();
    List<String> bids = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      bids.add("{\"sku\":\"" + (1_000_000_000L + i) + "\",\"bidRoubles\":\"12,50\"}");
    }
    McpSchema.CallToolResult r = tools.call("set_product_bids", "{\"campaignId\":\"" + campaign + "\",\"bids\":["
        + String.join(",", bids) + "]}");
    assertFalse(r.isError(), () -> ToolHarness.message(r));
    int bytes = ToolHarness.answerBytes(r);
    System.out.println("set_product_bids 500 bids: answer " + bytes + " bytes");
    assertTrue(bytes <= CAP + 1_000, () -> "answer of " + bytes + " bytes");
    @SuppressWarnings("unchecked")
    Map<String, Object> body = (Map<String, Object>) ((Map<String, Object>) ToolHarness.structured(r)
        .get("request")).get("body");
    assertEquals(500, ((List<?>) body.get("bids")).size(), "the request a real call would send is shown whole");
  }
}
