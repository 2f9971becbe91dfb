package io.github.ozonperf.mcp.tools;

import static io.github.ozonperf.mcp.tools.Schemas.array;
import static io.github.ozonperf.mcp.tools.Schemas.date;
import static io.github.ozonperf.mcp.tools.Schemas.enumStr;
import static io.github.ozonperf.mcp.tools.Schemas.idOutput;
import static io.github.ozonperf.mcp.tools.Schemas.idsInput;
import static io.github.ozonperf.mcp.tools.Schemas.integer;
import static io.github.ozonperf.mcp.tools.Schemas.number;
import static io.github.ozonperf.mcp.tools.Schemas.obj;
import static io.github.ozonperf.mcp.tools.Schemas.str;

import io.github.ozonperf.client.model.DailyStatisticsJson;
import io.github.ozonperf.client.model.DailyStatisticsRow;
import io.github.ozonperf.client.model.ExpenseStatisticsJson;
import io.github.ozonperf.client.model.ExpenseStatisticsRow;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Synchronous statistics tools: get_daily_statistics, get_campaign_expense. */
final class StatisticsTools {
  static final int MAX_DAYS = 62;
  static final int MAX_IDS = 100;
  /** Rows repeated in the text rendering (the structured content has all of the window). */
  static final int TEXT_ROWS = 20;

  /** A metric column of rows of type {@code R}: output name, the model's getter, whether it sums into totals. */
  record Column<R>(String name, Function<R, String> read, boolean additive, String description) {
  }

  /** How a row of type {@code R} names its campaign, title and day. */
  record RowKeys<R>(Function<R, String> campaignId, Function<R, String> title, Function<R, String> date) {
  }

  static final List<Column<DailyStatisticsRow>> DAILY = List.of(
      new Column<>("views", DailyStatisticsRow::getViews, true, "Impressions"),
      new Column<>("clicks", DailyStatisticsRow::getClicks, true, "Clicks"),
      new Column<>("spend", DailyStatisticsRow::getMoneySpent, true, "Spend in roubles"),
      new Column<>("avgBid", DailyStatisticsRow::getAvgBid, false, "Average bid in roubles"),
      new Column<>("orders", DailyStatisticsRow::getOrders, true, "Orders"),
      new Column<>("ordersMoney", DailyStatisticsRow::getOrdersMoney, true, "Order value in roubles"));
  static final RowKeys<DailyStatisticsRow> DAILY_KEYS = new RowKeys<>(DailyStatisticsRow::getId,
      DailyStatisticsRow::getTitle, DailyStatisticsRow::getDate);
  static final List<Column<ExpenseStatisticsRow>> EXPENSE = List.of(
      new Column<>("spend", ExpenseStatisticsRow::getMoneySpent, true, "Spend in roubles"),
      new Column<>("bonusSpent", ExpenseStatisticsRow::getBonusSpent, true, "Bonus (promo money) spent, roubles"),
      new Column<>("prepaymentSpent", ExpenseStatisticsRow::getPrepaymentSpent, true,
          "Prepayment spent, roubles"));
  static final RowKeys<ExpenseStatisticsRow> EXPENSE_KEYS = new RowKeys<>(ExpenseStatisticsRow::getId,
      ExpenseStatisticsRow::getTitle, ExpenseStatisticsRow::getDate);

  private final ToolContext ctx;

  StatisticsTools(ToolContext ctx) {
    this.ctx = ctx;
  }

  List<ToolDef> tools() {
    return List.of(daily().in("statistics"), expense().in("statistics"));
  }

  private ToolDef daily() {
    return build("get_daily_statistics", "Daily campaign statistics",
        "Returns per-campaign, per-day statistics for at most 62 days: views, clicks, spend, avgBid, orders,"
            + " ordersMoney (money in roubles), with totals over all rows, ctr (%) and cpc (roubles) computed from"
            + " raw counts. Ask for title/avgBid with fields. At most limit rows per answer, with nextCursor for"
            + " more; totals always cover every row.",
        "GET /api/client/statistics/daily/json", DAILY, DAILY_KEYS,
        List.of("campaignId", "date", "views", "clicks", "spend", "orders", "ordersMoney"), true,
        (ids, from, to) -> {
          DailyStatisticsJson r = ctx.client().statisticsJson().getDailyStatisticsJson(ids, from, to);
          return r == null || r.getRows() == null ? List.of() : r.getRows();
        });
  }

  private ToolDef expense() {
    return build("get_campaign_expense", "Daily campaign expense",
        "Returns per-campaign, per-day expense for at most 62 days: spend, bonusSpent and prepaymentSpent, all in"
            + " roubles, with totals over all rows. At most limit rows per answer, with nextCursor for more.",
        "GET /api/client/statistics/expense/json", EXPENSE, EXPENSE_KEYS,
        List.of("campaignId", "date", "spend", "bonusSpent", "prepaymentSpent"), false,
        (ids, from, to) -> {
          ExpenseStatisticsJson r = ctx.client().statisticsJson().getCampaignExpenseJson(ids, from, to);
          return r == null || r.getRows() == null ? List.of() : r.getRows();
        });
  }

  /** The typed call: the rows of a period. */
  @FunctionalInterface
  interface Fetch<R> {
    List<R> fetch(List<String> ids, LocalDate from, LocalDate to);
  }

  private <R> ToolDef build(String name, String title, String description, String operation, List<Column<R>> columns,
      RowKeys<R> keys, List<String> defaultFields, boolean derived, Fetch<R> fetch) {
    List<String> allFields = new ArrayList<>(List.of("campaignId", "title", "date"));
    columns.forEach(c -> allFields.add(c.name()));
    Schemas.Obj in = obj()
        .req("campaignIds", idsInput("Campaign ids (1-" + MAX_IDS + "; strings or integers)", MAX_IDS))
        .req("dateFrom", date("First day"))
        .req("dateTo", date("Last day, on or after dateFrom, at most 62 days after"))
        .prop("fields", Schemas.enumList(allFields, "Row fields; default " + defaultFields))
        .prop("limit", integer("At most this many rows in this answer (default 50).", 1, 1000, 50))
        .prop("cursor", CampaignTools.cursorInput());
    Schemas.Obj row = obj().open()
        .prop("campaignId", idOutput("Campaign id"))
        .prop("title", str("Campaign title"))
        .prop("date", str("Day, YYYY-MM-DD as Ozon sends it"));
    Schemas.Obj totals = obj();
    for (Column<R> c : columns) {
      row.prop(c.name(), number(c.description()));
      if (c.additive()) {
        totals.prop(c.name(), number(null)); // the row's field says the unit
      }
    }
    if (derived) {
      totals.prop("ctr", number("Click-through rate, % (clicks / views * 100)"));
      totals.prop("cpc", number("Cost per click, roubles (spend / clicks)"));
    }
    Map<String, Object> out = obj()
        .req("dateFrom", str("First day"))
        .req("dateTo", str("Last day"))
        .req("campaignIds", array(idOutput("id"), "Campaigns asked for"))
        .req("rows", array(row.build(), "Rows in this window"))
        .req("returned", integer("Rows in this answer", 0, Integer.MAX_VALUE))
        .req("total", integer("Rows in the whole result", 0, Integer.MAX_VALUE))
        .req("totals", totals.build())
        .prop("nextCursor", str("Pass as cursor for the next window"))
        .prop("note", str("Truncation note"))
        .build();
    return ToolDef.named(name)
        .title(title)
        .description(description)
        .input(in)
        .output(out)
        .readOnly()
        .idempotent()
        .operation(operation)
        .handler((a, call) -> {
      List<String> ids = a.ids("campaignIds", MAX_IDS);
      LocalDate[] range = a.dateRange("dateFrom", "dateTo", MAX_DAYS,
          "split the period into calls of at most 62 days, or use get_statistics_report, which splits by itself");
      List<String> fields = a.has("fields") ? a.stringList("fields", allFields) : defaultFields;
      int limit = a.integer("limit", 1, 1000, 50);
      int offset = Values.cursorOffset(a);
      List<R> fetched = fetch.fetch(ids, range[0], range[1]);
      List<Map<String, Object>> rows = new ArrayList<>();
      Map<String, BigDecimal> sums = new LinkedHashMap<>();
      for (Column<R> c : columns) {
        if (c.additive()) {
          sums.put(c.name(), BigDecimal.ZERO);
        }
      }
      for (R r : fetched) {
        Map<String, Object> full = new LinkedHashMap<>();
        full.put("campaignId", Values.str(keys.campaignId().apply(r)));
        String rowTitle = keys.title().apply(r);
        if (rowTitle != null) {
          full.put("title", rowTitle);
        }
        full.put("date", Values.str(keys.date().apply(r)));
        for (Column<R> c : columns) {
          BigDecimal v = Values.number(c.read().apply(r));
          if (v != null) {
            full.put(c.name(), Values.jsonNumber(v));
            if (c.additive()) {
              sums.merge(c.name(), v, BigDecimal::add);
            }
          }
        }
        rows.add(Values.pick(full, fields));
      }
      Map<String, Object> tot = new LinkedHashMap<>();
      sums.forEach((k, v) -> tot.put(k, Values.jsonNumber(v)));
      if (derived) {
        BigDecimal views = sums.get("views");
        BigDecimal clicks = sums.get("clicks");
        BigDecimal spend = sums.get("spend");
        if (views != null && views.signum() > 0) {
          tot.put("ctr", Values.jsonNumber(clicks.multiply(BigDecimal.valueOf(100)).divide(views, 2,
              RoundingMode.HALF_UP)));
        }
        if (clicks != null && clicks.signum() > 0) {
          tot.put("cpc", Values.jsonNumber(spend.divide(clicks, 2, RoundingMode.HALF_UP)));
        }
      }
      Values.Window<Map<String, Object>> w = Values.window(rows, offset, limit);
      Map<String, Object> out2 = new LinkedHashMap<>();
      out2.put("dateFrom", range[0].toString());
      out2.put("dateTo", range[1].toString());
      out2.put("campaignIds", ids);
      out2.put("rows", w.items());
      out2.put("returned", w.items().size());
      out2.put("total", w.total());
      out2.put("totals", tot);
      String note = w.note("rows", limit);
      if (note != null) {
        out2.put("nextCursor", w.nextCursor());
        out2.put("note", note);
      }
      StringBuilder t = new StringBuilder();
      t.append(title).append(' ').append(range[0]).append("..").append(range[1]).append(", ").append(ids.size())
          .append(" campaign(s), ").append(w.total()).append(" rows. Totals: ");
      List<String> parts = new ArrayList<>();
      tot.forEach((k, v) -> parts.add(k + " " + v));
      t.append(String.join(", ", parts));
      int shown = 0;
      for (Map<String, Object> r : w.items()) {
        if (++shown > TEXT_ROWS) {
          t.append("\n… ").append(w.items().size() - TEXT_ROWS).append(" more rows in structuredContent");
          break;
        }
        t.append('\n');
        List<String> cells = new ArrayList<>();
        r.forEach((k, v) -> cells.add(k.equals("campaignId") || k.equals("date") || k.equals("title")
            ? Values.str(v) : k + "=" + v));
        t.append(String.join(" ", cells));
      }
      if (note != null) {
        t.append('\n').append(note);
      }
      return new ToolDef.Outcome(out2, t.toString());
    })
        .build();
  }
}
