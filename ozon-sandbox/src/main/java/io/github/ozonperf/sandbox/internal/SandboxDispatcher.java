package io.github.ozonperf.sandbox.internal;

import io.github.ozonperf.sandbox.Faults;
import io.github.ozonperf.sandbox.RecordedCall;
import io.github.ozonperf.sandbox.SandboxCampaign;
import io.github.ozonperf.sandbox.SandboxData;
import io.github.ozonperf.sandbox.internal.Http.ApiError;
import io.github.ozonperf.sandbox.internal.Reports.Format;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;

/**
 * Routes every request of the sandbox. The route table ({@link #registerRoutes()}) is the index of everything the
 * sandbox implements; the handlers live in one class per resource ({@link TokenRoutes}, {@link CampaignRoutes},
 * {@link ProductRoutes}, {@link SearchPromoRoutes}, {@link StatisticsRoutes}, {@link VendorRoutes}) around one
 * {@link SandboxState}. This class keeps dispatch, fault injection and the request log. Thread-safe: MockWebServer
 * calls it concurrently.
 */
public final class SandboxDispatcher extends Dispatcher {
  private static final String TOKEN_PATH = TokenRoutes.TOKEN_PATH;
  private static final int RECENT = 200;

  private final Faults faults;
  private final Clock clock;
  private final SandboxState state;
  private final TokenRoutes token;
  private final CampaignRoutes campaigns;
  private final ProductRoutes products;
  private final SearchPromoRoutes searchPromo;
  private final StatisticsRoutes statistics;
  private final VendorRoutes vendors;
  private final List<Route> routes = new ArrayList<>();
  private final SplittableRandom faultRandom;

  private final Map<String, LongAdder> byPattern = new ConcurrentHashMap<>();
  private final Map<String, LongAdder> byPath = new ConcurrentHashMap<>();
  private final LongAdder total = new LongAdder();
  private final Deque<RecordedCall> recent = new ArrayDeque<>();

  private volatile MockWebServer server;

  /** Creates the dispatcher; {@link #attach(MockWebServer)} it once the server runs. */
  public SandboxDispatcher(String clientId, String clientSecret, Duration tokenTtl, Clock clock,
      Duration reportDuration, SandboxData data, Faults faults) {
    this.faults = faults;
    this.clock = clock;
    this.faultRandom = new SplittableRandom(faults.seed());
    this.state = new SandboxState(clock, reportDuration, data, faults);
    this.token = new TokenRoutes(clientId, clientSecret, tokenTtl, state);
    this.campaigns = new CampaignRoutes(state);
    this.products = new ProductRoutes(state);
    this.searchPromo = new SearchPromoRoutes(state);
    this.statistics = new StatisticsRoutes(state);
    this.vendors = new VendorRoutes(state);
    registerRoutes();
  }

  /** Lets the dispatcher drain MockWebServer's own request log, which would otherwise grow without bound. */
  public void attach(MockWebServer server) {
    this.server = server;
  }

  public String clientId() {
    return token.clientId();
  }

  public String clientSecret() {
    return token.clientSecret();
  }

  public SandboxData data() {
    return state.data;
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
    token.expireAll();
  }

  public Optional<SandboxCampaign> currentCampaign(String id) {
    return state.currentCampaign(id);
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
        response = method.equals("POST") ? token.token(request, now)
            : Http.error(405, "method " + method + " not allowed: use POST " + TOKEN_PATH);
      } else if (!token.authorized(request, now)) {
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
    route("GET", "/api/client/campaign", campaigns::listCampaigns);
    route("GET", "/api/client/campaign/{campaignId}/objects", campaigns::campaignObjects);
    route("GET", "/api/client/limits/list", r -> campaigns.limits());
    route("POST", "/api/client/min/sku", campaigns::minBidsBySku);
    route("GET", "/api/client/products_with_bonuses", r -> campaigns.productsWithBonuses());
    route("POST", "/api/client/campaign/cpc/v2/product", campaigns::createCampaign);
    route("POST", "/external/api/dynamic_budget", campaigns::dynamicBudget);
    route("POST", "/api/client/campaign/{campaignId}/activate", r -> campaigns.setState(r, true));
    route("POST", "/api/client/campaign/{campaignId}/deactivate", r -> campaigns.setState(r, false));
    // Products and bids (the literal "search_promo" paths are registered before {campaignId} ones below)
    route("POST", "/api/client/campaign/search_promo/v2/products", searchPromo::searchPromoProducts);
    route("POST", "/api/client/campaign/search_promo/v2/bids/set", searchPromo::searchPromoSetBids);
    route("POST", "/api/client/campaign/search_promo/v2/bids/delete", r -> searchPromo.skusOnly(r, "sku"));
    route("POST", "/api/client/campaign/search_promo/carrots/enable", r -> searchPromo.carrots(r, true));
    route("POST", "/api/client/campaign/search_promo/carrots/disable", r -> searchPromo.carrots(r, false));
    route("GET", "/api/client/campaign/all_sku_promo/activate", r -> searchPromo.allSkuPromoActivate());
    route("GET", "/api/client/campaign/all_sku_promo/deactivate", r -> Http.noBody());
    route("GET", "/api/client/campaign/all_sku_promo/set_bid", searchPromo::allSkuPromoSetBid);
    route("PATCH", "/api/client/campaign/{campaignId}", campaigns::patchCampaign);
    route("POST", "/api/client/campaign/{campaignId}/products", r -> products.upsertProducts(r, true));
    route("PUT", "/api/client/campaign/{campaignId}/products", r -> products.upsertProducts(r, false));
    route("GET", "/api/client/campaign/{campaignId}/v2/products", products::listProducts);
    route("POST", "/api/client/campaign/{campaignId}/products/delete", products::deleteProducts);
    route("GET", "/api/client/campaign/{campaignId}/products/bids/competitive", products::competitiveBids);
    route("POST", "/api/client/search_promo/bids/recommendation", searchPromo::recommendedBids);
    route("POST", "/api/client/search_promo/get_cpo_min_bids", searchPromo::cpoMinBids);
    route("POST", "/api/client/search_promo/product/enable", searchPromo::enableSearchPromoProducts);
    route("POST", "/api/client/search_promo/product/disable", r -> searchPromo.skusOnly(r, "skus"));
    // Statistics (literal paths before /statistics/{UUID})
    route("POST", "/api/client/statistics", r -> statistics.submit(r, "STATS", Format.CSV));
    route("POST", "/api/client/statistics/json", r -> statistics.submit(r, "STATS", Format.JSON));
    route("POST", "/api/client/statistics/video", r -> statistics.submit(r, "VIDEO", Format.CSV));
    route("POST", "/api/client/statistics/attribution", r -> statistics.submit(r, "ATTRIBUTION", Format.CSV));
    route("POST", "/api/client/statistics/phrases", r -> statistics.submit(r, "SEARCH_PHRASES", Format.CSV));
    route("POST", "/api/client/statistic/orders/generate", r -> statistics.submitSearchPromo(r, Format.ORDERS_CSV));
    route("POST", "/api/client/statistic/products/generate", r -> statistics.submitSearchPromo(r, Format.PRODUCTS_CSV));
    route("GET", "/api/client/statistics/all_sku_promo/orders/generate", r -> statistics.submitAllSkuPromo(r, Format.ORDERS_CSV));
    route("GET", "/api/client/statistics/all_sku_promo/products/generate",
        r -> statistics.submitAllSkuPromo(r, Format.PRODUCTS_CSV));
    route("GET", "/api/client/statistics/list", r -> statistics.listReports(r, false));
    route("GET", "/api/client/statistics/externallist", r -> statistics.listReports(r, false));
    route("GET", "/api/client/statistics/report", statistics::downloadReport);
    route("GET", "/api/client/statistics/daily", r -> statistics.daily(r, false));
    route("GET", "/api/client/statistics/daily/json", r -> statistics.daily(r, true));
    route("GET", "/api/client/statistics/expense", r -> statistics.expense(r, false));
    route("GET", "/api/client/statistics/expense/json", r -> statistics.expense(r, true));
    route("GET", "/api/client/statistics/campaign/product", r -> statistics.campaignSummary(r, false, false));
    route("GET", "/api/client/statistics/campaign/product/json", r -> statistics.campaignSummary(r, true, false));
    route("GET", "/api/client/statistics/campaign/media", r -> statistics.campaignSummary(r, false, true));
    route("GET", "/api/client/statistics/campaign/media/json", r -> statistics.campaignSummary(r, true, true));
    route("POST", "/api/client/statistics/products/sku", statistics::productsSkuStatistics);
    route("GET", "/api/client/statistics/{UUID}", statistics::status);
    // Vendor
    route("POST", "/api/client/vendors/statistics", vendors::submitVendor);
    route("GET", "/api/client/vendors/statistics/list", r -> statistics.listReports(r, true));
    route("GET", "/api/client/vendors/statistics/{UUID}", vendors::vendorStatus);
    route("GET", "/api/client/organisation/vendor_tag", vendors::vendorTag);
  }

}
