package io.github.ozonperf.mcp.tools;

import static io.github.ozonperf.mcp.tools.Schemas.anyObject;
import static io.github.ozonperf.mcp.tools.Schemas.array;
import static io.github.ozonperf.mcp.tools.Schemas.bool;
import static io.github.ozonperf.mcp.tools.Schemas.date;
import static io.github.ozonperf.mcp.tools.Schemas.idInput;

import static io.github.ozonperf.mcp.tools.Schemas.map;
import static io.github.ozonperf.mcp.tools.Schemas.obj;
import static io.github.ozonperf.mcp.tools.Schemas.str;

import io.github.ozonperf.client.OzonJson;
import io.github.ozonperf.client.model.Campaign;
import io.github.ozonperf.client.model.CampaignDetails;
import io.github.ozonperf.client.model.CampaignList;
import io.github.ozonperf.client.model.CampaignProduct;
import io.github.ozonperf.client.model.CampaignProductList;
import io.github.ozonperf.client.model.PatchCampaignRequest;
import io.github.ozonperf.client.model.ProductBid;
import io.github.ozonperf.client.model.UpdateProductBidsRequest;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Write tools (registered only with OZON_MCP_ENABLE_WRITES=true): activate_campaign, deactivate_campaign,
 * update_campaign, set_product_bids. All default to dryRun=true: nothing is sent, the answer shows exactly the
 * request that would be sent and the current state it would change. The body shown is the generated request object
 * that a real call sends, written by the same binding the client sends it with ({@link Values#plainObject}).
 */
final class WriteTools {
  static final BigDecimal MAX_BUDGET_ROUBLES = new BigDecimal("100000000");
  static final BigDecimal MAX_BID_ROUBLES = new BigDecimal("100000");
  static final int MAX_BIDS = 500;

  private final ToolContext ctx;

  WriteTools(ToolContext ctx) {
    this.ctx = ctx;
  }

  List<ToolDef> tools() {
    return List.of(stateChange(true).in("campaigns", "GET /api/client/campaign"),
        stateChange(false).in("campaigns", "GET /api/client/campaign"),
        updateCampaign().in("campaigns", "GET /api/client/campaign"),
        setProductBids().in("products", "GET /api/client/campaign/{campaignId}/v2/products"));
  }

  private static Map<String, Object> dryRunInput() {
    return bool("true (default): send nothing, show the exact request and the current state. false: apply.", true);
  }

  private static Map<String, Object> writeOutput() {
    return obj()
        .req("dryRun", bool("Whether this was only a preview", null))
        .req("request", obj()
            .req("method", str("HTTP method"))
            .req("path", str("Path on the Ozon API"))
            .prop("body", anyObject("JSON body exactly as sent (money in micro-roubles)"))
            .build())
        .prop("current", anyObject("The current state the request would change"))
        .prop("conversions", array(anyObject("roubles -> micro-roubles"), "Money conversions applied"))
        .prop("result", anyObject("Ozon's answer (when applied)"))
        .req("note", str("What happened / what to do next"))
        .build();
  }

  private static final List<String> CURRENT_FIELDS = List.of("id", "title", "state", "advObjectType", "fromDate",
      "toDate", "budget", "dailyBudget", "weeklyBudget");

  private Map<String, Object> currentCampaign(String id) {
    CampaignList page = ctx.client().campaigns().listCampaigns(List.of(id), null, null, null, null);
    for (Campaign c : page == null || page.getList() == null ? List.<Campaign>of() : page.getList()) {
      if (id.equals(c.getId())) {
        return CampaignTools.compactCampaign(CampaignTools.campaignFields(c, CURRENT_FIELDS), CURRENT_FIELDS);
      }
    }
    throw new ToolError(ToolError.Type.NOT_FOUND, "campaign " + id + " was not found in this account; list_campaigns"
        + " shows valid ids", false, null, "GET /api/client/campaign", null);
  }

  private static Map<String, Object> request(String method, String path, Object body) {
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("method", method);
    r.put("path", path);
    if (body != null) {
      r.put("body", body);
    }
    return r;
  }

  private static String json(Object o) {
    return OzonJson.gson().toJson(o);
  }

  // ------------------------------------------------------------------ activate / deactivate
  private ToolDef stateChange(boolean activate) {
    String verb = activate ? "activate" : "deactivate";
    Schemas.Obj in = obj().req("campaignId", idInput("Campaign id")).prop("dryRun", dryRunInput());
    return ToolDef.named(verb + "_campaign")
        .title((activate ? "Activate" : "Deactivate") + " a campaign")
        .description((activate ? "Starts (activates) a campaign so its ads can show and spend budget."
            : "Stops (deactivates) a campaign so its ads stop showing.")
            + " dryRun defaults to true: the answer then shows the exact request and the campaign's current state,"
            + " and nothing changes. Call again with dryRun=false to apply.")
        .input(in)
        .output(writeOutput())
        .write()
        .destructive(!activate)
        .idempotent()
        .operation("POST /api/client/campaign/{campaignId}/" + verb)
        .handler((a, call) -> {
          String id = a.id("campaignId");
          boolean dryRun = a.bool("dryRun", true);
          String path = "/api/client/campaign/" + id + "/" + verb;
          Map<String, Object> current = currentCampaign(id);
          Map<String, Object> o = new LinkedHashMap<>();
          o.put("dryRun", dryRun);
          o.put("request", request("POST", path, Map.of()));
          o.put("current", current);
          if (dryRun) {
            o.put("note", "Nothing was sent. Campaign " + id + " is " + CampaignTools.shortState(current.get("state"))
                + "; call " + verb + "_campaign again with dryRun=false to " + verb + " it.");
          } else {
            CampaignDetails resp = activate ? ctx.client().campaigns().activateCampaign(id, null)
                : ctx.client().campaigns().deactivateCampaign(id, null);
            Map<String, Object> after = new LinkedHashMap<>();
            after.put("id", resp == null || resp.getId() == null ? id : resp.getId());
            if (resp != null && resp.getTitle() != null) {
              after.put("title", resp.getTitle());
            }
            if (resp != null && resp.getState() != null) {
              after.put("state", resp.getState().toString());
            }
            o.put("result", after);
            o.put("note", "Sent. Campaign " + id + " state: " + CampaignTools.shortState(current.get("state")) + " -> "
                + CampaignTools.shortState(after.getOrDefault("state", "?")) + ".");
          }
          return new ToolDef.Outcome(o, (dryRun ? "[dry run] " : "") + "POST " + path + "\n" + o.get("note"));
        })
        .build();
  }

  // ------------------------------------------------------------------ update_campaign
  private ToolDef updateCampaign() {
    Schemas.Obj in = obj()
        .req("campaignId", idInput("Product (CPC) campaign id"))
        .prop("dailyBudgetRoubles", money("New daily budget in roubles (e.g. 500 or 499.90); 0 removes it"))
        .prop("weeklyBudgetRoubles", money("New weekly budget in roubles"))
        .prop("budgetRoubles", money("New total budget in roubles"))
        .prop("fromDate", date("New first day"))
        .prop("toDate", date("New last day"))
        .prop("dryRun", dryRunInput())
        .atLeastOne(List.of("dailyBudgetRoubles", "weeklyBudgetRoubles", "budgetRoubles", "fromDate", "toDate"));
    return ToolDef.named("update_campaign")
        .title("Change budgets or dates of a campaign")
        .description("Changes the budgets (in roubles; sent to Ozon as micro-roubles, 1 rouble = 1,000,000,"
            + " the conversion is"
            + " shown) and/or the dates (YYYY-MM-DD) of a product campaign. Give at least one change. dryRun"
            + " defaults to true: the answer shows the exact PATCH body, the conversions and the current values,"
            + " and nothing changes. Call again with dryRun=false to apply.")
        .input(in)
        .output(writeOutput())
        .write()
        .destructive()
        .idempotent()
        .operation("PATCH /api/client/campaign/{campaignId}")
        .handler((a, call) -> {
          String id = a.id("campaignId");
          boolean dryRun = a.bool("dryRun", true);
          PatchCampaignRequest req = new PatchCampaignRequest();
          List<Map<String, Object>> conversions = new ArrayList<>();
          if (a.has("dailyBudgetRoubles")) {
            req.setDailyBudget(micros(a, "dailyBudgetRoubles", "dailyBudget", conversions));
          }
          if (a.has("weeklyBudgetRoubles")) {
            req.setWeeklyBudget(micros(a, "weeklyBudgetRoubles", "weeklyBudget", conversions));
          }
          if (a.has("budgetRoubles")) {
            req.setBudget(micros(a, "budgetRoubles", "budget", conversions));
          }
          LocalDate from = a.optionalDate("fromDate");
          LocalDate to = a.optionalDate("toDate");
          if (from != null && to != null && to.isBefore(from)) {
            throw ToolError.validation("toDate (" + to + ") is before fromDate (" + from + "); swap them");
          }
          req.setFromDate(from);
          req.setToDate(to);
          Map<String, Object> body = Values.plainObject(req); // exactly what patchCampaign(id, req) sends
          if (body.isEmpty()) {
            throw ToolError.validation("nothing to change: give at least one of dailyBudgetRoubles,"
                + " weeklyBudgetRoubles, budgetRoubles, fromDate, toDate");
          }
          String path = "/api/client/campaign/" + id;
          Map<String, Object> current = currentCampaign(id);
          for (Map<String, Object> c : conversions) {
            Object cur = current.get(c.get("field"));
            if (cur != null) {
              c.put("currentMicroRoubles", Values.str(cur));
              c.put("currentRoubles", Values.microsToRoubles(cur));
            }
          }
          Map<String, Object> o = new LinkedHashMap<>();
          o.put("dryRun", dryRun);
          o.put("request", request("PATCH", path, body));
          o.put("current", current);
          o.put("conversions", conversions);
          if (dryRun) {
            o.put("note", "Nothing was sent. Call update_campaign again with the same arguments and dryRun=false to"
                + " apply.");
          } else {
            o.put("result", Values.plainObject(ctx.client().campaigns().patchCampaign(id, req)));
            o.put("note", "Sent. Campaign " + id + " was updated; list_campaigns shows the new values.");
          }
          return new ToolDef.Outcome(o, (dryRun ? "[dry run] " : "") + "PATCH " + path + " " + json(req) + "\n"
              + renderConversions(conversions) + o.get("note"));
        })
        .build();
  }

  /** Reads a roubles argument, records its conversion, and returns the micro-roubles Ozon takes. */
  private static String micros(Args a, String argument, String field, List<Map<String, Object>> conversions) {
    BigDecimal r = a.roubles(argument, MAX_BUDGET_ROUBLES);
    String micros = Values.roublesToMicros(r);
    conversions.add(conversion(field, r, micros));
    return micros;
  }

  private static Map<String, Object> money(String description) {
    return Schemas.roubles(description + "; at most " + MAX_BUDGET_ROUBLES.toPlainString(), MAX_BUDGET_ROUBLES);
  }

  private static Map<String, Object> conversion(String field, BigDecimal roubles, String micros) {
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("field", field);
    c.put("roubles", roubles.setScale(2).toPlainString());
    c.put("microRoubles", micros);
    return c;
  }

  private static String renderConversions(List<Map<String, Object>> conversions) {
    StringBuilder sb = new StringBuilder();
    for (Map<String, Object> c : conversions) {
      sb.append(c.get("field")).append(": ").append(c.get("roubles")).append(" RUB = ").append(c.get("microRoubles"))
          .append(" micro-roubles");
      if (c.get("currentRoubles") != null) {
        sb.append(" (now ").append(c.get("currentRoubles")).append(" RUB)");
      }
      sb.append('\n');
    }
    return sb.toString();
  }

  // ------------------------------------------------------------------ set_product_bids
  private ToolDef setProductBids() {
    Map<String, Object> bid = obj()
        .req("sku", idInput("SKU"))
        .req("bidRoubles", Schemas.roubles("New bid in roubles (e.g. 12.50); at most "
            + MAX_BID_ROUBLES.toPlainString(), MAX_BID_ROUBLES))
        .build();
    Schemas.Obj in = obj()
        .req("campaignId", idInput("Pay-per-click (CPC) product campaign id"))
        .req("bids", Schemas.map("type", "array", "items", bid, "minItems", 1, "maxItems", MAX_BIDS, "description",
            "New bids, at most 500"))
        .prop("dryRun", dryRunInput());
    return ToolDef.named("set_product_bids")
        .title("Set product bids in a campaign")
        .description("Sets bids of products (SKUs) in a pay-per-click campaign. Bids are given in roubles and sent as"
            + " micro-roubles (1 rouble = 1,000,000; the conversion is shown). At most 500 bids per call. dryRun"
            + " defaults to true: the answer shows the exact PUT body and each product's current bid, and nothing"
            + " changes. Call again with dryRun=false to apply.")
        .input(in)
        .output(writeOutput())
        .write()
        .destructive()
        .idempotent()
        .operation("PUT /api/client/campaign/{campaignId}/products")
        .handler((a, call) -> {
          String id = a.id("campaignId");
          boolean dryRun = a.bool("dryRun", true);
          List<Map<String, Object>> input = a.objectList("bids", MAX_BIDS);
          UpdateProductBidsRequest req = new UpdateProductBidsRequest();
          List<Map<String, Object>> conversions = new ArrayList<>();
          for (int i = 0; i < input.size(); i++) {
            Map<String, Object> b = input.get(i);
            String sku = Args.nestedId("bids[" + i + "].sku", b.get("sku"));
            if (b.get("bidRoubles") == null) {
              throw ToolError.validation("bids[" + i + "].bidRoubles is required (the new bid in roubles)");
            }
            BigDecimal r = Args.roublesValue("bids[" + i + "].bidRoubles", b.get("bidRoubles"), MAX_BID_ROUBLES);
            String micros = Values.roublesToMicros(r);
            req.addBidsItem(new ProductBid().sku(sku).bid(micros));
            Map<String, Object> c = conversion("bid", r, micros);
            c.put("sku", sku);
            conversions.add(c);
          }
          Map<String, Object> body = Values.plainObject(req); // exactly what updateProductBids(id, req) sends
          int bids = req.getBids().size();
          String path = "/api/client/campaign/" + id + "/products";
          Map<String, CampaignProduct> bySku = new LinkedHashMap<>();
          CampaignProductList page = ctx.client().products().listCampaignProducts(id, 1L, 1000L);
          for (CampaignProduct p : page == null || page.getProducts() == null ? List.<CampaignProduct>of()
              : page.getProducts()) {
            bySku.put(p.getSku(), p);
          }
          List<Map<String, Object>> current = new ArrayList<>();
          for (Map<String, Object> c : conversions) {
            CampaignProduct p = bySku.get(c.get("sku"));
            Map<String, Object> cur = new LinkedHashMap<>();
            cur.put("sku", c.get("sku"));
            cur.put("inCampaign", p != null);
            if (p != null && p.getBid() != null) {
              cur.put("bid", p.getBid());
              cur.put("bidRoubles", Values.microsToRoubles(p.getBid()));
              c.put("currentRoubles", Values.microsToRoubles(p.getBid()));
            }
            current.add(cur);
          }
          Map<String, Object> o = new LinkedHashMap<>();
          o.put("dryRun", dryRun);
          o.put("request", request("PUT", path, body));
          o.put("current", Map.of("campaignId", id, "products", current));
          o.put("conversions", conversions);
          long missing = current.stream().filter(c -> Boolean.FALSE.equals(c.get("inCampaign"))).count();
          String warn = missing == 0 ? "" : " " + missing + " SKU(s) are not among the campaign's first 1000 products.";
          if (dryRun) {
            o.put("note", "Nothing was sent." + warn + " Call set_product_bids again with dryRun=false to apply.");
          } else {
            ctx.client().products().updateProductBids(id, req);
            o.put("result", Map.of("updated", bids));
            o.put("note", "Sent. " + bids + " bid(s) updated." + warn);
          }
          StringBuilder t = new StringBuilder((dryRun ? "[dry run] " : "") + "PUT " + path + " (" + bids
              + " bids)\n");
          for (Map<String, Object> c : conversions) {
            t.append("sku ").append(c.get("sku")).append(": ").append(c.get("roubles")).append(" RUB = ")
                .append(c.get("microRoubles")).append(" micro-roubles");
            if (c.get("currentRoubles") != null) {
              t.append(" (now ").append(c.get("currentRoubles")).append(" RUB)");
            }
            t.append('\n');
          }
          return new ToolDef.Outcome(o, t.append(o.get("note")).toString());
        })
        .build();
  }

}
