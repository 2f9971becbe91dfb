package io.github.ozonperf.sandbox.internal;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import io.github.ozonperf.sandbox.DailyMetrics;
import io.github.ozonperf.sandbox.Faults;
import io.github.ozonperf.sandbox.RecordedCall;
import io.github.ozonperf.sandbox.SandboxCampaign;
import io.github.ozonperf.sandbox.SandboxData;
import io.github.ozonperf.sandbox.SandboxProduct;
import io.github.ozonperf.sandbox.internal.Http.ApiError;
import io.github.ozonperf.sandbox.internal.Reports.Format;
import io.github.ozonperf.sandbox.internal.Reports.Report;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import okio.Buffer;

/** Vendor (external traffic analytics) routes. */
final class VendorRoutes {
  private final SandboxState state;
  private final Object stateLock;
  private final Map<String, SandboxCampaign> campaigns;
  private final Map<String, Map<String, SandboxProduct>> products;
  private final SandboxData data;
  private final Clock clock;
  private final Reports reports;

  VendorRoutes(SandboxState state) {
    this.state = state;
    this.stateLock = state.lock;
    this.campaigns = state.campaigns;
    this.products = state.products;
    this.data = state.data;
    this.clock = state.clock;
    this.reports = state.reports;
  }

  MockResponse submitVendor(Req r) {
    JsonObject body = r.jsonBody();
    LocalDate[] range = Req.range(Req.str(body, "dateFrom"), Req.str(body, "dateTo"), null, null, true);
    String type = Optional.ofNullable(Req.str(body, "type")).orElse("TRAFFIC_SOURCES");
    if (!type.equals("TRAFFIC_SOURCES") && !type.equals("ORDERS")) {
      throw ApiError.badRequest("invalid type '" + type + "': use TRAFFIC_SOURCES or ORDERS");
    }
    Report rep = reports.submit("STATS", Format.CSV, List.of(), range[0], range[1], "NO_GROUP_BY", true, type);
    return StatisticsRoutes.requestId(rep.uuid(), true);
  }

  MockResponse vendorStatus(Req r) {
    Report rep = reports.get(r.path("UUID"));
    if (!rep.vendor()) {
      throw ApiError.notFound("report not found");
    }
    return Http.ok(reports.status(rep));
  }

  MockResponse vendorTag(Req r) {
    String org = r.query("orgId");
    if (org == null || org.isEmpty()) {
      throw ApiError.badRequest("orgId is required");
    }
    JsonObject o = new JsonObject();
    o.addProperty("tag", "ozon-sandbox-" + Req.checkId("orgId", org));
    return Http.ok(o);
  }
}
