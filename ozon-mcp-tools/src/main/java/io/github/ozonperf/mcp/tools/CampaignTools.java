package io.github.ozonperf.mcp.tools;

import static io.github.ozonperf.mcp.tools.Schemas.array;
import static io.github.ozonperf.mcp.tools.Schemas.anyObject;
import static io.github.ozonperf.mcp.tools.Schemas.enumStr;
import static io.github.ozonperf.mcp.tools.Schemas.idInput;
import static io.github.ozonperf.mcp.tools.Schemas.idOutput;
import static io.github.ozonperf.mcp.tools.Schemas.idsInput;
import static io.github.ozonperf.mcp.tools.Schemas.integer;
import static io.github.ozonperf.mcp.tools.Schemas.obj;
import static io.github.ozonperf.mcp.tools.Schemas.str;

import static java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME;

import io.github.ozonperf.client.CampaignFilter;
import io.github.ozonperf.client.model.BidLimits;
import io.github.ozonperf.client.model.BidLimitsList;
import io.github.ozonperf.client.model.Campaign;
import io.github.ozonperf.client.model.CampaignList;
import io.github.ozonperf.client.model.CampaignObject;
import io.github.ozonperf.client.model.CampaignObjectList;
import io.github.ozonperf.client.model.CampaignProduct;
import io.github.ozonperf.client.model.CampaignProductList;
import io.github.ozonperf.client.model.CampaignState;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Campaign tools: list_campaigns, get_campaign_objects, list_campaign_products, get_bid_limits. */
final class CampaignTools {
  /** The campaign states, from the generated enum (the spec): one list for the schema and the check. */
  static final List<String> STATES = io.github.ozonperf.client.model.CampaignState.values().stream()
      .map(io.github.ozonperf.client.model.CampaignState::getValue).toList();
  static final List<String> CAMPAIGN_FIELDS = List.of("id", "title", "state", "advObjectType", "paymentType",
      "fromDate", "toDate", "budget", "dailyBudget", "weeklyBudget", "placement", "autostopStatus", "isAutocreated",
      "productAutopilotStrategy", "autopilot", "createdAt", "updatedAt", "productCampaignMode", "expenseStrategy",
      "budgetType", "startWeekDay", "endWeekDay", "autoIncrease", "productAdvPlacements");
  /** Live accounts budget by the week (dailyBudget "0" is normal there), so both budgets are shown. */
  static final List<String> DEFAULT_FIELDS = List.of("id", "title", "state", "advObjectType", "paymentType",
      "dailyBudget", "weeklyBudget");
  static final List<String> MONEY_FIELDS = List.of("budget", "dailyBudget", "weeklyBudget");
  static final int MAX_LIMIT = 500;

  private final ToolContext ctx;

  CampaignTools(ToolContext ctx) {
    this.ctx = ctx;
  }

  List<ToolDef> tools() {
    return List.of(listCampaigns().in("campaigns"), campaignObjects().in("campaigns"), campaignProducts().in("products"),
        bidLimits().in("campaigns"));
  }

  // ------------------------------------------------------------------ list_campaigns
  private ToolDef listCampaigns() {
    List<String> fieldChoices = new ArrayList<>(CAMPAIGN_FIELDS);
    fieldChoices.add("all");
    Schemas.Obj in = obj()
        .prop("state", enumStr("Only campaigns in this state, e.g. CAMPAIGN_STATE_RUNNING.", STATES))
        .prop("advObjectType", str("Only campaigns advertising this object type, e.g. SKU, BANNER, SEARCH_PROMO.",
            "^[A-Z][A-Z0-9_]{0,63}$", 64))
        .prop("campaignIds", idsInput("Only these campaigns (at most 100 ids; strings or integers).", 100))
        .prop("page", integer("Fetch only this page of Ozon's list (starting at 1) instead of all pages.", 1, 100000))
        .prop("pageSize", integer("Campaigns per Ozon page when page is given (default Ozon's, 100).", 1, 1000))
        .prop("fields", Schemas.enumList(fieldChoices, "Fields per campaign; default " + DEFAULT_FIELDS
            + "; \"all\" returns every field."))
        .prop("limit", integer("At most this many campaigns in this answer (default 50).", 1, MAX_LIMIT, 50))
        .prop("cursor", cursorInput())
        .dependent("pageSize", "page");
    Map<String, Object> campaign = obj().open()
        .req("id", idOutput("Campaign id (string)"))
        .prop("title", str("Campaign title"))
        .prop("state", str("Campaign state"))
        .prop("dailyBudget", str("Daily budget in micro-roubles (millionths of a rouble), as Ozon sends it"))
        .prop("dailyBudgetRoubles", str("dailyBudget converted to roubles (2 decimals)"))
        .build();
    Map<String, Object> out = obj()
        .req("campaigns", array(campaign, "The campaigns in this window"))
        .req("returned", integer("Campaigns in this answer", 0, Integer.MAX_VALUE))
        .req("total", integer("Campaigns matching the filter", 0, Integer.MAX_VALUE))
        .prop("nextCursor", str("Pass as cursor to get the next window; absent when complete"))
        .prop("note", str("Truncation note"))
        .build();
    return ToolDef.named("list_campaigns")
        .title("List advertising campaigns")
        .description("Lists the account's advertising campaigns (all pages unless page is given), optionally"
            + " filtered by state, advertised object type or ids, with a compact field set per campaign (more with"
            + " fields). Ids are strings. Money fields are Ozon's micro-roubles (1 rouble = 1,000,000) with a"
            + " <field>Roubles twin. At most limit campaigns per answer; when more match, the answer has nextCursor"
            + " and a note saying how many were left out.")
        .input(in)
        .output(out)
        .readOnly()
        .idempotent()
        .operation("GET /api/client/campaign")
        .handler(this::handleList)
        .build();
  }

  private ToolDef.Outcome handleList(Args a, ToolCall call) {
    String state = a.enumValue("state", STATES, null);
    String advObjectType = a.optionalString("advObjectType", 64);
    List<String> ids = a.optionalIds("campaignIds", 100);
    Integer page = a.has("page") ? a.integer("page", 1, 100000, 1) : null;
    Integer pageSize = a.has("pageSize") ? a.integer("pageSize", 1, 1000, 100) : null;
    List<String> fields = a.has("fields") ? a.stringList("fields", withAll(CAMPAIGN_FIELDS)) : DEFAULT_FIELDS;
    if (fields.contains("all")) {
      fields = CAMPAIGN_FIELDS;
    }
    int limit = a.integer("limit", 1, MAX_LIMIT, 50);
    int offset = Values.cursorOffset(a);

    List<Campaign> all;
    CampaignState st = state == null ? null : CampaignState.fromValue(state);
    if (page != null) {
      CampaignList list = ctx.client().campaigns().listCampaigns(ids.isEmpty() ? null : ids, advObjectType, st,
          page.longValue(), pageSize == null ? null : pageSize.longValue());
      all = list.getList() == null ? List.of() : list.getList();
    } else {
      CampaignFilter.Builder f = CampaignFilter.builder();
      if (!ids.isEmpty()) {
        f.campaignIds(ids);
      }
      if (advObjectType != null) {
        f.advObjectType(advObjectType);
      }
      if (st != null) {
        f.state(st);
      }
      all = ctx.client().listAllCampaigns(f.build());
    }
    Values.Window<Campaign> w = Values.window(all, offset, limit);
    List<Map<String, Object>> rows = new ArrayList<>();
    for (Campaign c : w.items()) {
      rows.add(compactCampaign(campaignFields(c, fields), fields));
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("campaigns", rows);
    out.put("returned", rows.size());
    out.put("total", w.total());
    String note = w.note("campaigns", limit);
    if (w.nextCursor() != null) {
      out.put("nextCursor", w.nextCursor());
      out.put("note", note);
    }
    StringBuilder text = new StringBuilder();
    text.append(rows.size()).append(" of ").append(w.total()).append(" campaigns");
    text.append(rows.isEmpty() ? "." : ":").append('\n');
    for (Map<String, Object> c : rows) {
      text.append(Values.str(c.get("id"))).append("  ").append(shortState(c.get("state")));
      if (c.get("advObjectType") != null) {
        text.append("  ").append(c.get("advObjectType"));
      }
      if (c.get("dailyBudgetRoubles") != null) {
        text.append("  daily ").append(c.get("dailyBudgetRoubles")).append(" RUB");
      }
      text.append("  ").append(Values.str(c.get("title"))).append('\n');
    }
    if (note != null) {
      text.append(note).append('\n');
    }
    return new ToolDef.Outcome(out, text.toString().stripTrailing());
  }

  /**
   * Only the asked-for fields of a campaign, as plain JSON values, read straight from the model: converting whole
   * models through a JSON tree (and formatting two timestamps per campaign nobody asked for) was a fifth of the
   * CPU of a list_campaigns call.
   */
  static Map<String, Object> campaignFields(Campaign c, List<String> fields) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (String f : fields) {
      Object v = switch (f) {
        case "id" -> c.getId();
        case "title" -> c.getTitle();
        case "state" -> c.getState();
        case "advObjectType" -> c.getAdvObjectType();
        case "paymentType" -> c.getPaymentType();
        case "fromDate" -> c.getFromDate();
        case "toDate" -> c.getToDate();
        case "budget" -> c.getBudget();
        case "dailyBudget" -> c.getDailyBudget();
        case "weeklyBudget" -> c.getWeeklyBudget();
        case "placement" -> Values.plain(c.getPlacement());
        case "autostopStatus" -> c.getAutostopStatus();
        case "isAutocreated" -> c.getIsAutocreated();
        case "productAutopilotStrategy" -> c.getProductAutopilotStrategy();
        case "autopilot" -> Values.plain(c.getAutopilot());
        case "createdAt" -> c.getCreatedAt() == null ? null : ISO_OFFSET_DATE_TIME.format(c.getCreatedAt());
        case "updatedAt" -> c.getUpdatedAt() == null ? null : ISO_OFFSET_DATE_TIME.format(c.getUpdatedAt());
        case "productCampaignMode" -> c.getProductCampaignMode();
        case "expenseStrategy" -> c.getExpenseStrategy();
        case "budgetType" -> c.getBudgetType();
        case "startWeekDay" -> c.getStartWeekDay();
        case "endWeekDay" -> c.getEndWeekDay();
        case "autoIncrease" -> Values.plain(c.getAutoIncrease());
        case "productAdvPlacements" -> Values.plain(c.getProductAdvPlacements());
        default -> throw new IllegalArgumentException("not a campaign field: " + f);
      };
      if (v != null) {
        // open enums print their wire value, unknown ones included
        m.put(f, v instanceof String || v instanceof Boolean || v instanceof Map<?, ?> || v instanceof List<?>
            ? v : v.toString());
      }
    }
    return m;
  }

  static Map<String, Object> compactCampaign(Map<String, Object> c, List<String> fields) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (String f : fields) {
      Object v = c.get(f);
      if (v == null) {
        continue;
      }
      m.put(f, v);
      if (MONEY_FIELDS.contains(f)) {
        String r = Values.microsToRoubles(v);
        if (r != null) {
          m.put(f + "Roubles", r);
        }
      }
    }
    if (!m.containsKey("id")) {
      Map<String, Object> withId = new LinkedHashMap<>();
      withId.put("id", Values.str(c.get("id")));
      withId.putAll(m);
      return withId;
    }
    return m;
  }

  private static String plainNumber(Double d) {
    return d == null ? "" : java.math.BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
  }

  /** The opaque cursor of a windowed list: nextCursor of the previous answer (an offset). */
  static Map<String, Object> cursorInput() {
    return str("nextCursor from a previous answer to continue the list.", Schemas.CURSOR_PATTERN, 9);
  }

  static String shortState(Object state) {
    String s = Values.str(state);
    return s.startsWith("CAMPAIGN_STATE_") ? s.substring("CAMPAIGN_STATE_".length()) : s;
  }

  private static List<String> withAll(List<String> fields) {
    List<String> l = new ArrayList<>(fields);
    l.add("all");
    return l;
  }

  // ------------------------------------------------------------------ get_campaign_objects
  private ToolDef campaignObjects() {
    Schemas.Obj in = obj()
        .req("campaignId", idInput("Campaign id"))
        .prop("limit", integer("At most this many objects in this answer (default 200).", 1, 1000, 200))
        .prop("cursor", cursorInput());
    Map<String, Object> out = obj()
        .req("campaignId", idOutput("Campaign id"))
        .req("objects", array(obj().open().req("id", idOutput("Object id, e.g. a SKU")).build(),
            "Advertised objects"))
        .req("returned", integer("Objects in this answer", 0, Integer.MAX_VALUE))
        .req("total", integer("Objects of the campaign", 0, Integer.MAX_VALUE))
        .prop("nextCursor", str("Pass as cursor for the next window"))
        .prop("note", str("Truncation note"))
        .build();
    return ToolDef.named("get_campaign_objects")
        .title("Advertised objects of a campaign")
        .description("Lists the advertised objects (for product campaigns: SKUs) of one campaign. Ids are"
            + " strings. At most limit"
            + " (default 200) per answer, with nextCursor when more exist.")
        .input(in)
        .output(out)
        .readOnly()
        .idempotent()
        .operation("GET /api/client/campaign/{campaignId}/objects")
        .handler((a, call) -> {
          String id = a.id("campaignId");
          int limit = a.integer("limit", 1, 1000, 200);
          int offset = Values.cursorOffset(a);
          List<Map<String, Object>> all = new ArrayList<>();
          CampaignObjectList objects = ctx.client().campaigns().listCampaignObjects(id);
          for (CampaignObject o : objects == null || objects.getList() == null ? List.<CampaignObject>of()
              : objects.getList()) {
            Map<String, Object> m = Values.plainObject(o); // Ozon's fields as sent, the id as a string
            m.put("id", Values.str(o.getId()));
            all.add(m);
          }
          Values.Window<Map<String, Object>> w = Values.window(all, offset, limit);
          Map<String, Object> out2 = new LinkedHashMap<>();
          out2.put("campaignId", id);
          out2.put("objects", w.items());
          out2.put("returned", w.items().size());
          out2.put("total", w.total());
          String note = w.note("objects", limit);
          if (note != null) {
            out2.put("nextCursor", w.nextCursor());
            out2.put("note", note);
          }
          StringBuilder t = new StringBuilder("Campaign " + id + ": " + w.total() + " objects");
          if (!w.items().isEmpty()) {
            t.append(": ");
            t.append(String.join(", ", w.items().stream().map(o -> Values.str(o.get("id"))).toList()));
          }
          if (note != null) {
            t.append('\n').append(note);
          }
          return new ToolDef.Outcome(out2, t.toString());
        })
        .build();
  }

  // ------------------------------------------------------------------ list_campaign_products
  private ToolDef campaignProducts() {
    Schemas.Obj in = obj()
        .req("campaignId", idInput("Pay-per-click (CPC) product campaign id"))
        .prop("page", integer("Page number, starting at 1 (default 1).", 1, 100000, 1))
        .prop("pageSize", integer("Products per page (default 100).", 1, 1000, 100));
    Map<String, Object> product = obj().open()
        .req("sku", idOutput("SKU (string)"))
        .prop("title", str("Product title"))
        .prop("bid", str("Bid in micro-roubles, as Ozon sends it"))
        .prop("bidRoubles", str("bid converted to roubles (2 decimals)"))
        .build();
    Map<String, Object> out = obj()
        .req("campaignId", idOutput("Campaign id"))
        .req("page", integer("Page returned", 1, Integer.MAX_VALUE))
        .req("pageSize", integer("Page size asked for", 1, Integer.MAX_VALUE))
        .req("products", array(product, "Products on this page"))
        .req("returned", integer("Products on this page", 0, Integer.MAX_VALUE))
        .prop("note", str("Paging hint"))
        .build();
    return ToolDef.named("list_campaign_products")
        .title("Products and bids of a campaign")
        .description("Lists one page of the products (SKUs) in a pay-per-click campaign with their bids. Bids"
            + " are Ozon's raw"
            + " micro-roubles (1 rouble = 1,000,000) with a bidRoubles twin. A full page means there may be more:"
            + " ask for page+1.")
        .input(in)
        .output(out)
        .readOnly()
        .idempotent()
        .operation("GET /api/client/campaign/{campaignId}/v2/products")
        .handler((a, call) -> {
          String id = a.id("campaignId");
          int page = a.integer("page", 1, 100000, 1);
          int pageSize = a.integer("pageSize", 1, 1000, 100);
          CampaignProductList resp = ctx.client().products().listCampaignProducts(id, (long) page,
              (long) pageSize);
          List<Map<String, Object>> rows = new ArrayList<>();
          for (CampaignProduct p : resp == null || resp.getProducts() == null ? List.<CampaignProduct>of()
              : resp.getProducts()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("sku", Values.str(p.getSku()));
            Values.plainObject(p).forEach((k, v) -> { // Ozon's other fields as sent
              if (!k.equals("sku")) {
                m.put(k, v);
              }
            });
            String r = Values.microsToRoubles(p.getBid());
            if (r != null) {
              m.put("bidRoubles", r);
            }
            rows.add(m);
          }
          Map<String, Object> out2 = new LinkedHashMap<>();
          out2.put("campaignId", id);
          out2.put("page", page);
          out2.put("pageSize", pageSize);
          out2.put("products", rows);
          out2.put("returned", rows.size());
          if (rows.size() == pageSize) {
            out2.put("note", "This page is full; call again with page " + (page + 1) + " for more.");
          }
          StringBuilder t = new StringBuilder("Campaign " + id + ", page " + page + ": " + rows.size() + " products");
          for (Map<String, Object> p : rows) {
            t.append('\n').append(p.get("sku"));
            if (p.get("bidRoubles") != null) {
              t.append("  bid ").append(p.get("bidRoubles")).append(" RUB");
            }
            if (p.get("title") != null) {
              t.append("  ").append(p.get("title"));
            }
          }
          if (out2.containsKey("note")) {
            t.append('\n').append(out2.get("note"));
          }
          return new ToolDef.Outcome(out2, t.toString());
        })
        .build();
  }

  // ------------------------------------------------------------------ get_bid_limits
  private ToolDef bidLimits() {
    Map<String, Object> limit = obj().open()
        .prop("objectType", str("SKU or SEARCH_PROMO"))
        .prop("paymentMethod", str("CPO, CPC or CPM"))
        .prop("placement", str("Placement"))
        .prop("minBid", Schemas.number("Minimum bid (unit as Ozon reports it)"))
        .prop("maxBid", Schemas.number("Maximum bid (unit as Ozon reports it)"))
        .prop("categories", array(anyObject("Per-category limits"), "Per-category limits"))
        .build();
    Map<String, Object> out = obj()
        .req("limits", array(limit, "Bid limits"))
        .req("returned", integer("Number of limit entries", 0, Integer.MAX_VALUE))
        .prop("note", str("Truncation note"))
        .build();
    return ToolDef.named("get_bid_limits")
        .title("Bid limits")
        .description("Returns Ozon's minimum and maximum bids by advertised object type, payment method (CPO,"
            + " CPC, CPM),"
            + " placement and category. Values are passed through as Ozon reports them. No arguments.")
        .input(obj())
        .output(out)
        .readOnly()
        .idempotent()
        .operation("GET /api/client/limits/list")
        .handler((a, call) -> {
          BidLimitsList list = ctx.client().campaigns().getBidLimits();
          List<BidLimits> typed = list == null || list.getLimits() == null ? List.of() : list.getLimits();
          List<Map<String, Object>> limits = new ArrayList<>();
          StringBuilder t = new StringBuilder(typed.size() + " bid limit entries");
          for (BidLimits l : typed) {
            limits.add(Values.plainObject(l)); // passed through as Ozon reports them
            t.append('\n').append(Values.str(l.getObjectType())).append(' ')
                .append(Values.str(l.getPaymentMethod())).append(' ').append(Values.str(l.getPlacement()))
                .append(": ").append(plainNumber(l.getMinBid())).append("..").append(plainNumber(l.getMaxBid()));
          }
          Map<String, Object> out2 = new LinkedHashMap<>();
          out2.put("limits", limits);
          out2.put("returned", limits.size());
          return new ToolDef.Outcome(out2, t.toString());
        })
        .build();
  }
}
