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

/** Routes every request of the sandbox; all state lives here. Thread-safe: MockWebServer calls it concurrently. */
public final class SandboxDispatcher extends Dispatcher {
  private static final String TOKEN_PATH = "/api/client/token";
  private static final int RECENT = 200;
  private static final Set<String> STATES = Set.of("CAMPAIGN_STATE_UNKNOWN", "CAMPAIGN_STATE_RUNNING",
      "CAMPAIGN_STATE_PLANNED", "CAMPAIGN_STATE_STOPPED", "CAMPAIGN_STATE_INACTIVE", "CAMPAIGN_STATE_ARCHIVED",
      "CAMPAIGN_STATE_MODERATION_DRAFT", "CAMPAIGN_STATE_MODERATION_IN_PROGRESS",
      "CAMPAIGN_STATE_MODERATION_FAILED", "CAMPAIGN_STATE_FINISHED");
  private static final Set<String> GROUP_BY = Set.of("NO_GROUP_BY", "DATE", "START_OF_WEEK", "START_OF_MONTH");

  private final String clientId;
  private final String clientSecret;
  private final Duration tokenTtl;
  private final Clock clock;
  private final SandboxData data;
  private final Faults faults;
  private final Instant startedAt;
  private final Reports reports;
  private final List<Route> routes = new ArrayList<>();
  private final SecureRandom secureRandom = new SecureRandom();
  private final SplittableRandom faultRandom;

  private final Map<String, Instant> tokens = new ConcurrentHashMap<>();
  private final Map<String, LongAdder> byPattern = new ConcurrentHashMap<>();
  private final Map<String, LongAdder> byPath = new ConcurrentHashMap<>();
  private final LongAdder total = new LongAdder();
  private final Deque<RecordedCall> recent = new ArrayDeque<>();
  /** Guarded by stateLock. */
  private final Map<String, CachedJson> listJson = new HashMap<>();

  private final Object stateLock = new Object();
  private final Map<String, SandboxCampaign> campaigns = new LinkedHashMap<>();
  private final Map<String, Map<String, SandboxProduct>> products = new HashMap<>();
  private final AtomicLong nextCampaignId;
  private Instant lastCampaignList;

  private volatile MockWebServer server;

  /** Creates the dispatcher; {@link #attach(MockWebServer)} it once the server runs. */
  public SandboxDispatcher(String clientId, String clientSecret, Duration tokenTtl, Clock clock,
      Duration reportDuration, SandboxData data, Faults faults) {
    this.clientId = clientId;
    this.clientSecret = clientSecret;
    this.tokenTtl = tokenTtl;
    this.clock = clock;
    this.data = data;
    this.faults = faults;
    this.startedAt = clock.instant();
    this.faultRandom = new SplittableRandom(faults.seed());
    long maxId = 0;
    for (SandboxCampaign c : data.campaigns()) {
      campaigns.put(c.id(), c);
      Map<String, SandboxProduct> ps = new LinkedHashMap<>();
      for (SandboxProduct p : data.products(c.id())) {
        ps.put(p.sku(), p);
      }
      products.put(c.id(), ps);
      maxId = Math.max(maxId, Long.parseLong(c.id()));
    }
    this.nextCampaignId = new AtomicLong(maxId + 1000);
    this.reports = new Reports(clock, reportDuration, data, id -> currentCampaign(id).orElse(null));
    registerRoutes();
  }

  /** Lets the dispatcher drain MockWebServer's own request log, which would otherwise grow without bound. */
  public void attach(MockWebServer server) {
    this.server = server;
  }

  public String clientId() {
    return clientId;
  }

  public String clientSecret() {
    return clientSecret;
  }

  public SandboxData data() {
    return data;
  }

  public long requests(String pathOrPattern) {
    LongAdder a = (pathOrPattern.contains("{") ? byPattern : byPath).get(pathOrPattern);
    return a == null ? 0 : a.sum();
  }

  public long totalRequests() {
    return total.sum();
  }

  public List<RecordedCall> recentRequests() {
    synchronized (recent) {
      return List.copyOf(recent);
    }
  }

  public void expireAllTokens() {
    tokens.clear();
  }

  public Optional<SandboxCampaign> currentCampaign(String id) {
    synchronized (stateLock) {
      return Optional.ofNullable(campaigns.get(id));
    }
  }

  // ---------------------------------------------------------------------------------------------- dispatch

  @Override
  public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
    MockWebServer s = server;
    if (s != null) {
      // MockWebServer keeps every request for takeRequest(); we keep our own bounded log instead.
      RecordedRequest old;
      do {
        old = s.takeRequest(0, TimeUnit.NANOSECONDS);
      } while (old != null);
    }
    Instant now = clock.instant();
    String path = request.getUrl().encodedPath();
    String method = request.getMethod();
    total.increment();
    byPath.computeIfAbsent(path, k -> new LongAdder()).increment();

    Route route = null;
    Map<String, String> params = Map.of();
    boolean pathKnown = false;
    String pattern = path;
    for (Route r : routes) {
      if (!path.startsWith(r.prefix)) {
        continue;
      }
      Matcher m = r.regex.matcher(path);
      if (m.matches()) {
        if (!pathKnown) {
          pattern = r.pattern;
          pathKnown = true;
        }
        if (r.method.equals(method)) {
          route = r;
          pattern = r.pattern;
          params = new HashMap<>();
          for (int i = 0; i < r.names.size(); i++) {
            params.put(r.names.get(i), URLDecoder.decode(m.group(i + 1), StandardCharsets.UTF_8));
          }
          break;
        }
      }
    }
    if (path.equals(TOKEN_PATH)) {
      pattern = TOKEN_PATH;
    }
    byPattern.computeIfAbsent(pattern, k -> new LongAdder()).increment();

    MockResponse response;
    try {
      if (path.equals(TOKEN_PATH)) {
        response = method.equals("POST") ? token(request, now)
            : Http.error(405, "method " + method + " not allowed: use POST " + TOKEN_PATH);
      } else if (!authorized(request, now)) {
        response = new MockResponse.Builder(Http.error(401,
            "Unauthorized: missing, invalid or expired bearer token; get one from POST " + TOKEN_PATH))
            .setHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"").build();
      } else if (route == null) {
        response = pathKnown ? Http.error(405, "method " + method + " not allowed for " + pattern)
            : Http.error(404, "unknown path " + path + " (the sandbox implements Ozon Performance API paths)");
      } else {
        MockResponse fault = fault();
        response = fault != null ? fault : route.handler.apply(new Req(request, params));
      }
    } catch (ApiError e) {
      response = Http.error(e.status, e.getMessage());
    } catch (RuntimeException e) {
      response = Http.error(500, "internal sandbox error: " + e.getClass().getSimpleName());
    }
    if (!path.equals(TOKEN_PATH) && !faults.latency().isZero()) {
      response = response.newBuilder().headersDelay(faults.latency().toNanos(), TimeUnit.NANOSECONDS).build();
    }
    record(request, now, path, pattern, response);
    return response;
  }

  private MockResponse fault() {
    double p429 = faults.probability429();
    double p503 = faults.probability503();
    double pReset = faults.probabilityReset();
    if (p429 + p503 + pReset == 0) {
      return null;
    }
    double x;
    synchronized (faultRandom) {
      x = faultRandom.nextDouble();
    }
    if (x < p429) {
      MockResponse r = Http.error(429, "Too Many Requests");
      if (faults.retryAfterSeconds() > 0) {
        r = r.newBuilder().setHeader("Retry-After", faults.retryAfterSeconds()).build();
      }
      return r;
    }
    if (x < p429 + p503) {
      return Http.error(503, "Service Unavailable");
    }
    if (x < p429 + p503 + pReset) {
      return new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket(true, false, false)).build();
    }
    return null;
  }

  private void record(RecordedRequest request, Instant now, String path, String pattern, MockResponse response) {
    String auth = request.getHeaders().get("Authorization");
    String redacted = auth == null ? "" : auth.regionMatches(true, 0, "Bearer ", 0, 7) ? "Bearer <redacted>" : "<redacted>";
    String body = "";
    if (!path.equals(TOKEN_PATH) && request.getBody() != null) {
      String b = request.getBody().string(StandardCharsets.UTF_8);
      body = b.length() > 4096 ? b.substring(0, 4096) : b;
    }
    String ct = request.getHeaders().get("Content-Type");
    // A careless client may put client_secret in the token URL's query: never keep token request queries either.
    String q = path.equals(TOKEN_PATH) ? null : request.getUrl().encodedQuery();
    int status = response.getOnResponseStart() != null ? -1 : response.getCode();
    RecordedCall call = new RecordedCall(now, request.getMethod(), path, pattern, q == null ? "" : q, redacted,
        ct == null ? "" : ct, body, status);
    synchronized (recent) {
      recent.addLast(call);
      if (recent.size() > RECENT) {
        recent.removeFirst();
      }
    }
  }

  // ------------------------------------------------------------------------------------------------- token

  private MockResponse token(RecordedRequest request, Instant now) {
    String ct = request.getHeaders().get("Content-Type");
    String text = request.getBody() == null ? "" : request.getBody().string(StandardCharsets.UTF_8);
    Map<String, String> fields = new HashMap<>();
    if (ct != null && ct.toLowerCase().startsWith("application/x-www-form-urlencoded")) {
      for (String pair : text.split("&")) {
        if (pair.isEmpty()) {
          continue;
        }
        int eq = pair.indexOf('=');
        String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
        String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
        fields.put(k, v);
      }
    } else {
      try {
        JsonElement e = JsonParser.parseString(text.isBlank() ? "null" : text);
        if (!e.isJsonObject()) {
          return oauthError(400, "invalid_request",
              "send a JSON object {\"client_id\",\"client_secret\",\"grant_type\":\"client_credentials\"}");
        }
        for (Map.Entry<String, JsonElement> en : e.getAsJsonObject().entrySet()) {
          if (en.getValue().isJsonPrimitive()) {
            fields.put(en.getKey(), en.getValue().getAsString());
          }
        }
      } catch (JsonParseException ex) {
        return oauthError(400, "invalid_request", "malformed JSON body");
      }
    }
    String grant = fields.get("grant_type");
    String id = fields.get("client_id");
    String secret = fields.get("client_secret");
    if (grant == null || id == null || secret == null) {
      return oauthError(400, "invalid_request", "client_id, client_secret and grant_type are required");
    }
    if (!grant.equals("client_credentials")) {
      return oauthError(400, "unsupported_grant_type", "grant_type must be client_credentials");
    }
    boolean ok = MessageDigest.isEqual(id.getBytes(StandardCharsets.UTF_8), clientId.getBytes(StandardCharsets.UTF_8))
        & MessageDigest.isEqual(secret.getBytes(StandardCharsets.UTF_8), clientSecret.getBytes(StandardCharsets.UTF_8));
    if (!ok) {
      return oauthError(401, "invalid_client", "client_id or client_secret is wrong");
    }
    byte[] raw = new byte[24];
    secureRandom.nextBytes(raw);
    String token = "sbx." + Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    if (tokens.size() > 100_000) {
      tokens.values().removeIf(exp -> !exp.isAfter(now));
    }
    tokens.put(token, now.plus(tokenTtl));
    JsonObject o = new JsonObject();
    o.addProperty("access_token", token);
    o.addProperty("expires_in", tokenTtl.getSeconds());
    o.addProperty("token_type", "Bearer");
    return Http.ok(o);
  }

  private static MockResponse oauthError(int code, String error, String description) {
    JsonObject o = new JsonObject();
    o.addProperty("error", error);
    o.addProperty("error_description", description);
    return Http.json(code, o);
  }

  private boolean authorized(RecordedRequest request, Instant now) {
    String auth = request.getHeaders().get("Authorization");
    if (auth == null || !auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return false;
    }
    String token = auth.substring(7).trim();
    Instant expiresAt = tokens.get(token);
    if (expiresAt == null || !now.isBefore(expiresAt)) {
      return false;
    }
    Duration every = faults.forceTokenExpiryEvery();
    if (every != null) {
      Instant issuedAt = expiresAt.minus(tokenTtl);
      long issuedEpoch = Duration.between(startedAt, issuedAt).toNanos() / every.toNanos();
      long nowEpoch = Duration.between(startedAt, now).toNanos() / every.toNanos();
      return issuedEpoch == nowEpoch;
    }
    return true;
  }

  // ------------------------------------------------------------------------------------------------ routes

  /** {@code prefix}: the literal start of the pattern, checked before the regex (most routes fail there). */
  private record Route(String method, String pattern, String prefix, Pattern regex, List<String> names,
      Function<Req, MockResponse> handler) {}

  private void route(String method, String pattern, Function<Req, MockResponse> handler) {
    List<String> names = new ArrayList<>();
    Matcher m = Pattern.compile("\\{([^}]+)}").matcher(pattern);
    StringBuilder regex = new StringBuilder();
    int last = 0;
    while (m.find()) {
      regex.append(Pattern.quote(pattern.substring(last, m.start()))).append("([^/]+)");
      names.add(m.group(1));
      last = m.end();
    }
    regex.append(Pattern.quote(pattern.substring(last)));
    int brace = pattern.indexOf('{');
    routes.add(new Route(method, pattern, brace < 0 ? pattern : pattern.substring(0, brace),
        Pattern.compile(regex.toString()), names, handler));
  }

  private void registerRoutes() {
    // Campaigns
    route("GET", "/api/client/campaign", this::listCampaigns);
    route("GET", "/api/client/campaign/{campaignId}/objects", this::campaignObjects);
    route("GET", "/api/client/limits/list", r -> limits());
    route("POST", "/api/client/min/sku", this::minBidsBySku);
    route("GET", "/api/client/products_with_bonuses", r -> productsWithBonuses());
    route("POST", "/api/client/campaign/cpc/v2/product", this::createCampaign);
    route("POST", "/external/api/dynamic_budget", this::dynamicBudget);
    route("POST", "/api/client/campaign/{campaignId}/activate", r -> setState(r, true));
    route("POST", "/api/client/campaign/{campaignId}/deactivate", r -> setState(r, false));
    // Products and bids (the literal "search_promo" paths are registered before {campaignId} ones below)
    route("POST", "/api/client/campaign/search_promo/v2/products", this::searchPromoProducts);
    route("POST", "/api/client/campaign/search_promo/v2/bids/set", this::searchPromoSetBids);
    route("POST", "/api/client/campaign/search_promo/v2/bids/delete", r -> skusOnly(r, "sku"));
    route("POST", "/api/client/campaign/search_promo/carrots/enable", r -> carrots(r, true));
    route("POST", "/api/client/campaign/search_promo/carrots/disable", r -> carrots(r, false));
    route("GET", "/api/client/campaign/all_sku_promo/activate", r -> allSkuPromoActivate());
    route("GET", "/api/client/campaign/all_sku_promo/deactivate", r -> Http.noBody());
    route("GET", "/api/client/campaign/all_sku_promo/set_bid", this::allSkuPromoSetBid);
    route("PATCH", "/api/client/campaign/{campaignId}", this::patchCampaign);
    route("POST", "/api/client/campaign/{campaignId}/products", r -> upsertProducts(r, true));
    route("PUT", "/api/client/campaign/{campaignId}/products", r -> upsertProducts(r, false));
    route("GET", "/api/client/campaign/{campaignId}/v2/products", this::listProducts);
    route("POST", "/api/client/campaign/{campaignId}/products/delete", this::deleteProducts);
    route("GET", "/api/client/campaign/{campaignId}/products/bids/competitive", this::competitiveBids);
    route("POST", "/api/client/search_promo/bids/recommendation", this::recommendedBids);
    route("POST", "/api/client/search_promo/get_cpo_min_bids", this::cpoMinBids);
    route("POST", "/api/client/search_promo/product/enable", this::enableSearchPromoProducts);
    route("POST", "/api/client/search_promo/product/disable", r -> skusOnly(r, "skus"));
    // Statistics (literal paths before /statistics/{UUID})
    route("POST", "/api/client/statistics", r -> submit(r, "STATS", Format.CSV));
    route("POST", "/api/client/statistics/json", r -> submit(r, "STATS", Format.JSON));
    route("POST", "/api/client/statistics/video", r -> submit(r, "VIDEO", Format.CSV));
    route("POST", "/api/client/statistics/attribution", r -> submit(r, "ATTRIBUTION", Format.CSV));
    route("POST", "/api/client/statistics/phrases", r -> submit(r, "SEARCH_PHRASES", Format.CSV));
    route("POST", "/api/client/statistic/orders/generate", this::submitSearchPromo);
    route("POST", "/api/client/statistic/products/generate", this::submitSearchPromo);
    route("GET", "/api/client/statistics/all_sku_promo/orders/generate", this::submitAllSkuPromo);
    route("GET", "/api/client/statistics/all_sku_promo/products/generate", this::submitAllSkuPromo);
    route("GET", "/api/client/statistics/list", r -> listReports(r, false));
    route("GET", "/api/client/statistics/externallist", r -> listReports(r, false));
    route("GET", "/api/client/statistics/report", this::downloadReport);
    route("GET", "/api/client/statistics/daily", r -> daily(r, false));
    route("GET", "/api/client/statistics/daily/json", r -> daily(r, true));
    route("GET", "/api/client/statistics/expense", r -> expense(r, false));
    route("GET", "/api/client/statistics/expense/json", r -> expense(r, true));
    route("GET", "/api/client/statistics/campaign/product", r -> campaignSummary(r, false, "SKU"));
    route("GET", "/api/client/statistics/campaign/product/json", r -> campaignSummary(r, true, "SKU"));
    route("GET", "/api/client/statistics/campaign/media", r -> campaignSummary(r, false, "BANNER"));
    route("GET", "/api/client/statistics/campaign/media/json", r -> campaignSummary(r, true, "BANNER"));
    route("POST", "/api/client/statistics/products/sku", this::productsSkuStatistics);
    route("GET", "/api/client/statistics/{UUID}", r -> Http.ok(reports.status(reports.get(r.path("UUID")))));
    // Vendor
    route("POST", "/api/client/vendors/statistics", this::submitVendor);
    route("GET", "/api/client/vendors/statistics/list", r -> listReports(r, true));
    route("GET", "/api/client/vendors/statistics/{UUID}", this::vendorStatus);
    route("GET", "/api/client/organisation/vendor_tag", this::vendorTag);
  }

  // --------------------------------------------------------------------------------------------- campaigns

  private MockResponse listCampaigns(Req r) {
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
      // Ozon answers {"list":[…]} with no total (ozon-api.md, Conventions): clients must walk pages until a short
      // one, and the sandbox must not let them rely on a field the real service does not send.
      return Http.json(200, body.writeUtf8("]}"));
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
      cached = new CachedJson(c, Http.GSON.toJson(campaignJson(c, true)).getBytes(StandardCharsets.UTF_8));
      listJson.put(c.id(), cached);
    }
    return cached.json;
  }

  private record CachedJson(SandboxCampaign campaign, byte[] json) {
  }

  private JsonObject campaignJson(SandboxCampaign c, boolean inList) {
    JsonObject o = new JsonObject();
    o.addProperty("id", c.id());
    o.addProperty("paymentType", c.paymentType());
    o.addProperty("title", c.title());
    o.addProperty("state", c.state());
    if (inList) {
      o.addProperty("advObjectType", c.advObjectType());
    }
    o.addProperty("fromDate", c.fromDate());
    o.addProperty("toDate", c.toDate());
    o.addProperty("budget", c.budget());
    o.addProperty("dailyBudget", c.dailyBudget());
    o.addProperty("weeklyBudget", c.weeklyBudget());
    o.addProperty("autostopStatus", "AUTOSTOP_STATUS_NONE");
    o.addProperty("isAutocreated", false);
    if (c.advObjectType().equals("SKU")) {
      o.addProperty("productAutopilotStrategy", inList ? "NO_AUTO_STRATEGY" : "TARGET_BIDS");
      o.addProperty("productCampaignMode", "PRODUCT_CAMPAIGN_MODE_MANUAL");
    }
    String created = LocalDate.parse(c.fromDate()).minusDays(3) + "T09:00:00Z";
    o.addProperty("createdAt", created);
    o.addProperty("updatedAt", created);
    return o;
  }

  private SandboxCampaign campaignOr404(Req r) {
    String id = Req.checkId("campaignId", r.path("campaignId"));
    SandboxCampaign c = campaigns.get(id);
    if (c == null) {
      throw ApiError.notFound("campaign not found: " + id);
    }
    return c;
  }

  private MockResponse campaignObjects(Req r) {
    synchronized (stateLock) {
      SandboxCampaign c = campaignOr404(r);
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

  private MockResponse limits() {
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

  private MockResponse minBidsBySku(Req r) {
    JsonObject body = r.jsonBody();
    List<String> skus = requiredSkus(body, "sku");
    JsonArray out = new JsonArray();
    for (String sku : skus) {
      JsonObject o = new JsonObject();
      o.addProperty("sku", sku);
      o.addProperty("bid", 3.0 + Long.remainderUnsigned(Req.unsigned(sku), 7));
      out.add(o);
    }
    return Http.ok("minBids", out);
  }

  private MockResponse productsWithBonuses() {
    JsonArray skus = new JsonArray();
    synchronized (stateLock) {
      products.values().stream().flatMap(m -> m.keySet().stream()).limit(3).forEach(skus::add);
    }
    return Http.ok("skus", skus);
  }

  private MockResponse createCampaign(Req r) {
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
    String id = Long.toString(nextCampaignId.getAndIncrement());
    synchronized (stateLock) {
      campaigns.put(id, new SandboxCampaign(id, title, "SKU", "CAMPAIGN_STATE_PLANNED", "CPC", from, to, "0", daily,
          weekly));
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

  private MockResponse dynamicBudget(Req r) {
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

  private MockResponse setState(Req r, boolean activate) {
    r.jsonBody(); // must be empty or a JSON object
    synchronized (stateLock) {
      SandboxCampaign c = campaignOr404(r);
      String s = c.state();
      if (s.equals("CAMPAIGN_STATE_ARCHIVED") || (activate && s.equals("CAMPAIGN_STATE_FINISHED"))) {
        throw ApiError.badRequest("campaign " + c.id() + " is in state " + s + " and cannot be "
            + (activate ? "activated" : "deactivated"));
      }
      SandboxCampaign updated = c.withState(activate ? "CAMPAIGN_STATE_RUNNING" : "CAMPAIGN_STATE_INACTIVE");
      campaigns.put(c.id(), updated);
      return Http.ok(campaignJson(updated, false));
    }
  }

  private MockResponse patchCampaign(Req r) {
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
      SandboxCampaign c = campaignOr404(r);
      if (c.state().equals("CAMPAIGN_STATE_ARCHIVED")) {
        throw ApiError.badRequest("campaign " + c.id() + " is archived and cannot be changed");
      }
      campaigns.put(c.id(), c.withSchedule(from, to, budget, daily, weekly));
      JsonObject o = new JsonObject();
      o.addProperty("campaignId", c.id());
      return Http.ok(o);
    }
  }

  // ---------------------------------------------------------------------------------------------- products

  private Map<String, SandboxProduct> productsOf(SandboxCampaign c) {
    if (c.advObjectType().equals("BANNER")) {
      throw ApiError.badRequest("campaign " + c.id() + " is a BANNER campaign and has no products");
    }
    return products.get(c.id());
  }

  private MockResponse listProducts(Req r) {
    Long page = r.queryLong("page");
    Long pageSize = r.queryLong("pageSize");
    synchronized (stateLock) {
      SandboxCampaign c = campaignOr404(r);
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

  private MockResponse upsertProducts(Req r, boolean add) {
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
      SandboxCampaign c = campaignOr404(r);
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

  private MockResponse deleteProducts(Req r) {
    JsonObject body = r.jsonBody();
    List<String> skus = requiredSkus(body, "sku");
    synchronized (stateLock) {
      Map<String, SandboxProduct> ps = productsOf(campaignOr404(r));
      skus.forEach(ps::remove);
    }
    return Http.noBody();
  }

  private MockResponse competitiveBids(Req r) {
    r.rejectBracketParams();
    List<String> skus = r.idsQuery("skus");
    synchronized (stateLock) {
      SandboxCampaign c = campaignOr404(r);
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

  // ------------------------------------------------------------------------------------------ search promo

  private List<SandboxProduct> searchPromoProductList() {
    List<SandboxProduct> out = new ArrayList<>();
    for (SandboxCampaign c : campaigns.values()) {
      if (c.advObjectType().equals("SEARCH_PROMO")) {
        out.addAll(products.get(c.id()).values());
      }
    }
    return out;
  }

  private MockResponse searchPromoProducts(Req r) {
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

  private MockResponse searchPromoSetBids(Req r) {
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

  /** The non-empty SKU list in {@code field} of a request body, or a 400 as Ozon answers it. */
  private static List<String> requiredSkus(JsonObject body, String field) {
    List<String> skus = Req.ids(body, field);
    if (skus == null || skus.isEmpty()) {
      throw ApiError.badRequest(field + " is required: a non-empty array of SKUs");
    }
    return skus;
  }

  private MockResponse skusOnly(Req r, String field) {
    requiredSkus(r.jsonBody(), field);
    return Http.emptyOk();
  }

  private MockResponse carrots(Req r, boolean enable) {
    List<String> skus = requiredSkus(r.jsonBody(), "skus");
    JsonObject map = new JsonObject();
    for (String sku : skus) {
      JsonObject info = new JsonObject();
      info.addProperty(enable ? "isEnabled" : "isDisabled", true);
      info.addProperty("error", "CARROT_ERROR_NONE");
      map.add(sku, info);
    }
    return Http.ok("skuToInfo", map);
  }

  private MockResponse allSkuPromoActivate() {
    JsonObject o = new JsonObject();
    o.addProperty("selectedBid", "5000000");
    return Http.ok(o);
  }

  private MockResponse allSkuPromoSetBid(Req r) {
    String bid = r.query("bid");
    if (bid == null) {
      throw ApiError.badRequest("bid is required (millionths of a rouble)");
    }
    Req.checkId("bid", bid);
    return Http.noBody();
  }

  private MockResponse recommendedBids(Req r) {
    List<String> skus = requiredSkus(r.jsonBody(), "skus");
    JsonObject map = new JsonObject();
    for (String sku : skus) {
      map.addProperty(sku, Long.toString(3_000_000L + Long.remainderUnsigned(Req.unsigned(sku), 7) * 1_000_000L));
    }
    return Http.ok("recommendedBids", map);
  }

  private MockResponse cpoMinBids(Req r) {
    List<String> skus = requiredSkus(r.jsonBody(), "skus");
    JsonArray arr = new JsonArray();
    for (String sku : skus) {
      JsonObject o = new JsonObject();
      o.addProperty("sku", sku);
      o.addProperty("bid", 1.0 + Long.remainderUnsigned(Req.unsigned(sku), 5));
      arr.add(o);
    }
    return Http.ok("bids", arr);
  }

  private MockResponse enableSearchPromoProducts(Req r) {
    List<String> skus = requiredSkus(r.jsonBody(), "skus");
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

  // -------------------------------------------------------------------------------------------- statistics

  private MockResponse submit(Req r, String kind, Format format) {
    JsonObject body = r.jsonBody();
    List<String> ids = Req.ids(body, "campaigns");
    if (ids == null || ids.isEmpty()) {
      throw ApiError.badRequest("empty campaigns: campaigns is required, e.g. {\"campaigns\":[\"123\"]}");
    }
    if (ids.size() > Reports.MAX_CAMPAIGNS) {
      throw ApiError.badRequest("too many campaigns: at most " + Reports.MAX_CAMPAIGNS + " per report, got "
          + ids.size());
    }
    LocalDate[] range = range(Req.str(body, "dateFrom"), Req.str(body, "dateTo"), Req.str(body, "from"),
        Req.str(body, "to"), true);
    String groupBy = Optional.ofNullable(Req.str(body, "groupBy")).orElse("NO_GROUP_BY");
    if (!GROUP_BY.contains(groupBy)) {
      throw ApiError.badRequest("invalid groupBy '" + groupBy + "': use NO_GROUP_BY, DATE, START_OF_WEEK or "
          + "START_OF_MONTH");
    }
    Report rep = reports.submit(kind, format, ids, range[0], range[1], groupBy, false, null);
    return requestId(rep.uuid(), false);
  }

  private static MockResponse requestId(String uuid, boolean vendor) {
    JsonObject o = new JsonObject();
    o.addProperty("UUID", uuid);
    o.addProperty("vendor", vendor);
    return Http.ok(o);
  }

  /** Resolves dateFrom/dateTo (winning) or from/to; validates order and, if asked, the 62-day limit. */
  private static LocalDate[] range(String dateFrom, String dateTo, String from, String to, boolean limit) {
    LocalDate a;
    LocalDate b;
    if (dateFrom != null && dateTo != null) {
      a = Req.date("dateFrom", dateFrom);
      b = Req.date("dateTo", dateTo);
    } else if (from != null && to != null) {
      a = Req.dateTime("from", from);
      b = Req.dateTime("to", to);
    } else {
      throw ApiError.badRequest("dateFrom and dateTo (YYYY-MM-DD) are required");
    }
    if (a.isAfter(b)) {
      throw ApiError.badRequest("dateFrom " + a + " is after dateTo " + b);
    }
    if (limit && ChronoUnit.DAYS.between(a, b) + 1 > Reports.MAX_DAYS) {
      throw ApiError.badRequest("max statistics period: 62 days");
    }
    return new LocalDate[] {a, b};
  }

  private List<String> campaignIdsOfType(String type) {
    List<String> ids = new ArrayList<>();
    synchronized (stateLock) {
      for (SandboxCampaign c : campaigns.values()) {
        if (c.advObjectType().equals(type)) {
          ids.add(c.id());
        }
      }
    }
    return ids;
  }

  private MockResponse submitSearchPromo(Req r) {
    JsonObject body = r.jsonBody();
    LocalDate[] range = range(Req.str(body, "dateFrom"), Req.str(body, "dateTo"), Req.str(body, "from"),
        Req.str(body, "to"), true);
    List<String> ids = campaignIdsOfType("SEARCH_PROMO");
    Report rep = reports.submit("STATS", Format.CSV, ids.subList(0, Math.min(ids.size(), 10)), range[0], range[1],
        "NO_GROUP_BY", false, null);
    return requestId(rep.uuid(), false);
  }

  private MockResponse submitAllSkuPromo(Req r) {
    LocalDate[] range = range(null, null, r.query("timeBounds.from"), r.query("timeBounds.to"), true);
    List<String> ids = campaignIdsOfType("SEARCH_PROMO");
    Report rep = reports.submit("STATS", Format.CSV, ids.subList(0, Math.min(ids.size(), 10)), range[0], range[1],
        "NO_GROUP_BY", false, null);
    JsonObject o = new JsonObject();
    o.addProperty("UUID", rep.uuid());
    return Http.ok(o);
  }

  private MockResponse listReports(Req r, boolean vendor) {
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

  private MockResponse downloadReport(Req r) {
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
    LocalDate[] range = range(r.query("dateFrom"), r.query("dateTo"), r.query("from"), r.query("to"), false);
    synchronized (stateLock) {
      if (ids.isEmpty()) {
        for (SandboxCampaign c : campaigns.values()) {
          if (typeFilter == null || c.advObjectType().equals(typeFilter)) {
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

  private String title(String id) {
    return currentCampaign(id).map(SandboxCampaign::title).orElse("");
  }

  private MockResponse daily(Req r, boolean json) {
    SyncQuery q = syncQuery(r, null);
    JsonArray rows = new JsonArray();
    StringBuilder csv = new StringBuilder(
        "ID;Название;Дата;Показы;Клики;Расход, ₽;Средняя стоимость клика, ₽;Заказы;Продажи, ₽\n");
    for (String id : q.ids()) {
      String title = title(id);
      for (LocalDate d = q.from(); !d.isAfter(q.to()); d = d.plusDays(1)) {
        DailyMetrics m = data.metrics(id, d);
        if (json) {
          JsonObject o = new JsonObject();
          o.addProperty("id", id);
          o.addProperty("title", title);
          o.addProperty("date", d.toString());
          o.addProperty("views", Long.toString(m.views()));
          o.addProperty("clicks", Long.toString(m.clicks()));
          o.addProperty("moneySpent", Reports.comma(m.spend()));
          o.addProperty("avgBid", Reports.comma(m.avgBid()));
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

  private MockResponse expense(Req r, boolean json) {
    SyncQuery q = syncQuery(r, null);
    JsonArray rows = new JsonArray();
    StringBuilder csv = new StringBuilder("ID;Название;Дата;Расход, ₽;Расход бонусов, ₽\n");
    for (String id : q.ids()) {
      String title = title(id);
      for (LocalDate d = q.from(); !d.isAfter(q.to()); d = d.plusDays(1)) {
        DailyMetrics m = data.metrics(id, d);
        if (json) {
          JsonObject o = new JsonObject();
          o.addProperty("id", id);
          o.addProperty("title", title);
          o.addProperty("date", d.toString());
          o.addProperty("moneySpent", Reports.comma(m.spend()));
          o.addProperty("bonusSpent", "0,00");
          rows.add(o);
        } else {
          csv.append(id).append(';').append(csvText(title)).append(';').append(d).append(';')
              .append(Reports.comma(m.spend())).append(";0,00\n");
        }
      }
    }
    return json ? rowsJson(rows) : csv(csv);
  }

  private MockResponse campaignSummary(Req r, boolean json, String type) {
    SyncQuery q = syncQuery(r, type);
    JsonArray rows = new JsonArray();
    StringBuilder csv = new StringBuilder(
        "ID;Название;Показы;Клики;CTR (%);Расход, ₽;Средняя стоимость клика, ₽;Заказы;Продажи, ₽\n");
    for (String id : q.ids()) {
      DailyMetrics m = data.total(id, q.from(), q.to());
      String title = title(id);
      if (json) {
        JsonObject o = Reports.jsonMetrics(m);
        o.addProperty("id", id);
        o.addProperty("title", title);
        rows.add(o);
      } else {
        csv.append(id).append(';').append(csvText(title)).append(';').append(m.views()).append(';')
            .append(m.clicks()).append(';').append(Reports.comma(m.ctrPercent())).append(';')
            .append(Reports.comma(m.spend())).append(';').append(Reports.comma(m.avgBid())).append(';')
            .append(m.orders()).append(';').append(Reports.comma(m.ordersMoney())).append('\n');
      }
    }
    return json ? rowsJson(rows) : csv(csv);
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

  private MockResponse productsSkuStatistics(Req r) {
    JsonObject body = r.jsonBody();
    List<String> ids = Req.ids(body, "campaignIds");
    if (ids == null || ids.isEmpty()) {
      throw ApiError.badRequest("empty campaigns: campaignIds is required");
    }
    LocalDate[] range = range(Req.str(body, "dateFrom"), Req.str(body, "dateTo"), null, null, true);
    JsonArray rows = new JsonArray();
    synchronized (stateLock) {
      for (String id : ids) {
        SandboxCampaign c = campaigns.get(id);
        if (c == null) {
          throw ApiError.notFound("campaign not found: " + id);
        }
        Map<String, SandboxProduct> ps = products.get(id);
        for (LocalDate d = range[0]; !d.isAfter(range[1]); d = d.plusDays(1)) {
          DailyMetrics m = data.metrics(id, d);
          for (SandboxProduct p : ps.values()) {
            JsonObject o = new JsonObject();
            o.addProperty("campaignId", id);
            o.addProperty("sku", p.sku());
            o.addProperty("date", d.toString());
            long n = Math.max(1, ps.size());
            o.addProperty("views", Long.toString(m.views() / n));
            o.addProperty("clicks", Long.toString(m.clicks() / n));
            o.addProperty("orders", Long.toString(m.orders() / n));
            o.addProperty("expense", Reports.comma(m.spend().divide(java.math.BigDecimal.valueOf(n), 2,
                java.math.RoundingMode.HALF_UP)));
            rows.add(o);
          }
        }
      }
    }
    return rowsJson(rows);
  }

  // ------------------------------------------------------------------------------------------------ vendor

  private MockResponse submitVendor(Req r) {
    JsonObject body = r.jsonBody();
    LocalDate[] range = range(Req.str(body, "dateFrom"), Req.str(body, "dateTo"), null, null, true);
    String type = Optional.ofNullable(Req.str(body, "type")).orElse("TRAFFIC_SOURCES");
    if (!type.equals("TRAFFIC_SOURCES") && !type.equals("ORDERS")) {
      throw ApiError.badRequest("invalid type '" + type + "': use TRAFFIC_SOURCES or ORDERS");
    }
    Report rep = reports.submit("STATS", Format.CSV, List.of(), range[0], range[1], "NO_GROUP_BY", true, type);
    return requestId(rep.uuid(), true);
  }

  private MockResponse vendorStatus(Req r) {
    Report rep = reports.get(r.path("UUID"));
    if (!rep.vendor()) {
      throw ApiError.notFound("report not found");
    }
    return Http.ok(reports.status(rep));
  }

  private MockResponse vendorTag(Req r) {
    String org = r.query("orgId");
    if (org == null || org.isEmpty()) {
      throw ApiError.badRequest("orgId is required");
    }
    JsonObject o = new JsonObject();
    o.addProperty("tag", "ozon-sandbox-" + Req.checkId("orgId", org));
    return Http.ok(o);
  }
}
