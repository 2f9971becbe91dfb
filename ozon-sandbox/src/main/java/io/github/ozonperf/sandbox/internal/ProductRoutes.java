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

/** Product routes of CPC campaigns: list, add/update, delete, competitive bids. */
final class ProductRoutes {
  private final SandboxState state;
  private final Object stateLock;
  private final Map<String, SandboxCampaign> campaigns;
  private final Map<String, Map<String, SandboxProduct>> products;

  ProductRoutes(SandboxState state) {
    this.state = state;
    this.stateLock = state.lock;
    this.campaigns = state.campaigns;
    this.products = state.products;
  }

  private Map<String, SandboxProduct> productsOf(SandboxCampaign c) {
    if (c.advObjectType().equals("BANNER")) {
      throw ApiError.badRequest("campaign " + c.id() + " is a BANNER campaign and has no products");
    }
    return products.get(c.id());
  }

  MockResponse listProducts(Req r) {
    Long page = r.queryLong("page");
    Long pageSize = r.queryLong("pageSize");
    synchronized (stateLock) {
      SandboxCampaign c = state.campaignOr404(r);
      if (c.advObjectType().startsWith("REF_")) {
        // Live answer for REF_VK campaigns (corpus facts, index id 58953089408).
        throw ApiError.badRequest("Кампания с id " + c.id() + " не найдена");
      }
      List<SandboxProduct> all = new ArrayList<>(c.advObjectType().equals("BANNER") ? List.of()
          : products.get(c.id()).values());
      List<SandboxProduct> slice = all;
      if (page != null || pageSize != null) {
        long ps = Math.max(1, pageSize == null ? 100 : pageSize);
        long p = Math.max(1, page == null ? 1 : page);
        slice = Req.page(all, p, ps);
      }
      JsonArray arr = new JsonArray();
      for (SandboxProduct p : slice) {
        JsonObject o = new JsonObject();
        o.addProperty("sku", p.sku());
        o.addProperty("bid", p.bid());
        o.addProperty("title", p.title());
        arr.add(o);
      }
      return Http.ok("products", arr);
    }
  }

  MockResponse upsertProducts(Req r, boolean add) {
    JsonObject body = r.jsonBody();
    JsonArray bids = Req.array(body, "bids");
    if (bids == null || bids.isEmpty()) {
      throw ApiError.badRequest("bids is required: a non-empty array of {\"sku\":\"…\",\"bid\":\"…\"}");
    }
    if (bids.size() > 500) {
      throw ApiError.badRequest("too many products: at most 500 per request, got " + bids.size());
    }
    List<String[]> changes = new ArrayList<>();
    for (int i = 0; i < bids.size(); i++) {
      if (!bids.get(i).isJsonObject()) {
        throw ApiError.badRequest("bids[" + i + "]: expected an object");
      }
      JsonObject b = bids.get(i).getAsJsonObject();
      String sku = Req.str(b, "sku");
      if (sku == null) {
        throw ApiError.badRequest("bids[" + i + "].sku is required");
      }
      Req.checkId("bids[" + i + "].sku", sku);
      String bid = Req.str(b, "bid");
      if (bid != null) {
        Req.checkId("bids[" + i + "].bid", bid);
      }
      changes.add(new String[] {sku, bid});
    }
    synchronized (stateLock) {
      SandboxCampaign c = state.campaignOr404(r);
      Map<String, SandboxProduct> ps = productsOf(c);
      for (String[] ch : changes) {
        if (!add && !ps.containsKey(ch[0])) {
          throw ApiError.badRequest("sku " + ch[0] + " is not in campaign " + c.id()
              + ": add it with POST /api/client/campaign/" + c.id() + "/products");
        }
      }
      for (String[] ch : changes) {
        SandboxProduct p = ps.get(ch[0]);
        String bid = ch[1] != null ? ch[1] : p != null ? p.bid() : "5000000";
        ps.put(ch[0], p == null ? new SandboxProduct(ch[0], "Товар " + ch[0], bid) : p.withBid(bid));
      }
    }
    return Http.noBody();
  }

  MockResponse deleteProducts(Req r) {
    JsonObject body = r.jsonBody();
    List<String> skus = Req.requiredSkus(body, "sku");
    synchronized (stateLock) {
      Map<String, SandboxProduct> ps = productsOf(state.campaignOr404(r));
      skus.forEach(ps::remove);
    }
    return Http.noBody();
  }

  MockResponse competitiveBids(Req r) {
    r.rejectBracketParams();
    List<String> skus = r.idsQuery("skus");
    synchronized (stateLock) {
      SandboxCampaign c = state.campaignOr404(r);
      Map<String, SandboxProduct> ps = productsOf(c);
      JsonArray arr = new JsonArray();
      for (SandboxProduct p : ps.values()) {
        if (skus.isEmpty() || skus.contains(p.sku())) {
          JsonObject o = new JsonObject();
          o.addProperty("sku", p.sku());
          o.addProperty("bid", new java.math.BigInteger(p.bid()).multiply(java.math.BigInteger.valueOf(6))
              .divide(java.math.BigInteger.valueOf(5)).toString());
          arr.add(o);
        }
      }
      JsonObject o = new JsonObject();
      o.addProperty("campaignId", c.id());
      o.add("bids", arr);
      return Http.ok(o);
    }
  }

}
