package io.github.ozonperf.mcp.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import io.github.ozonperf.mcp.tools.ToolSelection;
import io.github.ozonperf.sandbox.RecordedCall;
import io.github.ozonperf.sandbox.SandboxCampaign;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A write tool's dry run shows the request a real call sends: the same method, path and JSON body. Each case
 * previews a write, sends it with dryRun literally false, and compares the preview with what the sandbox received,
 * then checks that the state really changed.
 */
class DryRunEqualsSentTest {
  static ToolHarness tools;
  static SandboxCampaign campaign;

  @BeforeAll
  static void start() {
    tools = new ToolHarness(ToolSelection.parse("all", null, false));
    campaign = tools.sandbox.data().campaigns().stream().filter(c -> c.advObjectType().equals("SKU")
        && !tools.sandbox.data().products(c.id()).isEmpty()).findFirst().orElseThrow();
  }

  @AfterAll
  static void stop() {
    tools.close();
  }

  @Test
  void updateCampaignSendsExactlyThePreviewedPatch() {
    String args = "{\"campaignId\":\"" + campaign.id() + "\",\"dailyBudgetRoubles\":\"1234,5\",\"toDate\":"
        + "\"2027-03-31\"";
    RecordedCall sent = previewThenSend("update_campaign", args);
    assertEquals("PATCH", sent.method());
    assertEquals("1234500000", tools.sandbox.campaign(campaign.id()).orElseThrow().dailyBudget());
    assertEquals("2027-03-31", tools.sandbox.campaign(campaign.id()).orElseThrow().toDate());
    assertNotEquals(campaign.dailyBudget(), "1234500000");
    assertEquals("/api/client/campaign/" + campaign.id(), sent.path());
  }

  @Test
  void setProductBidsSendsExactlyThePreviewedPut() {
    String sku = tools.sandbox.data().products(campaign.id()).get(0).sku();
    String args = "{\"campaignId\":" + campaign.id() + ",\"bids\":[{\"sku\":" + sku + ",\"bidRoubles\":17.3}]";
    assertEquals("PUT", previewThenSend("set_product_bids", args).method());
    Map<String, Object> after = ToolHarness.structured(tools.call("list_campaign_products",
        "{\"campaignId\":\"" + campaign.id() + "\",\"pageSize\":1000}"));
    assertTrue(String.valueOf(after.get("products")).contains("sku=" + sku + ", bid=17300000"), after.toString());
  }

  @Test
  void specDerivedWriteSendsExactlyThePreviewedBody() {
    List<io.github.ozonperf.sandbox.SandboxProduct> products = tools.sandbox.data().products(campaign.id());
    String sku = products.get(products.size() - 1).sku(); // not the one the bids test sets
    previewThenSend("delete_campaign_products", "{\"campaignId\":\"" + campaign.id() + "\",\"sku\":[\"" + sku
        + "\"]");
    Map<String, Object> after = ToolHarness.structured(tools.call("list_campaign_products",
        "{\"campaignId\":\"" + campaign.id() + "\",\"pageSize\":1000}"));
    assertFalse(String.valueOf(after.get("products")).contains("sku=" + sku + ","), after.toString());
  }

  @Test
  void deactivateChangesTheCampaignState() {
    SandboxCampaign running = tools.sandbox.data().campaigns().stream()
        .filter(c -> c.state().equals("CAMPAIGN_STATE_RUNNING")).findFirst().orElseThrow();
    previewThenSend("deactivate_campaign", "{\"campaignId\":\"" + running.id() + "\"");
    assertEquals("CAMPAIGN_STATE_INACTIVE", tools.sandbox.campaign(running.id()).orElseThrow().state());
  }

  /** API calls (not token requests) other than GET, except all_sku_promo's documented GET writes. */
  private static List<RecordedCall> writes() {
    return tools.sandbox.recentRequests().stream().filter(r -> !r.method().equals("GET")
        && r.authorization().startsWith("Bearer")).toList();
  }

  /** Previews (nothing sent), sends, and compares the preview with the one request the sandbox received. */
  @SuppressWarnings("unchecked")
  private static RecordedCall previewThenSend(String tool, String argsWithoutEnd) {
    long before = writes().size();
    McpSchema.CallToolResult preview = tools.call(tool, argsWithoutEnd + "}");
    assertFalse(Boolean.TRUE.equals(preview.isError()), ToolHarness.message(preview));
    assertEquals(before, writes().size(), "a dry run sends nothing");
    Map<String, Object> request = (Map<String, Object>) ToolHarness.structured(preview).get("request");

    McpSchema.CallToolResult real = tools.call(tool, argsWithoutEnd + ",\"dryRun\":false}");
    assertFalse(Boolean.TRUE.equals(real.isError()), ToolHarness.message(real));
    List<RecordedCall> writes = writes();
    assertEquals(before + 1, writes.size(), "exactly one write");
    RecordedCall sent = writes.get(writes.size() - 1);
    assertEquals(request.get("method"), sent.method());
    assertEquals(String.valueOf(request.get("path")).replaceAll("\\?.*", ""), sent.path());
    Object body = request.get("body");
    if (body == null || (body instanceof Map<?, ?> m && m.isEmpty())) {
      assertTrue(sent.body().isEmpty() || JsonParser.parseString(sent.body()).getAsJsonObject().isEmpty(),
          sent.body());
    } else {
      JsonElement previewed = JsonParser.parseString(new Gson().toJson(body));
      assertEquals(previewed, JsonParser.parseString(sent.body()), "the body sent is the body previewed");
    }
    return sent;
  }
}
