package io.github.ozonperf.sandbox.internal;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.github.ozonperf.sandbox.SandboxCampaign;
import io.github.ozonperf.sandbox.SandboxProduct;
import io.github.ozonperf.sandbox.internal.Http.ApiError;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockResponse;

/** Search-promo (pay per order) and all-SKU-promo routes. */
final class SearchPromoRoutes {
  private final SandboxState state;
  private final Object stateLock;
  private final Map<String, SandboxCampaign> campaigns;
  private final Map<String, Map<String, SandboxProduct>> products;

  SearchPromoRoutes(SandboxState state) {
    this.state = state;
    this.stateLock = state.lock;
    this.campaigns = state.campaigns;
    this.products = state.products;
  }

  private List<SandboxProduct> searchPromoProductList() {
    List<SandboxProduct> out = new ArrayList<>();
    for (SandboxCampaign c : campaigns.values()) {
      if (c.advObjectType().equals("SEARCH_PROMO")) {
        out.addAll(products.get(c.id()).values());
      }
    }
    return out;
  }

  MockResponse searchPromoProducts(Req r) {
    JsonObject body = r.jsonBody();
    long page = Math.max(1, Req.longMember(body, "page", 1));
    long pageSize = Math.max(1, Req.longMember(body, "pageSize", 100));
    synchronized (stateLock) {
      List<SandboxProduct> all = searchPromoProductList();
      JsonArray arr = new JsonArray();
      for (SandboxProduct p : Req.page(all, page, pageSize)) {
        JsonObject o = new JsonObject();
        o.addProperty("sku", p.sku());
        o.addProperty("title", p.title());
        double bid = new java.math.BigDecimal(p.bid()).doubleValue() / 1_000_000.0 / 10;
        o.addProperty("bid", bid);
        o.addProperty("bidPrice", Reports.comma(java.math.BigDecimal.valueOf(bid * 10).setScale(2,
            java.math.RoundingMode.HALF_UP)));
        o.addProperty("price", "1990");
        o.addProperty("searchPromoStatus", true);
        o.addProperty("isSearchPromoAvailable", true);
        arr.add(o);
      }
      JsonObject o = new JsonObject();
      o.add("products", arr);
      o.addProperty("total", Integer.toString(all.size()));
      return Http.ok(o);
    }
  }

  MockResponse searchPromoSetBids(Req r) {
    JsonArray bids = Req.array(r.jsonBody(), "bids");
    if (bids == null || bids.isEmpty()) {
      throw ApiError.badRequest("bids is required: a non-empty array of {\"sku\":\"…\",\"bid\":5.0}");
    }
    JsonArray out = new JsonArray();
    for (int i = 0; i < bids.size(); i++) {
      JsonObject b = bids.get(i).isJsonObject() ? bids.get(i).getAsJsonObject() : new JsonObject();
      String sku = Req.str(b, "sku");
      if (sku == null) {
        throw ApiError.badRequest("bids[" + i + "].sku is required");
      }
      JsonObject o = new JsonObject();
      o.addProperty("sku", Req.checkId("sku", sku));
      o.add("bid", b.has("bid") ? b.get("bid") : new com.google.gson.JsonPrimitive(0));
      o.addProperty("update", true);
      o.addProperty("error", "");
      out.add(o);
    }
    return Http.ok("response", out);
  }

  MockResponse skusOnly(Req r, String field) {
    Req.requiredSkus(r.jsonBody(), field);
    return Http.emptyOk();
  }

  MockResponse carrots(Req r, boolean enable) {
    List<String> skus = Req.requiredSkus(r.jsonBody(), "skus");
    JsonObject map = new JsonObject();
    for (String sku : skus) {
      JsonObject info = new JsonObject();
      info.addProperty(enable ? "isEnabled" : "isDisabled", true);
      info.addProperty("error", "CARROT_ERROR_NONE");
      map.add(sku, info);
    }
    return Http.ok("skuToInfo", map);
  }

  MockResponse allSkuPromoActivate() {
    JsonObject o = new JsonObject();
    o.addProperty("selectedBid", "5000000");
    return Http.ok(o);
  }

  MockResponse allSkuPromoSetBid(Req r) {
    String bid = r.query("bid");
    if (bid == null) {
      throw ApiError.badRequest("bid is required (millionths of a rouble)");
    }
    Req.checkId("bid", bid);
    return Http.noBody();
  }

  MockResponse recommendedBids(Req r) {
    List<String> skus = Req.requiredSkus(r.jsonBody(), "skus");
    JsonObject map = new JsonObject();
    for (String sku : skus) {
      map.addProperty(sku, Long.toString(3_000_000L + Long.remainderUnsigned(Req.unsigned(sku), 7) * 1_000_000L));
    }
    return Http.ok("recommendedBids", map);
  }

  MockResponse cpoMinBids(Req r) {
    List<String> skus = Req.requiredSkus(r.jsonBody(), "skus");
    JsonArray arr = new JsonArray();
    for (String sku : skus) {
      JsonObject o = new JsonObject();
      o.addProperty("sku", sku);
      o.addProperty("bid", 1.0 + Long.remainderUnsigned(Req.unsigned(sku), 5));
      arr.add(o);
    }
    return Http.ok("bids", arr);
  }

  MockResponse enableSearchPromoProducts(Req r) {
    List<String> skus = Req.requiredSkus(r.jsonBody(), "skus");
    JsonArray arr = new JsonArray();
    for (String sku : skus) {
      JsonObject o = new JsonObject();
      o.addProperty("sku", sku);
      o.addProperty("bid", 5.0);
      o.addProperty("update", true);
      o.addProperty("error", "");
      arr.add(o);
    }
    return Http.ok("response", arr);
  }

}
