package io.github.ozonperf.sandbox.internal;

import com.google.gson.JsonArray;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import io.github.ozonperf.sandbox.Faults;
import io.github.ozonperf.sandbox.SandboxCampaign;
import io.github.ozonperf.sandbox.SandboxProduct;
import io.github.ozonperf.sandbox.internal.Http.ApiError;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import mockwebserver3.MockResponse;
import okio.Buffer;

/** Campaign routes: list, objects, limits, min bids, create, activate/deactivate, patch. */
final class CampaignRoutes {
  private final SandboxState state;
  private final Object stateLock;
  private final Map<String, SandboxCampaign> campaigns;
  private final Map<String, Map<String, SandboxProduct>> products;
  private final Clock clock;
  private final Faults faults;
  private static final Set<String> STATES = Set.of("CAMPAIGN_STATE_UNKNOWN", "CAMPAIGN_STATE_RUNNING",
      "CAMPAIGN_STATE_PLANNED", "CAMPAIGN_STATE_STOPPED", "CAMPAIGN_STATE_INACTIVE", "CAMPAIGN_STATE_ARCHIVED",
      "CAMPAIGN_STATE_MODERATION_DRAFT", "CAMPAIGN_STATE_MODERATION_IN_PROGRESS",
      "CAMPAIGN_STATE_MODERATION_FAILED", "CAMPAIGN_STATE_FINISHED");
  /** Guarded by stateLock. */
  private final Map<String, CachedJson> listJson = new HashMap<>();
  /** Guarded by stateLock. */
  private Instant lastCampaignList;

  CampaignRoutes(SandboxState state) {
    this.state = state;
    this.stateLock = state.lock;
    this.campaigns = state.campaigns;
    this.products = state.products;
    this.clock = state.clock;
    this.faults = state.faults;
  }

  MockResponse listCampaigns(Req r) {
    r.rejectBracketParams();
    List<String> ids = r.idsQuery("campaignIds");
    String state = r.query("state");
    if (state != null && !state.isEmpty() && !STATES.contains(state)) {
      throw ApiError.badRequest("invalid state '" + state + "': use one of CAMPAIGN_STATE_RUNNING, "
          + "CAMPAIGN_STATE_STOPPED, CAMPAIGN_STATE_INACTIVE, ... (see the spec)");
    }
    String type = r.query("advObjectType");
    Long page = r.queryLong("page");
    Long pageSize = r.queryLong("pageSize");
    if (page != null && page < 1) {
      throw ApiError.badRequest("invalid page " + page + ": pages are numbered from 1");
    }
    if (pageSize != null && pageSize < 1) {
      throw ApiError.badRequest("invalid pageSize " + pageSize + ": must be at least 1");
    }
    synchronized (stateLock) {
      Instant now = clock.instant();
      if (faults.pageRateLimit() && page != null && page > 1 && lastCampaignList != null
          && Duration.between(lastCampaignList, now).compareTo(faults.pageInterval()) < 0) {
        lastCampaignList = now;
        throw new ApiError(429, "Too Many Requests: campaign pages requested too fast");
      }
      lastCampaignList = now;
      List<SandboxCampaign> matching = new ArrayList<>();
      for (SandboxCampaign c : campaigns.values()) {
        if ((ids.isEmpty() || ids.contains(c.id()))
            && (state == null || state.isEmpty() || state.equals(c.state()))
            && (type == null || type.isEmpty() || type.equals(c.advObjectType()))) {
          matching.add(c);
        }
      }
      List<SandboxCampaign> slice = matching;
      // Without paging parameters everything comes back at once.
      if (page != null || pageSize != null) {
        long ps = Math.min(pageSize == null ? 100 : pageSize, 100);
        long p = page == null ? 1 : page;
        slice = Req.page(matching, p, ps);
      }
      Buffer body = new Buffer().writeUtf8("{\"list\":[");
      for (int i = 0; i < slice.size(); i++) {
        if (i > 0) {
          body.writeByte(',');
        }
        body.write(listEntryJson(slice.get(i)));
      }
      // A live answer of 2026-08-31 carries "total" (corpus campaign-list-json; its JSON type is not evidenced, the
      // sandbox writes a string as Ozon writes uint64): the number of campaigns matching the filters, all pages.
      return Http.json(200, body.writeUtf8("],\"total\":\"").writeUtf8(Integer.toString(matching.size()))
          .writeUtf8("\"}"));
    }
  }

  /**
   * A campaign as it appears in the list, serialised once per version of the campaign (records are replaced on
   * every change, so identity tells a stale entry). The list is the sandbox's hottest answer: building and
   * serialising 25 JSON trees per call was most of its CPU in the MCP benchmark.
   */
  private byte[] listEntryJson(SandboxCampaign c) {
    CachedJson cached = listJson.get(c.id());
    if (cached == null || cached.campaign != c) {
      cached = new CachedJson(c, Http.GSON.toJson(campaignJson(c)).getBytes(StandardCharsets.UTF_8));
      listJson.put(c.id(), cached);
    }
    return cached.json;
  }

  private record CachedJson(SandboxCampaign campaign, byte[] json) {
  }

  /**
   * A campaign as the live list sends it (corpus campaign-list-json): the 24 keys in Ozon's order, {@code PaymentType}
   * with a capital P, {@code placement} an array, {@code autopilot} null, {@code autoIncrease} an object (SKU, REF_VK)
   * or null, budgets as strings in millionths of a rouble. Activate/deactivate answer the same object (no evidence
   * of their live shape).
   */
  static JsonObject campaignJson(SandboxCampaign c) {
    JsonObject o = new JsonObject();
    o.addProperty("id", c.id());
    o.addProperty("title", c.title());
    o.addProperty("state", c.state());
    o.addProperty("advObjectType", c.advObjectType());
    o.addProperty("fromDate", c.fromDate());
    o.addProperty("toDate", c.toDate());
    o.addProperty("dailyBudget", c.dailyBudget());
    JsonArray placement = new JsonArray();
    c.placement().forEach(placement::add);
    o.add("placement", placement);
    o.addProperty("budget", c.budget());
    String created = LocalDate.parse(c.fromDate()).minusDays(3) + "T09:00:00.000000Z";
    o.addProperty("createdAt", created);
    o.addProperty("updatedAt", created);
    o.addProperty("productCampaignMode", c.productCampaignMode());
    o.addProperty("productAutopilotStrategy", c.productAutopilotStrategy());
    o.add("autopilot", JsonNull.INSTANCE);
    o.addProperty("PaymentType", c.paymentType());
    o.addProperty("expenseStrategy", "DAILY_BUDGET");
    o.addProperty("weeklyBudget", c.weeklyBudget());
    o.addProperty("budgetType", "PRODUCT_CAMPAIGN_BUDGET_TYPE_WEEKLY");
    boolean sku = c.advObjectType().equals("SKU");
    DayOfWeek start = sku ? LocalDate.parse(c.fromDate()).getDayOfWeek() : DayOfWeek.MONDAY;
    o.addProperty("startWeekDay", start.name());
    o.addProperty("endWeekDay", start.minus(1).name());
    if (sku || c.advObjectType().equals("REF_VK")) {
      JsonObject inc = new JsonObject();
      inc.add("autoIncreasePercent", JsonNull.INSTANCE);
      inc.addProperty("isAutoIncreased", false);
      inc.add("autoIncreasedBudget", JsonNull.INSTANCE);
      inc.add("recommendedAutoIncreasePercent", JsonNull.INSTANCE);
      o.add("autoIncrease", inc);
    } else {
      o.add("autoIncrease", JsonNull.INSTANCE);
    }
    o.add("ProductAdvPlacements", new JsonArray());
    o.addProperty("isAutocreated", c.autocreated());
    o.addProperty("autostopStatus", "AUTOSTOP_STATUS_NONE");
    return o;
  }

  MockResponse campaignObjects(Req r) {
    synchronized (stateLock) {
      SandboxCampaign c = state.campaignOr404(r);
      JsonArray list = new JsonArray();
      if (c.advObjectType().equals("BANNER")) {
        for (int i = 1; i <= 3; i++) {
          JsonObject o = new JsonObject();
          o.addProperty("id", c.id() + "0" + i);
          list.add(o);
        }
      } else {
        for (String sku : products.get(c.id()).keySet()) {
          JsonObject o = new JsonObject();
          o.addProperty("id", sku);
          list.add(o);
        }
      }
      return Http.ok("list", list);
    }
  }

  MockResponse limits() {
    JsonArray limits = new JsonArray();
    limits.add(limit("SKU", "CPC", "CAMPAIGN_PLACEMENT_SEARCH_AND_CATEGORY", 3.0, 5000.0));
    limits.add(limit("SKU", "CPC", "CAMPAIGN_PLACEMENT_TOP_PROMOTION", 10.0, 5000.0));
    limits.add(limit("SEARCH_PROMO", "CPO", "CAMPAIGN_PLACEMENT_SEARCH_AND_CATEGORY", 1.0, 50.0));
    return Http.ok("limits", limits);
  }

  private static JsonObject limit(String type, String payment, String placement, double min, double max) {
    JsonObject o = new JsonObject();
    o.addProperty("objectType", type);
    o.addProperty("paymentMethod", payment);
    o.addProperty("placement", placement);
    o.addProperty("minBid", min);
    o.addProperty("maxBid", max);
    JsonArray cats = new JsonArray();
    JsonObject cat = new JsonObject();
    cat.addProperty("category", "Электроника");
    cat.addProperty("bid", min * 2);
    cats.add(cat);
    o.add("categories", cats);
    return o;
  }

  MockResponse minBidsBySku(Req r) {
    JsonObject body = r.jsonBody();
    List<String> skus = Req.requiredSkus(body, "sku");
    JsonArray out = new JsonArray();
    for (String sku : skus) {
      JsonObject o = new JsonObject();
      o.addProperty("sku", sku);
      o.addProperty("bid", 3.0 + Long.remainderUnsigned(Req.unsigned(sku), 7));
      out.add(o);
    }
    return Http.ok("minBids", out);
  }

  MockResponse productsWithBonuses() {
    JsonArray skus = new JsonArray();
    synchronized (stateLock) {
      products.values().stream().flatMap(m -> m.keySet().stream()).limit(3).forEach(skus::add);
    }
    return Http.ok("skus", skus);
  }

  MockResponse createCampaign(Req r) {
    JsonObject body = r.jsonBody();
    String placement = Req.str(body, "placement");
    if (placement == null) {
      throw ApiError.badRequest("placement is required: PLACEMENT_TOP_PROMOTION or PLACEMENT_SEARCH_AND_CATEGORY");
    }
    if (!placement.equals("PLACEMENT_TOP_PROMOTION") && !placement.equals("PLACEMENT_SEARCH_AND_CATEGORY")) {
      throw ApiError.badRequest("invalid placement '" + placement + "'");
    }
    String title = Optional.ofNullable(Req.str(body, "title")).orElse("Новая кампания");
    LocalDate today = LocalDate.ofInstant(clock.instant(), java.time.ZoneOffset.UTC);
    String from = Optional.ofNullable(Req.str(body, "fromDate")).orElse(today.toString());
    Req.date("fromDate", from);
    String to = Optional.ofNullable(Req.str(body, "toDate")).orElse("");
    if (!to.isEmpty()) {
      Req.date("toDate", to);
    }
    String daily = digits(body, "dailyBudget", "0");
    String weekly = digits(body, "weeklyBudget", "0");
    String id = Long.toString(state.nextCampaignId.getAndIncrement());
    synchronized (stateLock) {
      campaigns.put(id, new SandboxCampaign(id, title, "SKU", "CAMPAIGN_STATE_PLANNED", "CPC", from, to, "0", daily,
          weekly, List.of(placement), "NO_AUTO_STRATEGY", "PRODUCT_CAMPAIGN_MODE_MANUAL", false));
      products.put(id, new LinkedHashMap<>());
    }
    JsonObject o = new JsonObject();
    o.addProperty("campaignId", id);
    return Http.ok(o);
  }

  private static String digits(JsonObject body, String name, String dflt) {
    String v = Req.str(body, name);
    return v == null ? dflt : Req.checkId(name, v);
  }

  MockResponse dynamicBudget(Req r) {
    JsonObject body = r.jsonBody();
    if (!body.has("createCampaign") && !body.has("updateCampaign")) {
      throw ApiError.badRequest("createCampaign or updateCampaign is required");
    }
    JsonObject o = new JsonObject();
    o.addProperty("campaignBudget", "30000000000");
    o.addProperty("dynamicBudget", "1000000000");
    o.addProperty("dynamicBudgetType", "DYNAMIC_BUDGET_RECOMMENDED");
    o.addProperty("skuPrice", "150000000");
    return Http.ok(o);
  }

  MockResponse setState(Req r, boolean activate) {
    r.jsonBody(); // must be empty or a JSON object
    synchronized (stateLock) {
      SandboxCampaign c = state.campaignOr404(r);
      String s = c.state();
      if (s.equals("CAMPAIGN_STATE_ARCHIVED") || (activate && s.equals("CAMPAIGN_STATE_FINISHED"))) {
        throw ApiError.badRequest("campaign " + c.id() + " is in state " + s + " and cannot be "
            + (activate ? "activated" : "deactivated"));
      }
      SandboxCampaign updated = c.withState(activate ? "CAMPAIGN_STATE_RUNNING" : "CAMPAIGN_STATE_INACTIVE");
      campaigns.put(c.id(), updated);
      return Http.ok(campaignJson(updated));
    }
  }

  MockResponse patchCampaign(Req r) {
    JsonObject body = r.jsonBody();
    String from = Req.str(body, "fromDate");
    String to = Req.str(body, "toDate");
    if (from != null) {
      Req.date("fromDate", from);
    }
    if (to != null && !to.isEmpty()) {
      Req.date("toDate", to);
    }
    String budget = digits(body, "budget", null);
    String daily = digits(body, "dailyBudget", null);
    String weekly = digits(body, "weeklyBudget", null);
    synchronized (stateLock) {
      SandboxCampaign c = state.campaignOr404(r);
      if (c.state().equals("CAMPAIGN_STATE_ARCHIVED")) {
        throw ApiError.badRequest("campaign " + c.id() + " is archived and cannot be changed");
      }
      campaigns.put(c.id(), c.withSchedule(from, to, budget, daily, weekly));
      JsonObject o = new JsonObject();
      o.addProperty("campaignId", c.id());
      return Http.ok(o);
    }
  }

}
