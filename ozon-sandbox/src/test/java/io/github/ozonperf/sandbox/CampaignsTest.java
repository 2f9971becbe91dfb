package io.github.ozonperf.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.github.ozonperf.sandbox.SandboxClient.Reply;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CampaignsTest {
  private final MutableClock clock = MutableClock.at2026();
  private OzonSandbox sandbox = OzonSandbox.builder().clock(clock).seed(7).start();
  private SandboxClient client = new SandboxClient(sandbox).login();

  @AfterEach
  void close() {
    sandbox.close();
  }

  private SandboxCampaign first(String type, String state) {
    return sandbox.data().campaigns().stream()
        .filter(c -> c.advObjectType().equals(type) && (state == null || c.state().equals(state)))
        .findFirst().orElseThrow();
  }

  @Test
  void listWithoutParametersReturnsAllWithIdsAsStringsAndAStringTotalLikeLiveOzon() {
    JsonObject o = client.get("/api/client/campaign").json();
    JsonArray list = o.getAsJsonArray("list");
    assertEquals(SandboxData.CAMPAIGN_COUNT, list.size());
    assertEquals(Set.of("list", "total"), o.keySet());
    assertEquals(Integer.toString(SandboxData.CAMPAIGN_COUNT), o.get("total").getAsString());
    JsonObject c = list.get(0).getAsJsonObject();
    assertTrue(c.get("id").getAsJsonPrimitive().isString());
    assertEquals(sandbox.data().campaigns().get(0).id(), c.get("id").getAsString());
    assertEquals(sandbox.data().campaigns().get(0).title(), c.get("title").getAsString());
  }

  @Test
  void listSendsCapitalPaymentTypeAndPlacementArraysAndLiveFields() {
    JsonArray list = client.get("/api/client/campaign").json().getAsJsonArray("list");
    for (int i = 0; i < list.size(); i++) {
      JsonObject c = list.get(i).getAsJsonObject();
      SandboxCampaign sc = sandbox.data().campaigns().get(i);
      assertFalse(c.has("paymentType"));
      assertEquals(sc.paymentType(), c.get("PaymentType").getAsString());
      assertTrue(c.get("placement").isJsonArray());
      assertEquals(sc.advObjectType().equals("SKU") ? 1 : 0, c.getAsJsonArray("placement").size());
      assertTrue(c.get("autopilot").isJsonNull());
      assertTrue(c.get("ProductAdvPlacements").isJsonArray());
      for (String k : List.of("expenseStrategy", "budgetType", "weeklyBudget", "startWeekDay", "endWeekDay",
          "autoIncrease", "isAutocreated", "autostopStatus", "productAutopilotStrategy")) {
        assertTrue(c.has(k), k);
      }
    }
    JsonObject first = list.get(0).getAsJsonObject();
    assertEquals("CPC", first.get("PaymentType").getAsString());
    assertEquals("PLACEMENT_TOP_PROMOTION", first.getAsJsonArray("placement").get(0).getAsString());
    JsonObject vk = list.get(SandboxData.CAMPAIGN_COUNT - 1).getAsJsonObject();
    assertEquals("REF_VK", vk.get("advObjectType").getAsString());
    assertEquals("CAMPAIGN_TYPE_INVALID", vk.get("PaymentType").getAsString());
    assertTrue(vk.get("isAutocreated").getAsBoolean());
  }

  @Test
  void datasetSpansFiveObjectTypesAndSeveralStates() {
    Set<String> types = new HashSet<>();
    Set<String> states = new HashSet<>();
    sandbox.data().campaigns().forEach(c -> {
      types.add(c.advObjectType());
      states.add(c.state());
    });
    assertEquals(Set.of("SKU", "BANNER", "SEARCH_PROMO", "ALL_SKU_PROMO", "REF_VK"), types);
    assertTrue(states.size() >= 5, states.toString());
  }

  @Test
  void explodedCampaignIdsFilterReturnsExactlyThoseCampaigns() {
    String a = sandbox.data().campaigns().get(3).id();
    String b = sandbox.data().campaigns().get(17).id();
    JsonArray list = client.get("/api/client/campaign?campaignIds=" + a + "&campaignIds=" + b).json()
        .getAsJsonArray("list");
    assertEquals(2, list.size());
    assertEquals(a, list.get(0).getAsJsonObject().get("id").getAsString());
    assertEquals(b, list.get(1).getAsJsonObject().get("id").getAsString());
  }

  @Test
  void bracketedArrayParametersAreRejectedLikeOzonDoes() {
    Reply r = client.get("/api/client/campaign?campaignIds[]=1");
    assertEquals(400, r.code());
    assertTrue(r.error().contains("campaignIds=1&campaignIds=2"), r.error());
  }

  @Test
  void stateAndTypeFiltersCombine() {
    long expected = sandbox.data().campaigns().stream()
        .filter(c -> c.advObjectType().equals("SKU") && c.state().equals("CAMPAIGN_STATE_RUNNING")).count();
    JsonArray list = client.get("/api/client/campaign?advObjectType=SKU&state=CAMPAIGN_STATE_RUNNING").json()
        .getAsJsonArray("list");
    assertEquals(expected, list.size());
    assertTrue(expected > 0);
    for (JsonElement e : list) {
      assertEquals("CAMPAIGN_STATE_RUNNING", e.getAsJsonObject().get("state").getAsString());
      assertEquals("SKU", e.getAsJsonObject().get("advObjectType").getAsString());
    }
  }

  @Test
  void unknownStateGets400() {
    assertEquals(400, client.get("/api/client/campaign?state=RUNNING").code());
  }

  @Test
  void pagingWalksAllCampaignsWithAShortLastPage() {
    List<String> seen = new ArrayList<>();
    int[] sizes = new int[4];
    for (int page = 1; page <= 4; page++) {
      JsonObject o = client.get("/api/client/campaign?page=" + page + "&pageSize=10").json();
      assertEquals(Integer.toString(SandboxData.CAMPAIGN_COUNT), o.get("total").getAsString());
      JsonArray list = o.getAsJsonArray("list");
      sizes[page - 1] = list.size();
      list.forEach(e -> seen.add(e.getAsJsonObject().get("id").getAsString()));
    }
    assertEquals(List.of(10, 10, 7, 0), List.of(sizes[0], sizes[1], sizes[2], sizes[3]));
    assertEquals(sandbox.data().campaigns().stream().map(SandboxCampaign::id).toList(), seen);
  }

  @Test
  void absurdPageNumberGivesAnEmptyPageNotAServerError() {
    Reply r = client.get("/api/client/campaign?page=9223372036854775807&pageSize=100");
    assertEquals(200, r.code(), r.text());
    assertEquals(0, r.json().getAsJsonArray("list").size());
    Reply products = client.get("/api/client/campaign/" + first("SKU", null).id()
        + "/v2/products?page=4611686018427387904&pageSize=9223372036854775807");
    assertEquals(200, products.code(), products.text());
    assertEquals(0, products.json().getAsJsonArray("products").size());
  }

  @Test
  void idBeyondUint64Gets400NotAServerError() {
    Reply r = client.post("/api/client/min/sku", "{\"sku\":[\"99999999999999999999\"]}");
    assertEquals(400, r.code(), r.text());
    assertTrue(r.error().contains("out of range"), r.error());
  }

  @Test
  void idAboveSignedRangeButWithinUint64IsServed() {
    Reply r = client.post("/api/client/search_promo/bids/recommendation", "{\"skus\":[\"18446744073709551615\"]}");
    assertEquals(200, r.code(), r.text());
    assertTrue(r.json().getAsJsonObject("recommendedBids").has("18446744073709551615"));
  }

  @Test
  void nonNumericPageInABodyGets400NotAServerError() {
    Reply r = client.post("/api/client/campaign/search_promo/v2/products", "{\"page\":\"first\"}");
    assertEquals(400, r.code(), r.text());
    assertTrue(r.error().startsWith("invalid page"), r.error());
    assertEquals(400, client.post("/api/client/campaign/search_promo/v2/products", "{\"pageSize\":{}}").code());
  }

  @Test
  void pageZeroIsRejectedBecausePagesStartAtOne() {
    Reply r = client.get("/api/client/campaign?page=0&pageSize=10");
    assertEquals(400, r.code());
    assertTrue(r.error().contains("numbered from 1"));
  }

  @Test
  void backToBackPageGets429WithoutRetryAfterAndSucceedsAfterTheInterval() {
    sandbox.close();
    sandbox = OzonSandbox.builder().clock(clock)
        .faults(Faults.builder().pageRateLimit(true).pageInterval(Duration.ofSeconds(9)).build()).start();
    client = new SandboxClient(sandbox).login();
    assertEquals(200, client.get("/api/client/campaign?page=1&pageSize=10").code());
    Reply tooSoon = client.get("/api/client/campaign?page=2&pageSize=10");
    assertEquals(429, tooSoon.code());
    assertEquals(null, tooSoon.headers().get("Retry-After"));
    clock.advance(Duration.ofSeconds(9));
    assertEquals(200, client.get("/api/client/campaign?page=2&pageSize=10").code());
    assertEquals(3, sandbox.requests("/api/client/campaign"));
  }

  @Test
  void activateAndDeactivateChangeStateConsistently() {
    SandboxCampaign c = first("SKU", "CAMPAIGN_STATE_STOPPED");
    Reply act = client.post("/api/client/campaign/" + c.id() + "/activate", "{}");
    assertEquals(200, act.code());
    assertEquals("CAMPAIGN_STATE_RUNNING", act.json().get("state").getAsString());
    assertEquals("CAMPAIGN_STATE_RUNNING", sandbox.campaign(c.id()).orElseThrow().state());
    JsonObject listed = client.get("/api/client/campaign?campaignIds=" + c.id()).json().getAsJsonArray("list")
        .get(0).getAsJsonObject();
    assertEquals("CAMPAIGN_STATE_RUNNING", listed.get("state").getAsString());
    Reply deact = client.post("/api/client/campaign/" + c.id() + "/deactivate", "");
    assertEquals("CAMPAIGN_STATE_INACTIVE", deact.json().get("state").getAsString());
    assertEquals(c.state(), sandbox.data().campaign(c.id()).orElseThrow().state(), "dataset stays as at start");
    assertEquals(1, sandbox.requests("/api/client/campaign/{campaignId}/activate"));
    assertEquals(1, sandbox.requests("/api/client/campaign/" + c.id() + "/activate"));
  }

  @Test
  void archivedCampaignCannotBeActivated() {
    SandboxCampaign c = first("SKU", "CAMPAIGN_STATE_ARCHIVED");
    Reply r = client.post("/api/client/campaign/" + c.id() + "/activate", "{}");
    assertEquals(400, r.code());
    assertTrue(r.error().contains("ARCHIVED"));
  }

  @Test
  void patchChangesBudgetAndDates() {
    SandboxCampaign c = first("SKU", "CAMPAIGN_STATE_RUNNING");
    Reply r = client.patch("/api/client/campaign/" + c.id(),
        "{\"dailyBudget\":\"1500000000\",\"toDate\":\"2027-01-31\"}");
    assertEquals(200, r.code());
    assertEquals(c.id(), r.json().get("campaignId").getAsString());
    SandboxCampaign now = sandbox.campaign(c.id()).orElseThrow();
    assertEquals("1500000000", now.dailyBudget());
    assertEquals("2027-01-31", now.toDate());
    assertEquals(c.state(), now.state());
  }

  @Test
  void patchWithMalformedBodyOrBadDateGets400() {
    String id = first("SKU", null).id();
    assertEquals(400, client.patch("/api/client/campaign/" + id, "{\"toDate\":").code());
    assertEquals(400, client.patch("/api/client/campaign/" + id, "{\"toDate\":\"31.01.2027\"}").code());
  }

  @Test
  void unknownCampaignGets404AndNonNumericIdGets400() {
    Reply r = client.get("/api/client/campaign/999/objects");
    assertEquals(404, r.code());
    assertEquals("campaign not found: 999", r.error());
    assertEquals(400, client.get("/api/client/campaign/abc/objects").code());
  }

  @Test
  void objectsOfSkuCampaignAreItsProducts() {
    SandboxCampaign c = first("SKU", null);
    JsonArray list = client.get("/api/client/campaign/" + c.id() + "/objects").json().getAsJsonArray("list");
    assertEquals(sandbox.data().products(c.id()).size(), list.size());
    assertEquals(sandbox.data().products(c.id()).get(0).sku(), list.get(0).getAsJsonObject().get("id").getAsString());
  }

  @Test
  void updatingBidsChangesWhatProductsListReturns() {
    SandboxCampaign c = first("SKU", null);
    SandboxProduct p = sandbox.data().products(c.id()).get(0);
    Reply put = client.put("/api/client/campaign/" + c.id() + "/products",
        "{\"bids\":[{\"sku\":\"" + p.sku() + "\",\"bid\":\"42000000\"}]}");
    assertEquals(200, put.code());
    JsonArray products = client.get("/api/client/campaign/" + c.id() + "/v2/products").json()
        .getAsJsonArray("products");
    assertEquals(sandbox.data().products(c.id()).size(), products.size());
    JsonObject first = products.get(0).getAsJsonObject();
    assertEquals(p.sku(), first.get("sku").getAsString());
    assertEquals("42000000", first.get("bid").getAsString());
  }

  @Test
  void updatingBidWithoutSkuGets400AndUnknownSkuGets400() {
    String id = first("SKU", null).id();
    Reply noSku = client.put("/api/client/campaign/" + id + "/products", "{\"bids\":[{\"bid\":\"1\"}]}");
    assertEquals(400, noSku.code());
    assertEquals("bids[0].sku is required", noSku.error());
    assertEquals(400, client.put("/api/client/campaign/" + id + "/products",
        "{\"bids\":[{\"sku\":\"1\",\"bid\":\"1\"}]}").code());
  }

  @Test
  void addThenDeleteProduct() {
    String id = first("SKU", null).id();
    int before = sandbox.data().products(id).size();
    assertEquals(200, client.post("/api/client/campaign/" + id + "/products",
        "{\"bids\":[{\"sku\":\"777\",\"bid\":\"9000000\"}]}").code());
    assertEquals(before + 1, client.get("/api/client/campaign/" + id + "/v2/products").json()
        .getAsJsonArray("products").size());
    assertEquals(200, client.post("/api/client/campaign/" + id + "/products/delete", "{\"sku\":[\"777\"]}").code());
    assertEquals(before, client.get("/api/client/campaign/" + id + "/v2/products").json()
        .getAsJsonArray("products").size());
  }

  @Test
  void createdCampaignIsListedAsPlanned() {
    Reply r = client.post("/api/client/campaign/cpc/v2/product",
        "{\"title\":\"Новая\",\"placement\":\"PLACEMENT_TOP_PROMOTION\"}");
    assertEquals(200, r.code());
    String id = r.json().get("campaignId").getAsString();
    JsonObject listed = client.get("/api/client/campaign?campaignIds=" + id).json().getAsJsonArray("list").get(0)
        .getAsJsonObject();
    assertEquals("CAMPAIGN_STATE_PLANNED", listed.get("state").getAsString());
    assertEquals(400, client.post("/api/client/campaign/cpc/v2/product", "{\"title\":\"x\"}").code());
  }

  @Test
  void bidLimitsListIsNotEmpty() {
    JsonArray limits = client.get("/api/client/limits/list").json().getAsJsonArray("limits");
    assertFalse(limits.isEmpty());
    assertTrue(limits.get(0).getAsJsonObject().get("minBid").getAsDouble() > 0);
  }
}
