package io.github.ozonperf.sandbox.internal;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.github.ozonperf.sandbox.DailyMetrics;
import io.github.ozonperf.sandbox.SandboxCampaign;
import io.github.ozonperf.sandbox.SandboxData;
import io.github.ozonperf.sandbox.SandboxProduct;
import io.github.ozonperf.sandbox.SkuMetrics;
import io.github.ozonperf.sandbox.internal.Http.ApiError;
import io.github.ozonperf.sandbox.internal.Reports.Format;
import io.github.ozonperf.sandbox.internal.Reports.Report;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import mockwebserver3.MockResponse;

/** Statistics routes: asynchronous reports (submit, status, list, download) and synchronous statistics. */
final class StatisticsRoutes {
  private final SandboxState state;
  private final Object stateLock;
  private final Map<String, SandboxCampaign> campaigns;
  private final Map<String, Map<String, SandboxProduct>> products;
  private final SandboxData data;
  private final Reports reports;
  private static final Set<String> GROUP_BY = Set.of("NO_GROUP_BY", "DATE", "START_OF_WEEK", "START_OF_MONTH");

  StatisticsRoutes(SandboxState state) {
    this.state = state;
    this.stateLock = state.lock;
    this.campaigns = state.campaigns;
    this.products = state.products;
    this.data = state.data;
    this.reports = state.reports;
  }

  MockResponse submit(Req r, String kind, Format format) {
    JsonObject body = r.jsonBody();
    List<String> ids = Req.ids(body, "campaigns");
    if (ids == null || ids.isEmpty()) {
      throw ApiError.badRequest("empty campaigns: campaigns is required, e.g. {\"campaigns\":[\"123\"]}");
    }
    if (ids.size() > Reports.MAX_CAMPAIGNS) {
      throw ApiError.badRequest(Reports.TOO_MANY_CAMPAIGNS);
    }
    // One campaign of a type the report cannot export fails the whole request (corpus errors-json).
    for (String id : ids) {
      Optional<SandboxCampaign> c = state.currentCampaign(id);
      if (c.isPresent() && !SandboxData.reportable(c.get().advObjectType())) {
        throw ApiError.badRequest(Reports.FORBIDDEN);
      }
    }
    LocalDate[] range = Req.range(Req.str(body, "dateFrom"), Req.str(body, "dateTo"), Req.str(body, "from"),
        Req.str(body, "to"), true);
    String groupBy = Optional.ofNullable(Req.str(body, "groupBy")).orElse("NO_GROUP_BY");
    if (!GROUP_BY.contains(groupBy)) {
      throw ApiError.badRequest("invalid groupBy '" + groupBy + "': use NO_GROUP_BY, DATE, START_OF_WEEK or "
          + "START_OF_MONTH");
    }
    Report rep = reports.submit(kind, format, ids, range[0], range[1], groupBy, false, null);
    return StatisticsRoutes.requestId(rep.uuid(), false);
  }

  static MockResponse requestId(String uuid, boolean vendor) {
    JsonObject o = new JsonObject();
    o.addProperty("UUID", uuid);
    o.addProperty("vendor", vendor);
    return Http.ok(o);
  }

  /** {@code statistic/orders/generate} and {@code statistic/products/generate}: one file over all SEARCH_PROMO. */
  MockResponse submitSearchPromo(Req r, Format format) {
    JsonObject body = r.jsonBody();
    LocalDate[] range = Req.range(Req.str(body, "dateFrom"), Req.str(body, "dateTo"), Req.str(body, "from"),
        Req.str(body, "to"), true);
    Report rep = reports.submit("STATS", format, state.campaignIdsOfType("SEARCH_PROMO"), range[0], range[1],
        "NO_GROUP_BY", false, null);
    return StatisticsRoutes.requestId(rep.uuid(), false);
  }

  /** {@code statistics/all_sku_promo/{orders,products}/generate}: one file over the ALL_SKU_PROMO campaign. */
  MockResponse submitAllSkuPromo(Req r, Format format) {
    LocalDate[] range = Req.range(null, null, r.query("timeBounds.from"), r.query("timeBounds.to"), true);
    Report rep = reports.submit("STATS", format, state.campaignIdsOfType("ALL_SKU_PROMO"), range[0], range[1],
        "NO_GROUP_BY", false, null);
    JsonObject o = new JsonObject();
    o.addProperty("UUID", rep.uuid());
    return Http.ok(o);
  }

  MockResponse listReports(Req r, boolean vendor) {
    Long page = r.queryLong("page");
    Long pageSize = r.queryLong("pageSize");
    List<Report> all = reports.list(vendor);
    long ps = Math.max(1, pageSize == null ? 100 : pageSize);
    long p = Math.max(1, page == null ? 1 : page);
    JsonArray items = new JsonArray();
    for (Report rep : Req.page(all, p, ps)) {
      items.add(reports.listItem(rep));
    }
    JsonObject o = new JsonObject();
    o.add("items", items);
    o.addProperty("total", Integer.toString(all.size()));
    return Http.ok(o);
  }

  MockResponse downloadReport(Req r) {
    String uuid = r.query("UUID");
    if (uuid == null || uuid.isEmpty()) {
      throw ApiError.badRequest("UUID is required: GET /api/client/statistics/report?UUID=<uuid>");
    }
    Reports.Download d = reports.download(reports.get(uuid));
    return Http.bytes(d.contentType(), d.body(), d.fileName());
  }

  private record SyncQuery(List<String> ids, LocalDate from, LocalDate to) {}

  private SyncQuery syncQuery(Req r, String typeFilter) {
    r.rejectBracketParams();
    List<String> ids = r.idsQuery("campaignIds");
    LocalDate[] range = Req.range(r.query("dateFrom"), r.query("dateTo"), r.query("from"), r.query("to"), false);
    synchronized (stateLock) {
      if (ids.isEmpty()) {
        for (SandboxCampaign c : campaigns.values()) {
          if (typeFilter == null || c.advObjectType().equals(typeFilter)
              || typeFilter.startsWith("!") && !c.advObjectType().equals(typeFilter.substring(1))) {
            ids.add(c.id());
          }
        }
      } else {
        for (String id : ids) {
          if (!campaigns.containsKey(id)) {
            throw ApiError.notFound("campaign not found: " + id);
          }
        }
      }
    }
    return new SyncQuery(ids, range[0], range[1]);
  }


  MockResponse daily(Req r, boolean json) {
    SyncQuery q = syncQuery(r, null);
    JsonArray rows = new JsonArray();
    StringBuilder csv = new StringBuilder(
        "ID;Название;Дата;Показы;Клики;Расход, ₽;Средняя стоимость клика, ₽;Заказы;Продажи, ₽\n");
    for (String id : q.ids()) {
      String title = state.title(id);
      for (LocalDate d = q.from(); !d.isAfter(q.to()); d = d.plusDays(1)) {
        DailyMetrics m = data.metrics(id, d);
        if (json) {
          // Keys as in the corpus (daily-json): no avgBid.
          JsonObject o = new JsonObject();
          o.addProperty("id", id);
          o.addProperty("title", title);
          o.addProperty("date", d.toString());
          o.addProperty("views", Long.toString(m.views()));
          o.addProperty("clicks", Long.toString(m.clicks()));
          o.addProperty("moneySpent", Reports.comma(m.spend()));
          o.addProperty("orders", Long.toString(m.orders()));
          o.addProperty("ordersMoney", Reports.comma(m.ordersMoney()));
          rows.add(o);
        } else {
          csv.append(id).append(';').append(csvText(title)).append(';').append(d).append(';').append(m.views())
              .append(';').append(m.clicks()).append(';').append(Reports.comma(m.spend())).append(';')
              .append(Reports.comma(m.avgBid())).append(';').append(m.orders()).append(';')
              .append(Reports.comma(m.ordersMoney())).append('\n');
        }
      }
    }
    return json ? rowsJson(rows) : csv(csv);
  }

  MockResponse expense(Req r, boolean json) {
    SyncQuery q = syncQuery(r, null);
    JsonArray rows = new JsonArray();
    StringBuilder csv = new StringBuilder(
        "ID;Название;Дата;Расход, ₽;Расход бонусов, ₽;Расход с абонентского счета, ₽\n");
    for (String id : q.ids()) {
      String title = state.title(id);
      for (LocalDate d = q.from(); !d.isAfter(q.to()); d = d.plusDays(1)) {
        DailyMetrics m = data.metrics(id, d);
        if (json) {
          // Keys as in the corpus (expense-json); the sandbox pays everything with money (no bonuses/prepayment).
          JsonObject o = new JsonObject();
          o.addProperty("id", id);
          o.addProperty("date", d.toString());
          o.addProperty("title", title);
          o.addProperty("moneySpent", Reports.comma(m.spend()));
          o.addProperty("bonusSpent", "0,00");
          o.addProperty("prepaymentSpent", "0,00");
          rows.add(o);
        } else {
          csv.append(id).append(';').append(csvText(title)).append(';').append(d).append(';')
              .append(Reports.comma(m.spend())).append(";0,00;0,00\n");
        }
      }
    }
    return json ? rowsJson(rows) : csv(csv);
  }

  /**
   * {@code campaign/product} (every type but BANNER) and {@code campaign/media} (BANNER): one row per campaign over
   * the period, keys as in the corpus (campaign-product-json): {@code ctr} is a fraction (clicks / views), {@code drr}
   * a percent with one decimal, budgets in roubles, {@code status} the state in lower case without its prefix.
   */
  MockResponse campaignSummary(Req r, boolean json, boolean media) {
    SyncQuery q = syncQuery(r, media ? "BANNER" : "!BANNER");
    JsonArray rows = new JsonArray();
    StringBuilder csv = new StringBuilder(
        "ID;Название;Показы;Клики;CTR (%);Расход, ₽;Средняя стоимость клика, ₽;Заказы;Продажи, ₽\n");
    for (String id : q.ids()) {
      DailyMetrics m = data.total(id, q.from(), q.to());
      SandboxCampaign c = state.currentCampaign(id).orElseThrow();
      if (json) {
        long spend = ReportLayouts.kop(m.spend());
        long revenue = ReportLayouts.kop(m.ordersMoney());
        JsonObject o = new JsonObject();
        o.addProperty("id", id);
        o.addProperty("title", c.title());
        o.addProperty("objectType", c.advObjectType());
        o.addProperty("status", status(c.state()));
        boolean full = c.advObjectType().equals("SKU") || media;
        if (full) {
          if (!c.placement().isEmpty()) {
            o.addProperty("placement", c.placement().get(0).startsWith("PLACEMENT_TOP") ? "top-promotion"
                : "search-and-category");
          }
          o.addProperty("weeklyBudget", ReportLayouts.money(Long.parseLong(c.weeklyBudget()) / 10_000));
          o.addProperty("budget", ReportLayouts.money(Long.parseLong(c.budget()) / 10_000));
        }
        o.addProperty("moneySpent", ReportLayouts.money(spend));
        if (full) {
          o.addProperty("views", Long.toString(m.views()));
          o.addProperty("clicks", Long.toString(m.clicks()));
          o.addProperty("ctr", ReportLayouts.fixed(new StringBuilder(), m.views() == 0 ? 0
              : ReportLayouts.div(m.clicks() * 100, m.views()), 2, false).toString());
          o.addProperty("clickPrice", Reports.comma(m.avgBid()));
          o.addProperty("orders", Long.toString(m.orders()));
          o.addProperty("ordersMoney", ReportLayouts.money(revenue));
          o.addProperty("drr", ReportLayouts.fixed(new StringBuilder(), ReportLayouts.pct1(spend, revenue), 1, false)
              .toString());
          if (!media) {
            o.addProperty("toCart", Long.toString(toCart(id, q.from(), q.to())));
            o.addProperty("strategy", c.productAutopilotStrategy());
          }
        }
        rows.add(o);
      } else {
        csv.append(id).append(';').append(csvText(c.title())).append(';').append(m.views()).append(';')
            .append(m.clicks()).append(';').append(Reports.comma(m.ctrPercent())).append(';')
            .append(Reports.comma(m.spend())).append(';').append(Reports.comma(m.avgBid())).append(';')
            .append(m.orders()).append(';').append(Reports.comma(m.ordersMoney())).append('\n');
      }
    }
    return json ? rowsJson(rows) : csv(csv);
  }

  private long toCart(String id, LocalDate from, LocalDate to) {
    long n = 0;
    for (SandboxProduct p : data.products(id)) {
      for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
        n += data.skuMetrics(id, p.sku(), d).toCart();
      }
    }
    return n;
  }

  /** {@code CAMPAIGN_STATE_RUNNING} -> {@code running}, as the recorded campaign/product/json answer has it. */
  private static String status(String state) {
    return (state.startsWith("CAMPAIGN_STATE_") ? state.substring(15) : state).toLowerCase(java.util.Locale.ROOT);
  }

  private static String csvText(String s) {
    return s.indexOf(';') >= 0 || s.indexOf('"') >= 0 ? '"' + s.replace("\"", "\"\"") + '"' : s;
  }

  private static MockResponse rowsJson(JsonArray rows) {
    return Http.ok("rows", rows);
  }

  private static MockResponse csv(StringBuilder sb) {
    return Http.bytes("text/csv; charset=utf-8", sb.toString().getBytes(StandardCharsets.UTF_8), null);
  }

  MockResponse productsSkuStatistics(Req r) {
    JsonObject body = r.jsonBody();
    List<String> ids = Req.ids(body, "campaignIds");
    if (ids == null || ids.isEmpty()) {
      throw ApiError.badRequest("empty campaigns: campaignIds is required");
    }
    LocalDate[] range = Req.range(Req.str(body, "dateFrom"), Req.str(body, "dateTo"), null, null, true);
    JsonArray rows = new JsonArray();
    synchronized (stateLock) {
      for (String id : ids) {
        SandboxCampaign c = campaigns.get(id);
        if (c == null) {
          throw ApiError.notFound("campaign not found: " + id);
        }
        for (LocalDate d = range[0]; !d.isAfter(range[1]); d = d.plusDays(1)) {
          for (SandboxProduct p : data.products(id)) {
            SkuMetrics m = data.skuMetrics(id, p.sku(), d);
            JsonObject o = new JsonObject();
            o.addProperty("campaignId", id);
            o.addProperty("sku", p.sku());
            o.addProperty("date", d.toString());
            o.addProperty("views", Long.toString(m.views()));
            o.addProperty("clicks", Long.toString(m.clicks()));
            o.addProperty("orders", Long.toString(m.orders()));
            o.addProperty("expense", Reports.comma(m.spend()));
            rows.add(o);
          }
        }
      }
    }
    return rowsJson(rows);
  }

  MockResponse status(Req r) {
    return Http.ok(reports.status(reports.get(r.path("UUID"))));
  }
}
