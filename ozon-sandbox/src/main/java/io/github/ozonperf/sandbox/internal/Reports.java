package io.github.ozonperf.sandbox.internal;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.github.ozonperf.sandbox.DailyMetrics;
import io.github.ozonperf.sandbox.SandboxCampaign;
import io.github.ozonperf.sandbox.SandboxData;
import io.github.ozonperf.sandbox.internal.Http.ApiError;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Asynchronous statistics reports: the state machine, Ozon's limits and the CSV/ZIP/JSON renderings. */
final class Reports {
  static final String TOO_MANY_ACTIVE = "Превышен лимит активных запросов (максимум 1)";
  static final int MAX_CAMPAIGNS = 10;
  static final int MAX_DAYS = 62;
  static final String TOO_MANY_CAMPAIGNS = "Превышен лимит по количеству кампаний (максимум 10)";
  static final String FORBIDDEN = "rpc error: code = InvalidArgument desc = generation of this type of report is "
      + "forbidden for the transferred list of campaigns";
  static final String CSV = "text/csv; charset=utf-8";

  /**
   * CSV: per campaign (a ZIP when several); JSON: one object keyed by campaign id; ORDERS_CSV / PRODUCTS_CSV: one
   * search-promo file over all the report's campaigns.
   */
  enum Format { CSV, JSON, ORDERS_CSV, PRODUCTS_CSV }

  /** A submitted report; immutable apart from the state derived from the clock. */
  record Report(String uuid, String kind, Format format, List<String> campaigns, LocalDate from, LocalDate to,
      String groupBy, Instant createdAt, String unknownCampaign, boolean vendor, String vendorType) {}

  private final Clock clock;
  private final Duration duration;
  private final SandboxData data;
  private final Function<String, SandboxCampaign> campaigns;
  private final Map<String, Report> byUuid = new ConcurrentHashMap<>();
  private final List<Report> ordered = new ArrayList<>();
  private final Object lock = new Object();
  private Report lastCounted;
  private final ReportLayouts layouts;
  private final Map<String, Download> downloads = new ConcurrentHashMap<>();

  Reports(Clock clock, Duration duration, SandboxData data, Function<String, SandboxCampaign> campaigns) {
    this.clock = clock;
    this.duration = duration;
    this.data = data;
    this.campaigns = campaigns;
    this.layouts = new ReportLayouts(data);
  }

  /** Submits a report, enforcing one active generation per account (429 otherwise). */
  Report submit(String kind, Format format, List<String> ids, LocalDate from, LocalDate to, String groupBy,
      boolean vendor, String vendorType) {
    String unknown = null;
    for (String id : ids) {
      if (campaigns.apply(id) == null) {
        unknown = id;
        break;
      }
    }
    synchronized (lock) {
      Instant now = clock.instant();
      if (!vendor && lastCounted != null && isActive(lastCounted, now)) {
        throw new ApiError(429, TOO_MANY_ACTIVE);
      }
      Report r = new Report(UUID.randomUUID().toString(), kind, format, List.copyOf(ids), from, to, groupBy, now,
          unknown, vendor, vendorType);
      byUuid.put(r.uuid(), r);
      ordered.add(r);
      if (!vendor) {
        lastCounted = r;
      }
      return r;
    }
  }

  Report get(String uuid) {
    Report r = uuid == null ? null : byUuid.get(uuid);
    if (r == null) {
      throw ApiError.notFound("report not found");
    }
    return r;
  }

  List<Report> list(boolean vendor) {
    synchronized (lock) {
      List<Report> out = new ArrayList<>();
      for (Report r : ordered) {
        if (r.vendor() == vendor) {
          out.add(r);
        }
      }
      return out;
    }
  }

  private boolean isActive(Report r, Instant now) {
    String s = state(r, now);
    return s.equals("NOT_STARTED") || s.equals("IN_PROGRESS");
  }

  String state(Report r, Instant now) {
    Duration elapsed = Duration.between(r.createdAt(), now);
    if (elapsed.compareTo(duration) >= 0) {
      return r.unknownCampaign() != null ? "ERROR" : "OK";
    }
    return elapsed.compareTo(duration.dividedBy(3)) < 0 ? "NOT_STARTED" : "IN_PROGRESS";
  }

  JsonObject status(Report r) {
    Instant now = clock.instant();
    String state = state(r, now);
    JsonObject o = new JsonObject();
    o.addProperty("UUID", r.uuid());
    o.addProperty("state", state);
    o.addProperty("createdAt", r.createdAt().toString());
    Instant updated = state.equals("NOT_STARTED") ? r.createdAt()
        : state.equals("IN_PROGRESS") ? r.createdAt().plus(duration.dividedBy(3)) : r.createdAt().plus(duration);
    o.addProperty("updatedAt", updated.toString());
    JsonObject req = new JsonObject();
    if (r.vendor()) {
      req.addProperty("dateFrom", r.from().toString());
      req.addProperty("dateTo", r.to().toString());
      req.addProperty("type", r.vendorType());
    } else {
      JsonArray c = new JsonArray();
      r.campaigns().forEach(c::add);
      req.add("campaigns", c);
      req.addProperty("dateFrom", r.from().toString());
      req.addProperty("dateTo", r.to().toString());
      req.addProperty("groupBy", r.groupBy());
    }
    o.add("request", req);
    if (state.equals("ERROR")) {
      o.addProperty("error", "campaign not found: " + r.unknownCampaign());
    }
    if (state.equals("OK")) {
      o.addProperty("link", "/api/client/statistics/report?UUID=" + r.uuid());
    }
    if (!r.vendor()) {
      o.addProperty("kind", r.kind());
    }
    return o;
  }

  JsonObject listItem(Report r) {
    JsonObject o = new JsonObject();
    JsonArray cs = new JsonArray();
    for (String id : r.campaigns()) {
      JsonObject c = new JsonObject();
      c.addProperty("id", id);
      SandboxCampaign sc = campaigns.apply(id);
      c.addProperty("title", sc == null ? "" : sc.title());
      cs.add(c);
    }
    if (!r.vendor()) {
      o.add("campaigns", cs);
    }
    o.add("meta", status(r));
    o.addProperty("name", "report-" + r.uuid().substring(0, 8));
    return o;
  }

  /** The downloadable content of an OK report (rendered once, then served from a cache). */
  Download download(Report r) {
    String state = state(r, clock.instant());
    if (state.equals("ERROR")) {
      throw ApiError.badRequest("report failed (state ERROR: campaign not found: " + r.unknownCampaign()
          + "); there is nothing to download: submit a new report with existing campaign ids");
    }
    if (!state.equals("OK")) {
      throw ApiError.badRequest("report is not ready: state " + state
          + "; poll GET /api/client/statistics/" + r.uuid() + " until state is OK");
    }
    Download d = downloads.get(r.uuid());
    if (d == null) {
      d = render(r);
      if (downloads.size() > 1_000) {
        downloads.clear();
      }
      downloads.put(r.uuid(), d);
    }
    return d;
  }

  private Download render(Report r) {
    switch (r.format()) {
      case JSON -> {
        JsonObject o = new JsonObject();
        for (String id : r.campaigns()) {
          o.add(id, layouts.jsonCampaign(campaigns.apply(id), id, r.from(), r.to(), r.groupBy()));
        }
        return new Download(Http.JSON, Http.GSON.toJson(o).getBytes(StandardCharsets.UTF_8), null);
      }
      case ORDERS_CSV -> {
        return new Download(CSV, layouts.ordersCsv(r.campaigns(), r.from(), r.to()),
            "orders_" + ReportLayouts.ddmm(r.from()) + "-" + ReportLayouts.ddmm(r.to()) + ".csv");
      }
      case PRODUCTS_CSV -> {
        return new Download(CSV, layouts.productsCsv(r.campaigns(), r.from(), r.to()),
            "products_" + ReportLayouts.ddmm(r.from()) + "-" + ReportLayouts.ddmm(r.to()) + ".csv");
      }
      default -> {
        // CSV: one campaign -> the bare CSV; several -> a ZIP of <id>_<dd.mm>-<dd.mm>.csv entries (corpus).
      }
    }
    if (r.campaigns().size() == 1) {
      String id = r.campaigns().get(0);
      return new Download(CSV, layouts.campaignCsv(campaigns.apply(id), id, r.from(), r.to(), r.groupBy()),
          ReportLayouts.fileName(id, r.from(), r.to()));
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      for (String id : r.campaigns()) {
        ZipEntry e = new ZipEntry(ReportLayouts.fileName(id, r.from(), r.to()));
        e.setTime(r.createdAt().toEpochMilli());
        zip.putNextEntry(e);
        zip.write(layouts.campaignCsv(campaigns.apply(id), id, r.from(), r.to(), r.groupBy()));
        zip.closeEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Download("application/zip", bytes.toByteArray(), r.uuid() + ".zip");
  }

  record Download(String contentType, byte[] body, String fileName) {}

  /** A decimal with a comma, as Ozon's JSON statistics write money. */
  static String comma(BigDecimal v) {
    return v.toPlainString().replace('.', ',');
  }
}
