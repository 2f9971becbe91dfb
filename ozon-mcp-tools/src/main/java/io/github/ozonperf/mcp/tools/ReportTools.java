package io.github.ozonperf.mcp.tools;

import static io.github.ozonperf.mcp.tools.Schemas.array;
import static io.github.ozonperf.mcp.tools.Schemas.bool;
import static io.github.ozonperf.mcp.tools.Schemas.date;
import static io.github.ozonperf.mcp.tools.Schemas.enumStr;
import static io.github.ozonperf.mcp.tools.Schemas.idOutput;
import static io.github.ozonperf.mcp.tools.Schemas.idsInput;
import static io.github.ozonperf.mcp.tools.Schemas.integer;
import static io.github.ozonperf.mcp.tools.Schemas.number;
import static io.github.ozonperf.mcp.tools.Schemas.obj;
import static io.github.ozonperf.mcp.tools.Schemas.str;
import static java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME;

import io.github.ozonperf.client.OzonReportTimeoutException;
import io.github.ozonperf.client.model.ReportCampaign;
import io.github.ozonperf.client.model.ReportList;
import io.github.ozonperf.client.model.ReportListItem;
import io.github.ozonperf.client.model.ReportStatus;
import io.github.ozonperf.client.report.ReportChunk;
import io.github.ozonperf.client.report.ReportFormat;
import io.github.ozonperf.client.report.ReportGroupBy;
import io.github.ozonperf.client.report.ReportProgressEvent;
import io.github.ozonperf.client.report.ReportRequest;
import io.github.ozonperf.client.report.ReportResult;
import io.github.ozonperf.client.report.ReportRow;
import io.github.ozonperf.client.report.ReportTotals;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/** Report tools: get_statistics_report, get_report_status, list_reports, download_report. */
final class ReportTools {
  /** Report groupings, from the SDK's enum: one list for the schema and the check. */
  static final List<String> GROUP_BY = java.util.Arrays.stream(ReportGroupBy.values()).map(Enum::name).toList();
  static final int MAX_REPORT_DAYS = 366;
  static final int MAX_REPORT_CAMPAIGNS = 100;
  static final List<String> METRICS = List.of("views", "clicks", "spend", "orders", "ordersMoney");

  private final ToolContext ctx;

  ReportTools(ToolContext ctx) {
    this.ctx = ctx;
  }

  List<ToolDef> tools() {
    return List.of(
        statisticsReport().in("reports", "GET /api/client/statistics/{UUID}", "GET /api/client/statistics/report"),
        reportStatus().in("reports"), listReports().in("reports"), downloadReport().in("reports"));
  }

  // ------------------------------------------------------------------ shared output shapes
  private static Map<String, Object> rowSchema() {
    return obj().open()
        .req("campaignId", idOutput("Campaign id"))
        .prop("date", str("Day (or first day of the group), YYYY-MM-DD; absent for NO_GROUP_BY"))
        .prop("sku", str("The product (SKU reports have a row per product and day)"))
        .prop("bannerId", str("The banner (banner reports have a row per banner, platform and day)"))
        .prop("views", number("Impressions"))
        .prop("clicks", number("Clicks"))
        .prop("spend", number("Spend, roubles"))
        .prop("orders", number("Orders"))
        .prop("ordersMoney", number("Order value, roubles"))
        .build();
  }

  private static Map<String, Object> totalsSchema() {
    return obj()
        .prop("views", number(null))
        .prop("clicks", number(null))
        .prop("spend", number("Roubles"))
        .prop("orders", number(null))
        .prop("ordersMoney", number("Roubles"))
        .prop("ctr", number("clicks / views * 100, %"))
        .prop("cpc", number("spend / clicks, roubles"))
        .prop("corrections", number("Ozon's corrections of the period's spend (Корректировка lines), roubles;"
            + " negative = money returned; not included in spend"))
        .prop("spendWithCorrections", number("spend + corrections: what the period cost, roubles"))
        .build();
  }

  private static Map<String, Object> reportRefSchema() {
    return obj()
        .req("uuid", str("Report UUID (give it to get_report_status / download_report)"))
        .req("state", str("NOT_SUBMITTED, NOT_STARTED, IN_PROGRESS, OK, ERROR or UNKNOWN"))
        .prop("chunk", integer("1-based chunk number", 1, Integer.MAX_VALUE))
        .build();
  }

  private static Schemas.Obj resultProps(Schemas.Obj o) {
    return o.req("complete", bool("true when rows/totals are final; false when the time limit was hit (see"
            + " reports)", null))
        .req("reports", array(reportRefSchema(), "The Ozon reports (one per chunk of <=10 campaigns x <=62 days)"))
        .prop("rows", array(rowSchema(), "The first maxRows rows"))
        .prop("returned", integer("Rows in this answer", 0, Integer.MAX_VALUE))
        .prop("totalRows", integer("Rows in the whole report", 0, Integer.MAX_VALUE))
        .prop("totals", totalsSchema())
        .prop("mismatches", array(str("One disagreement"), "Where the rows' sums disagree with Ozon's own totals"
            + " line (Всего); absent when they agree. Do not trust the numbers of a campaign listed here."))
        .prop("skipped", array(obj().req("campaignId", idOutput("Campaign id")).req("reason", str("Why, and what to"
            + " use instead")).build(), "Campaigns left out: this report cannot include their type"))
        .prop("note", str("Truncation or resume instructions"));
  }

  private static Map<String, Object> uuidInput(String description) {
    return str(description, Schemas.UUID_PATTERN, 64);
  }

  // ------------------------------------------------------------------ get_statistics_report
  private ToolDef statisticsReport() {
    Schemas.Obj in = obj()
        .req("campaignIds", idsInput("Campaign ids (1-" + MAX_REPORT_CAMPAIGNS + ", strings or integers); split"
            + " into reports of at most 10 automatically", MAX_REPORT_CAMPAIGNS))
        .req("dateFrom", date("First day"))
        .req("dateTo", date("Last day, on or after dateFrom; at most 366 days, split into 62-day reports"))
        .prop("groupBy", enumStr("Row grouping (default DATE)", GROUP_BY))
        .prop("maxRows", integer("Rows to include in the answer (default 50); totals always cover all rows", 0,
            500, 50))
        .prop("timeLimitSeconds", integer("Wait at most this long (default 120); on timeout the answer lists the"
            + " report UUIDs to resume with get_report_status/download_report", 1, 900, 120));
    Map<String, Object> out = resultProps(obj()
        .req("dateFrom", str("First day"))
        .req("dateTo", str("Last day"))
        .req("groupBy", str("Grouping"))).build();
    return ToolDef.named("get_statistics_report")
        .title("Statistics report (async, with progress)")
        .description("Runs Ozon's asynchronous statistics report end to end: submits one report per chunk of at most 10"
            + " campaigns x 62 days (one at a time, as Ozon allows only one per account), waits (with MCP progress"
            + " notifications), downloads and parses the CSV. Returns totals over all rows and the first maxRows rows."
            + " Past timeLimitSeconds it returns complete=false with the report UUIDs instead of an error: call"
            + " get_report_status, then download_report.")
        .input(in)
        .output(out)
        .readOnly()
        .operation("POST /api/client/statistics")
        .handler(this::handleReport)
        .build();
  }

  private ToolDef.Outcome handleReport(Args a, ToolCall call) throws Exception {
    List<String> ids = a.ids("campaignIds", MAX_REPORT_CAMPAIGNS);
    LocalDate[] range = a.dateRange("dateFrom", "dateTo", MAX_REPORT_DAYS, "ask for at most a year per call");
    String groupBy = a.enumValue("groupBy", GROUP_BY, "DATE");
    int maxRows = a.integer("maxRows", 0, 500, 50);
    int limitSeconds = a.integer("timeLimitSeconds", 1, 900, (int) ctx.reportTimeLimit().getSeconds());

    ReportRequest request = ReportRequest.builder()
        .campaignIds(ids)
        .dateFrom(range[0])
        .dateTo(range[1])
        .groupBy(ReportGroupBy.valueOf(groupBy))
        .build();
    ConcurrentSkipListMap<Integer, ReportProgressEvent> latest = new ConcurrentSkipListMap<>();
    double[] last = {0};
    Future<Map<String, Object>> future = ctx.reportExecutor().submit(() -> {
      try (ReportResult result = ctx.client().reports().run(request, event -> {
        latest.put(event.chunkIndex(), event);
        double value = event.chunkIndex() + fraction(event);
        synchronized (last) {
          value = Math.max(value, last[0] + 0.001);
          last[0] = value;
        }
        call.progress(value, (double) event.chunkCount(), progressMessage(event));
      })) {
        return summarize(result, maxRows);
      }
    });
    Map<String, Object> out;
    try {
      out = new LinkedHashMap<>(future.get(limitSeconds, TimeUnit.SECONDS));
    } catch (InterruptedException e) {
      // The call was cancelled: stop the report run too (it logs the UUIDs it submitted); no answer is sent.
      future.cancel(true);
      throw e;
    } catch (TimeoutException e) {
      future.cancel(true);
      out = new LinkedHashMap<>();
      out.put("complete", false);
      List<Map<String, Object>> refs = new ArrayList<>();
      for (ReportProgressEvent ev : latest.values()) {
        if (ev.uuid() != null) {
          refs.add(ref(ev.uuid(), ev.state().name(), ev.chunkIndex() + 1));
        }
      }
      out.put("reports", refs);
      out.put("note", "The report did not finish within " + limitSeconds + " s. " + (refs.isEmpty()
          ? "No report was submitted yet (another report of the account may still be generating); try again later."
          : "It keeps generating at Ozon: call get_report_status with each uuid and, when the state is OK,"
              + " download_report with it. Chunks not listed here were not submitted; ask for them again later."));
    } catch (ExecutionException e) {
      if (e.getCause() instanceof OzonReportTimeoutException t) {
        // The client's own overall timeout: same answer as ours, with the UUIDs it carries.
        out = new LinkedHashMap<>();
        out.put("complete", false);
        List<Map<String, Object>> refs = new ArrayList<>();
        for (String uuid : t.uuids()) {
          ReportProgressEvent ev = latest.values().stream().filter(x -> uuid.equals(x.uuid())).findFirst()
              .orElse(null);
          refs.add(ref(uuid, ev == null ? "IN_PROGRESS" : ev.state().name(), ev == null ? null : ev.chunkIndex() + 1));
        }
        out.put("reports", refs);
        out.put("note", "The report did not finish in time. It keeps generating at Ozon: call get_report_status with"
            + " each uuid and, when the state is OK, download_report with it.");
      } else {
        throw e.getCause() instanceof Exception ex ? ex : e;
      }
    }
    Map<String, Object> ordered = new LinkedHashMap<>();
    ordered.put("dateFrom", range[0].toString());
    ordered.put("dateTo", range[1].toString());
    ordered.put("groupBy", groupBy);
    ordered.putAll(out);
    return new ToolDef.Outcome(ordered, render("Statistics report " + range[0] + ".." + range[1] + " (" + groupBy
        + ")", ordered));
  }

  private static double fraction(ReportProgressEvent e) {
    return switch (e.state()) {
      case NOT_SUBMITTED -> 0.0;
      case NOT_STARTED -> 0.1;
      case IN_PROGRESS -> 0.5;
      case OK, ERROR -> 1.0;
      default -> 0.05;
    };
  }

  static String progressMessage(ReportProgressEvent e) {
    return String.format(java.util.Locale.ROOT, "chunk %d/%d %s %.1fs", e.chunkIndex() + 1, e.chunkCount(),
        e.state().name(), e.elapsed().toMillis() / 1000.0);
  }

  private static Map<String, Object> ref(String uuid, String state, Integer chunk) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("uuid", uuid);
    m.put("state", state);
    if (chunk != null) {
      m.put("chunk", chunk);
    }
    return m;
  }

  /** Totals over all rows (one pass over the files, with Ozon's totals checked), and the first maxRows rows. */
  static Map<String, Object> summarize(ReportResult result, int maxRows) {
    List<Map<String, Object>> refs = new ArrayList<>();
    for (ReportChunk c : result.chunks()) {
      refs.add(ref(c.uuid(), c.state().name(), c.index() + 1));
    }
    ReportTotals sums = result.totals();
    List<Map<String, Object>> rows = new ArrayList<>();
    if (maxRows > 0) {
      try (Stream<ReportRow> stream = result.rows()) {
        stream.limit(maxRows).forEach(r -> rows.add(rowOf(r)));
      }
    }
    Map<String, Object> totals = new LinkedHashMap<>();
    totals.put("views", sums.views());
    totals.put("clicks", sums.clicks());
    totals.put("spend", Values.jsonNumber(sums.spend()));
    totals.put("orders", sums.orders());
    totals.put("ordersMoney", Values.jsonNumber(sums.ordersMoney()));
    if (sums.views() > 0) {
      totals.put("ctr", Values.jsonNumber(BigDecimal.valueOf(sums.clicks()).multiply(BigDecimal.valueOf(100))
          .divide(BigDecimal.valueOf(sums.views()), 2, RoundingMode.HALF_UP)));
    }
    if (sums.clicks() > 0) {
      totals.put("cpc", Values.jsonNumber(sums.spend().divide(BigDecimal.valueOf(sums.clicks()), 2,
          RoundingMode.HALF_UP)));
    }
    if (sums.corrections().signum() != 0) {
      totals.put("corrections", Values.jsonNumber(sums.corrections()));
      totals.put("spendWithCorrections", Values.jsonNumber(sums.spendWithCorrections()));
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("complete", true);
    out.put("reports", refs);
    out.put("rows", rows);
    out.put("returned", rows.size());
    out.put("totalRows", sums.rows());
    out.put("totals", totals);
    if (!result.mismatches().isEmpty()) {
      List<String> mismatches = new ArrayList<>();
      result.mismatches().forEach(m -> mismatches.add(m.toString()));
      out.put("mismatches", mismatches);
    }
    if (!result.skipped().isEmpty()) {
      List<Map<String, Object>> skipped = new ArrayList<>();
      result.skipped().forEach((id, reason) -> skipped.add(Map.of("campaignId", id, "reason", reason)));
      out.put("skipped", skipped);
    }
    if (sums.rows() > rows.size()) {
      out.put("note", "Showing the first " + rows.size() + " of " + sums.rows() + " rows; totals cover all rows. Ask"
          + " again with a larger maxRows (max 500), a coarser groupBy, fewer campaigns, or use the CLI's"
          + " `call get_statistics_report ... --out report.csv` for the complete file.");
    }
    return out;
  }

  static Map<String, Object> rowOf(ReportRow r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("campaignId", Objects.toString(r.campaignId(), ""));
    if (r.date() != null) {
      m.put("date", r.date().toString());
    }
    if (r.sku() != null && !r.sku().isBlank()) {
      m.put("sku", r.sku());
    }
    String banner = r.get(ReportRow.BANNER_ID);
    if (banner != null && !banner.isBlank()) {
      m.put("bannerId", banner);
    }
    putNumber(m, "views", r.views());
    putNumber(m, "clicks", r.clicks());
    putNumber(m, "spend", r.spend());
    putNumber(m, "orders", r.orders());
    putNumber(m, "ordersMoney", r.ordersMoney());
    return m;
  }

  private static void putNumber(Map<String, Object> m, String key, Object v) {
    BigDecimal d = Values.number(v);
    if (d != null) {
      m.put(key, Values.jsonNumber(d));
    }
  }

  @SuppressWarnings("unchecked")
  static String render(String title, Map<String, Object> out) {
    StringBuilder t = new StringBuilder(title);
    boolean complete = Boolean.TRUE.equals(out.get("complete"));
    List<Map<String, Object>> refs = (List<Map<String, Object>>) out.get("reports");
    if (!complete) {
      t.append(": NOT complete.");
      for (Map<String, Object> r : refs) {
        t.append("\n report ").append(r.get("uuid")).append(' ').append(r.get("state"));
      }
    } else {
      t.append(": ").append(out.get("totalRows")).append(" rows from ").append(refs.size()).append(" report(s).");
      Map<String, Object> totals = (Map<String, Object>) out.get("totals");
      List<String> parts = new ArrayList<>();
      totals.forEach((k, v) -> parts.add(k + " " + v));
      t.append(" Totals: ").append(String.join(", ", parts));
      List<Map<String, Object>> rows = (List<Map<String, Object>>) out.get("rows");
      for (Map<String, Object> r : rows.subList(0, Math.min(rows.size(), StatisticsTools.TEXT_ROWS))) {
        t.append('\n').append(r.get("campaignId"));
        if (r.get("date") != null) {
          t.append(' ').append(r.get("date"));
        }
        for (String m : METRICS) {
          if (r.get(m) != null) {
            t.append(' ').append(m).append('=').append(r.get(m));
          }
        }
      }
    }
    if (complete && ((List<?>) out.get("rows")).size() > StatisticsTools.TEXT_ROWS) {
      t.append("\n… ").append(((List<?>) out.get("rows")).size() - StatisticsTools.TEXT_ROWS)
          .append(" more rows in structuredContent");
    }
    if (out.get("mismatches") != null) {
      t.append("\nWARNING, rows disagree with Ozon's totals line: ")
          .append(String.join("; ", (List<String>) out.get("mismatches")));
    }
    if (out.get("skipped") != null) {
      for (Map<String, Object> skipped : (List<Map<String, Object>>) out.get("skipped")) {
        t.append("\nSkipped campaign ").append(skipped.get("campaignId")).append(": ").append(skipped.get("reason"));
      }
    }
    if (out.get("note") != null) {
      t.append('\n').append(out.get("note"));
    }
    return t.toString();
  }

  // ------------------------------------------------------------------ get_report_status
  private ToolDef reportStatus() {
    Schemas.Obj in = obj().req("uuid", uuidInput("Report UUID from get_statistics_report or list_reports"));
    Map<String, Object> out = obj()
        .req("uuid", str("Report UUID"))
        .req("state", str("NOT_STARTED, IN_PROGRESS, OK (ready to download) or ERROR"))
        .prop("error", str("Why the report failed (state ERROR)"))
        .prop("kind", str("STATS, SEARCH_PHRASES, ATTRIBUTION or VIDEO"))
        .prop("createdAt", str("When it was submitted (RFC 3339)"))
        .prop("updatedAt", str("Last change (RFC 3339)"))
        .prop("campaignIds", array(idOutput("id"), "Campaigns of the report, when Ozon echoes them"))
        .prop("dateFrom", str("First day, when echoed"))
        .prop("dateTo", str("Last day, when echoed"))
        .req("next", str("What to do next"))
        .build();
    return ToolDef.named("get_report_status")
        .title("Status of a statistics report")
        .description("Returns the state of one statistics report by UUID: NOT_STARTED or IN_PROGRESS (check"
            + " again in a few"
            + " seconds), OK (call download_report), ERROR (see error). Use it to resume a get_statistics_report"
            + " that hit its time limit.")
        .input(in)
        .output(out)
        .readOnly()
        .idempotent()
        .operation("GET /api/client/statistics/{UUID}")
        .handler((a, call) -> {
          String uuid = a.uuid("uuid");
          ReportStatus st = ctx.client().statistics().getReportStatus(uuid);
          Map<String, Object> o = statusFields(st == null ? new ReportStatus() : st, uuid);
          String state = (String) o.get("state");
          if (st != null && st.getError() != null && !st.getError().isEmpty()) {
            o.put("error", st.getError());
          }
          if (st != null && st.getUpdatedAt() != null) {
            o.put("updatedAt", ISO_OFFSET_DATE_TIME.format(st.getUpdatedAt()));
          }
          // the submitted request, echoed: free-form in the spec (an odd echo never fails the call)
          if (st != null && st.getRequest() != null) {
            Map<String, Object> req = st.getRequest();
            if (req.get("campaigns") instanceof List<?> l) {
              o.put("campaignIds", l.stream().map(Values::str).toList());
            }
            if (req.get("dateFrom") != null) {
              o.put("dateFrom", Values.str(req.get("dateFrom")));
            }
            if (req.get("dateTo") != null) {
              o.put("dateTo", Values.str(req.get("dateTo")));
            }
          }
          String next = switch (state) {
            case "OK" -> "ready: call download_report with this uuid";
            case "ERROR" -> "the report failed; submit it again with get_statistics_report";
            default -> "still generating: check again in 5-10 seconds";
          };
          o.put("next", next);
          return new ToolDef.Outcome(o, "Report " + o.get("uuid") + ": " + state
              + (o.get("error") != null ? " (" + o.get("error") + ")" : "") + " — " + next);
        })
        .build();
  }

  // ------------------------------------------------------------------ list_reports
  private ToolDef listReports() {
    Schemas.Obj in = obj()
        .prop("page", integer("Page, starting at 1 (default 1)", 1, 100000, 1))
        .prop("pageSize", integer("Reports per page (default 20)", 1, 100, 20));
    Map<String, Object> item = obj().open()
        .req("uuid", str("Report UUID"))
        .req("state", str("Report state"))
        .prop("kind", str("Report kind"))
        .prop("createdAt", str("Submitted at"))
        .prop("campaignIds", array(idOutput("id"), "Campaigns"))
        .prop("name", str("Report name"))
        .build();
    Map<String, Object> out = obj()
        .req("reports", array(item, "Reports on this page, newest first"))
        .req("returned", integer("Reports on this page", 0, Integer.MAX_VALUE))
        .req("page", integer("Page", 1, Integer.MAX_VALUE))
        .prop("total", integer("All reports of the account, when Ozon says", 0, Integer.MAX_VALUE))
        .prop("note", str("Paging hint"))
        .build();
    return ToolDef.named("list_reports")
        .title("List statistics reports")
        .description("Lists the account's statistics reports, newest first, one page at a time: uuid, state,"
            + " kind, createdAt,"
            + " campaign ids. A report in state OK can be fetched with download_report.")
        .input(in)
        .output(out)
        .readOnly()
        .idempotent()
        .operation("GET /api/client/statistics/list")
        .handler((a, call) -> {
          int page = a.integer("page", 1, 100000, 1);
          int pageSize = a.integer("pageSize", 1, 100, 20);
          ReportList resp = ctx.client().statistics().listReports((long) page, (long) pageSize);
          List<Map<String, Object>> items = new ArrayList<>();
          for (ReportListItem it : resp == null || resp.getItems() == null ? List.<ReportListItem>of()
              : resp.getItems()) {
            Map<String, Object> m = statusFields(it.getMeta() == null ? new ReportStatus() : it.getMeta(), "");
            List<String> cids = new ArrayList<>();
            for (ReportCampaign c : it.getCampaigns() == null ? List.<ReportCampaign>of() : it.getCampaigns()) {
              cids.add(Values.str(c.getId()));
            }
            if (!cids.isEmpty()) {
              m.put("campaignIds", cids);
            }
            if (it.getName() != null) {
              m.put("name", it.getName());
            }
            items.add(m);
          }
          Map<String, Object> o = new LinkedHashMap<>();
          o.put("reports", items);
          o.put("returned", items.size());
          o.put("page", page);
          BigDecimal total = resp == null ? null : Values.number(resp.getTotal());
          if (total != null) {
            o.put("total", total.intValue());
          }
          if (items.size() == pageSize) {
            o.put("note", "This page is full; call again with page " + (page + 1) + " for older reports.");
          }
          StringBuilder t = new StringBuilder(items.size() + " reports (page " + page + ")");
          for (Map<String, Object> m : items) {
            t.append('\n').append(m.get("uuid")).append(' ').append(m.get("state"));
            if (m.get("createdAt") != null) {
              t.append(' ').append(m.get("createdAt"));
            }
            if (m.get("campaignIds") != null) {
              t.append(" campaigns ").append(m.get("campaignIds"));
            }
          }
          return new ToolDef.Outcome(o, t.toString());
        })
        .build();
  }

  /** uuid, state (UNKNOWN when absent), kind and createdAt of a report's status, in this order. */
  private static Map<String, Object> statusFields(ReportStatus st, String uuid) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("uuid", st.getUUID() != null ? st.getUUID() : uuid);
    m.put("state", st.getState() == null ? "UNKNOWN" : st.getState().toString());
    if (st.getKind() != null) {
      m.put("kind", st.getKind().toString());
    }
    if (st.getCreatedAt() != null) {
      m.put("createdAt", ISO_OFFSET_DATE_TIME.format(st.getCreatedAt()));
    }
    return m;
  }

  // ------------------------------------------------------------------ download_report
  private ToolDef downloadReport() {
    Schemas.Obj in = obj()
        .req("uuid", uuidInput("UUID of a report in state OK"))
        .prop("maxRows", integer("Rows to include in the answer (default 50); totals cover all rows", 0, 500, 50))
        .prop("format", enumStr("How the report was submitted: CSV (default; get_statistics_report uses it) or JSON",
            List.of("CSV", "JSON")));
    Map<String, Object> out = resultProps(obj().req("uuid", str("Report UUID"))).build();
    return ToolDef.named("download_report")
        .title("Download a finished report")
        .description("Downloads and parses a finished statistics report (state OK) by UUID, e.g. one that"
            + " get_statistics_report left running at its time limit. Returns totals over all rows and the first"
            + " maxRows rows. A report that is not ready gives an error: check get_report_status first.")
        .input(in)
        .output(out)
        .readOnly()
        .idempotent()
        .operation("GET /api/client/statistics/report")
        .handler((a, call) -> {
          String uuid = a.uuid("uuid");
          int maxRows = a.integer("maxRows", 0, 500, 50);
          ReportFormat format = ReportFormat.valueOf(a.enumValue("format", List.of("CSV", "JSON"), "CSV"));
          Map<String, Object> o = new LinkedHashMap<>();
          o.put("uuid", uuid);
          try (ReportResult result = ctx.client().reports().download(uuid, format)) {
            o.putAll(summarize(result, maxRows));
          }
          return new ToolDef.Outcome(o, render("Report " + uuid, o));
        })
        .build();
  }
}
