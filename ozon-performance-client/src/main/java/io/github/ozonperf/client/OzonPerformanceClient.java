package io.github.ozonperf.client;

import io.github.ozonperf.auth.ClientCredentials;
import io.github.ozonperf.auth.ConfigurationException;
import io.github.ozonperf.auth.Loopback;
import io.github.ozonperf.auth.TimeSource;
import io.github.ozonperf.auth.TokenListener;
import io.github.ozonperf.auth.TokenProvider;
import io.github.ozonperf.auth.TokenRequestFormat;
import io.github.ozonperf.auth.TokenStore;
import io.github.ozonperf.client.api.CampaignsApi;
import io.github.ozonperf.client.api.ProductsApi;
import io.github.ozonperf.client.api.SearchPromoApi;
import io.github.ozonperf.client.api.StatisticsApi;
import io.github.ozonperf.client.api.StatisticsJsonApi;
import io.github.ozonperf.client.api.VendorApi;
import io.github.ozonperf.client.internal.NoResendGuard;
import io.github.ozonperf.client.internal.OzonApiClient;
import io.github.ozonperf.client.internal.RateLimiter;
import io.github.ozonperf.client.internal.RetryInterceptor;
import io.github.ozonperf.client.model.Campaign;
import io.github.ozonperf.client.model.CampaignList;
import io.github.ozonperf.client.internal.report.DefaultReports;
import io.github.ozonperf.client.report.ReportOptions;
import io.github.ozonperf.client.report.Reports;
import java.io.Closeable;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;
import okhttp3.HttpUrl;
import okhttp3.ConnectionSpec;
import okhttp3.OkHttpClient;

/**
 * The entry point of the SDK: one thread-safe client per Ozon Performance service account.
 *
 * <pre>{@code
 * try (OzonPerformanceClient client = OzonPerformanceClient.fromEnvironment()) {   // OZON_CLIENT_ID/SECRET
 *   List<Campaign> running = client.listAllCampaigns(CampaignFilter.builder()
 *       .state(CampaignState.CAMPAIGN_STATE_RUNNING).build());
 *   DailyStatisticsJson daily = client.statisticsJson().getDailyStatisticsJson(
 *       List.of(running.get(0).getId()), LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 31));
 * }
 * }</pre>
 *
 * <p>What it wires, once, at {@link Builder#build()}: one OkHttpClient (derived from yours if you pass one, sharing
 * its connection pool and dispatcher) carrying, in order, the rate-limit/retry interceptor, the ozon-auth
 * {@code Authorization: Bearer} interceptor and the 401 token-refresh authenticator; the generated API classes on
 * top of it. Behaviour:
 * <ul>
 *   <li><b>Errors</b>: every failure of a synchronous call of the API classes arrives as an
 *       {@link OzonApiException} subclass (see its table), including token refresh failures and unreadable bodies.
 *       Exceptions: a null for a required parameter throws the generated {@code ApiException} before any request
 *       (a programming error), and the generated {@code ...Async} methods report the generated exception type.</li>
 *   <li><b>Rate limits</b>: one cool-down shared by all calls of this client. After a 429, every call waits it out
 *       (Ozon's {@code Retry-After} when sent, else exponential backoff with jitter) instead of each collecting its
 *       own 429. Counters in {@link #stats()}.</li>
 *   <li><b>Retries</b>: GETs are retried (at most {@link Builder#maxRetries(int)} times) on 429, 502/503/504 and
 *       connection failures, with backoff: a GET reaches Ozon at most {@code 1 + maxRetries} times (plus the one
 *       re-send after a 401). POST, PUT and PATCH are never re-sent once they may have reached Ozon. OkHttp's own
 *       repeats (after connection failures, on 408, on 503 with {@code Retry-After: 0}) are turned off.</li>
 *   <li><b>401</b>: the token is refreshed once and the call repeated once; a second 401 is
 *       {@link OzonAuthenticationException}.</li>
 * </ul>
 */
public final class OzonPerformanceClient implements Closeable {
  /** Ozon's API host, the default base URL. */
  public static final String DEFAULT_BASE_URL = "https://api-performance.ozon.ru";
  /** Base URL variable read by {@link Builder#environment(Map)}. */
  public static final String ENV_API_URL = "OZON_API_URL";
  /** Token URL variable read by {@link Builder#environment(Map)}. */
  public static final String ENV_TOKEN_URL = "OZON_TOKEN_URL";
  /** Token request format variable ({@code JSON} or {@code FORM}) read by {@link Builder#environment(Map)}. */
  public static final String ENV_TOKEN_FORMAT = "OZON_TOKEN_FORMAT";
  static final String CAMPAIGN_PATH = "/api/client/campaign";
  static final int MAX_PAGES = 10_000;
  static final int PAGE_ATTEMPTS = 4;
  /** The page size Ozon was observed to serve at most, whatever pageSize asked for. */
  static final int OBSERVED_PAGE_CAP = 100;

  private final String baseUrl;
  private final TokenProvider tokens;
  private final OkHttpClient http;
  private final boolean ownsHttp;
  private final RateLimiter limiter;
  private final OzonApiClient apiClient;
  private final CampaignsApi campaigns;
  private final ProductsApi products;
  private final StatisticsApi statistics;
  private final StatisticsJsonApi statisticsJson;
  private final SearchPromoApi searchPromo;
  private final VendorApi vendor;
  private final Reports reports;

  private static OkHttpClient defaultHttpClient(String baseUrl, String tokenUrl) {
    OkHttpClient.Builder ob = new OkHttpClient.Builder()
        .connectTimeout(Duration.ofSeconds(10))
        .readTimeout(Duration.ofSeconds(30))
        .writeTimeout(Duration.ofSeconds(30));
    if (baseUrl.startsWith("http:") && tokenUrl.startsWith("http:")) {
      // Plain http is only accepted on loopback (tests, the sandbox). Without a TLS connection spec OkHttp skips
      // loading the platform's trust store and TLS context: ~100 ms of CPU at start-up (benchmarks/RESULTS.md).
      ob.connectionSpecs(List.of(ConnectionSpec.CLEARTEXT));
    }
    return ob.build();
  }

  private OzonPerformanceClient(Builder b, ClientCredentials credentials, String baseUrl, String tokenUrl,
      TokenRequestFormat format) {
    this.baseUrl = baseUrl;
    this.ownsHttp = b.okHttpClient == null;
    OkHttpClient base = b.okHttpClient != null ? b.okHttpClient : defaultHttpClient(baseUrl, tokenUrl);
    TokenProvider.Builder tb = TokenProvider.builder()
        .credentials(credentials)
        .tokenUrl(tokenUrl)
        .requestFormat(format)
        .timeSource(b.timeSource)
        .listener(b.tokenListener)
        .tokenStore(b.tokenStore)
        .httpClient(base);
    if (b.connectTimeout != null) {
      tb.connectTimeout(b.connectTimeout);
    }
    this.tokens = tb.build();
    this.limiter = new RateLimiter(b.timeSource, b.maxCoolDown, b.jitter);
    OkHttpClient.Builder hb = base.newBuilder()
        // Only RetryInterceptor repeats requests: OkHttp would otherwise silently re-send (a POST too) after a
        // connection failure or a 408.
        .retryOnConnectionFailure(false)
        .addInterceptor(new RetryInterceptor(limiter, b.maxRetries))
        .addInterceptor(tokens.interceptor())
        // stats() counts what goes on the wire, including re-sends made below the application interceptors.
        .addNetworkInterceptor(chain -> {
          limiter.onSent();
          return chain.proceed(chain.request());
        })
        // OkHttp would re-send any request at once on "503 + Retry-After: 0": hide that header from it.
        .addNetworkInterceptor(new NoResendGuard())
        .authenticator(tokens.authenticator());
    if (b.connectTimeout != null) {
      hb.connectTimeout(b.connectTimeout);
    }
    if (b.readTimeout != null) {
      hb.readTimeout(b.readTimeout).writeTimeout(b.readTimeout);
    }
    if (b.callTimeout != null) {
      hb.callTimeout(b.callTimeout);
    }
    this.http = hb.build();
    this.apiClient = new OzonApiClient(http, baseUrl);
    this.campaigns = new CampaignsApi(apiClient);
    this.products = new ProductsApi(apiClient);
    this.statistics = new StatisticsApi(apiClient);
    this.statisticsJson = new StatisticsJsonApi(apiClient);
    this.searchPromo = new SearchPromoApi(apiClient);
    this.vendor = new VendorApi(apiClient);
    // Same account key => same single report-generation slot, across clients of this JVM.
    this.reports = new DefaultReports(statistics, statisticsJson, baseUrl + "|" + tokens.clientId(), b.reportOptions,
        this::campaignTypes);
  }

  /**
   * A new builder.
   *
   * <pre>{@code
   * OzonPerformanceClient client = OzonPerformanceClient.builder()
   *     .credentials(ClientCredentials.of(clientId, clientSecret))
   *     .readTimeout(Duration.ofSeconds(60))
   *     .build();
   * }</pre>
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A client configured from the process environment: {@code OZON_CLIENT_ID} and {@code OZON_CLIENT_SECRET}
   * (or {@code OAUTH_CLIENT_ID}/{@code OAUTH_CLIENT_SECRET}), optional {@code OZON_API_URL},
   * {@code OZON_TOKEN_URL} and {@code OZON_TOKEN_FORMAT}.
   *
   * @return the client
   * @throws ConfigurationException naming what is missing or invalid
   */
  public static OzonPerformanceClient fromEnvironment() {
    return builder().environment(System.getenv()).build();
  }

  /**
   * Campaigns: list, objects, bid limits, create, activate/deactivate, patch.
   *
   * @return the generated API class, bound to this client
   */
  public CampaignsApi campaigns() {
    return campaigns;
  }

  /**
   * Products (SKUs) of pay-per-click campaigns and their bids.
   *
   * @return the generated API class, bound to this client
   */
  public ProductsApi products() {
    return products;
  }

  /**
   * Statistics: asynchronous reports (submit, status, download) and synchronous CSV statistics. For whole
   * reports with splitting, polling and parsing, prefer the report workflow.
   *
   * @return the generated API class, bound to this client
   */
  public StatisticsApi statistics() {
    return statistics;
  }

  /**
   * The JSON twins of the statistics methods (not in Ozon's published document, used by public clients).
   *
   * @return the generated API class, bound to this client
   */
  public StatisticsJsonApi statisticsJson() {
    return statisticsJson;
  }

  /**
   * Search promotion (pay per order): products, bids, carrots, the all-SKU promo campaign.
   *
   * @return the generated API class, bound to this client
   */
  public SearchPromoApi searchPromo() {
    return searchPromo;
  }

  /**
   * Vendor (external traffic) analytics.
   *
   * @return the generated API class, bound to this client
   */
  public VendorApi vendor() {
    return vendor;
  }

  /**
   * The statistics report workflow: splits requests into chunks Ozon accepts (at most 10 campaigns and 62 days),
   * runs them one at a time per account, polls, streams downloads to disk and parses rows.
   *
   * @return the report workflow of this client
   */
  public Reports reports() {
    return reports;
  }

  /** {@code advObjectType} by id of the given campaigns (one filtered campaign-list walk), for report planning. */
  private Map<String, String> campaignTypes(List<String> ids) {
    Map<String, String> types = new HashMap<>();
    for (Campaign c : listAllCampaigns(CampaignFilter.builder().campaignIds(ids).build())) {
      if (c.getId() != null && c.getAdvObjectType() != null) {
        types.put(c.getId(), c.getAdvObjectType());
      }
    }
    return types;
  }

  /**
   * Every campaign matching the filter, walking all pages of {@code GET /api/client/campaign}.
   *
   * <p>Pages are requested one at a time. A 429 is waited out (shared cool-down) and the page asked again; after
   * the first 429 of a walk, each further page waits the last cool-down first, since Ozon was seen to answer
   * back-to-back pages with 429. The walk ends at an empty page or at a short one, "short" meaning below what the
   * server serves per page (a page of 100 is full even when a larger {@code pageSize} was asked, since Ozon was
   * seen to cap pages at 100); a server that ignores paging (the same page again) is detected. Campaigns are de-duplicated by id, in the order received.
   *
   * @param filter which campaigns, e.g. {@link CampaignFilter#all()}
   * @return an immutable list of every campaign
   * @throws OzonIncompleteResultException if the answer carried a {@code total} and fewer campaigns arrived
   * @throws OzonRateLimitException if a page stayed rate limited after several attempts
   * @throws OzonApiException for any other failure; never a silently truncated list
   */
  public List<Campaign> listAllCampaigns(CampaignFilter filter) {
    Objects.requireNonNull(filter, "filter == null: use CampaignFilter.all()");
    Map<String, Campaign> byId = new LinkedHashMap<>();
    List<Campaign> withoutId = new ArrayList<>();
    long total = -1;
    boolean paced = false;
    List<String> previousIds = null;
    int largestPage = 0;
    long page = 1;
    for (; page <= MAX_PAGES; page++) {
      if (paced) {
        pause(limiter.lastCoolDown());
      }
      long rateLimitedBefore = limiter.stats().rateLimited();
      CampaignList list = fetchCampaignPage(filter, page);
      if (limiter.stats().rateLimited() > rateLimitedBefore) {
        paced = true;
      }
      if (list.getTotal() != null && !list.getTotal().isBlank()) {
        try {
          total = Long.parseLong(list.getTotal().strip());
        } catch (NumberFormatException ignored) {
          // A non-numeric total cannot be checked; the walk still ends at a short page.
        }
      }
      List<Campaign> items = list.getList() == null ? List.of() : list.getList();
      if (items.isEmpty()) {
        break;
      }
      List<String> ids = new ArrayList<>(items.size());
      for (Campaign c : items) {
        ids.add(c.getId());
      }
      if (ids.equals(previousIds)) {
        break; // the server ignores "page": we already have this page
      }
      previousIds = ids;
      for (Campaign c : items) {
        if (c.getId() == null) {
          withoutId.add(c);
        } else {
          byId.putIfAbsent(c.getId(), c);
        }
      }
      largestPage = Math.max(largestPage, items.size());
      // A page is short (the last one) only if it is below what the server actually serves per page: Ozon was
      // seen to cap pages at 100, so with pageSize(500) a full page of 100 is not the end.
      if (items.size() < Math.min(filter.pageSize(), Math.max(OBSERVED_PAGE_CAP, largestPage))) {
        break;
      }
    }
    long received = byId.size() + withoutId.size();
    if (page > MAX_PAGES) {
      throw new OzonIncompleteResultException("listAllCampaigns: stopped after " + MAX_PAGES + " pages of "
          + filter.pageSize() + " with " + received + " campaigns and no end in sight; narrow the filter.",
          CAMPAIGN_PATH, total, received);
    }
    if (total >= 0 && received < total) {
      throw new OzonIncompleteResultException("listAllCampaigns: Ozon reported " + total
          + " campaigns but the walk received only " + received + " (expected " + total + ", received " + received
          + ", pages of " + filter.pageSize() + "). Nothing is returned rather than a partial list: retry later, "
          + "or filter by campaignIds.", CAMPAIGN_PATH, total, received);
    }
    List<Campaign> all = new ArrayList<>(byId.values());
    all.addAll(withoutId);
    return List.copyOf(all);
  }

  private CampaignList fetchCampaignPage(CampaignFilter filter, long page) {
    List<String> ids = filter.campaignIds().isEmpty() ? null : filter.campaignIds();
    for (int attempt = 1; ; attempt++) {
      try {
        CampaignList list = campaigns.listCampaigns(ids, filter.advObjectType(), filter.state(), page,
            (long) filter.pageSize());
        return list != null ? list : new CampaignList();
      } catch (OzonRateLimitException e) {
        boolean waitable = e.retryAfter().map(d -> d.compareTo(Builder.DEFAULT_MAX_COOL_DOWN) <= 0).orElse(true);
        if (attempt >= PAGE_ATTEMPTS || !waitable) {
          throw e;
        }
        // The next attempt first waits out the cool-down the 429 set.
      }
    }
  }

  private void pause(Duration d) {
    if (d.isZero() || d.isNegative()) {
      return;
    }
    try {
      limiter.sleep(d);
    } catch (InterruptedIOException e) {
      throw new OzonConnectionException("listAllCampaigns was interrupted while pacing pages after a 429.", -1,
          null, null, "GET", CAMPAIGN_PATH, null, e);
    }
  }

  /**
   * The token cache of this client's service account (stats, prefetch, invalidate).
   *
   * @return the token provider
   */
  public TokenProvider tokens() {
    return tokens;
  }

  /**
   * Counters of the rate-limit engine: requests (as sent on the wire), 429s, cool-down waits, retries.
   *
   * @return a snapshot
   */
  public ClientStats stats() {
    return limiter.stats();
  }

  /**
   * The base URL the client talks to.
   *
   * @return e.g. {@value #DEFAULT_BASE_URL}
   */
  public String baseUrl() {
    return baseUrl;
  }

  /**
   * The OkHttpClient carrying authentication and the rate-limit engine, for calls the generated classes do not
   * cover (e.g. streaming a report with {@code statistics().downloadReportCall(uuid, null)}).
   *
   * @return the shared client; do not shut it down
   */
  public OkHttpClient httpClient() {
    return http;
  }

  /**
   * Stops the token cache's background work. If the client created its own OkHttpClient, also shuts down its
   * dispatcher and evicts its idle connections; an OkHttpClient you passed in is left running.
   */
  @Override
  public void close() {
    tokens.close();
    if (ownsHttp) {
      http.dispatcher().executorService().shutdown();
      http.connectionPool().evictAll();
    }
  }

  @Override
  public String toString() {
    return "OzonPerformanceClient[baseUrl=" + baseUrl + ", clientId=" + tokens.clientId() + "]";
  }

  /** Builds an {@link OzonPerformanceClient}. Explicit values win over {@link #environment(Map)}. */
  public static final class Builder {
    static final Duration DEFAULT_MAX_COOL_DOWN = Duration.ofSeconds(60);

    private ClientCredentials credentials;
    private Map<String, String> environment = Map.of();
    private String baseUrl;
    private String tokenUrl;
    private TokenRequestFormat tokenRequestFormat;
    private Duration connectTimeout;
    private Duration readTimeout;
    private Duration callTimeout;
    private OkHttpClient okHttpClient;
    private TokenListener tokenListener;
    private TokenStore tokenStore;
    private int maxRetries = 3;
    private TimeSource timeSource = TimeSource.system();
    private Duration maxCoolDown = DEFAULT_MAX_COOL_DOWN;
    private DoubleSupplier jitter = () -> ThreadLocalRandom.current().nextDouble();
    private ReportOptions reportOptions = ReportOptions.defaults();

    private Builder() {
    }

    /**
     * The service account's credentials. Required unless {@link #environment(Map)} provides them.
     *
     * @param credentials e.g. {@code ClientCredentials.of(id, secret)}
     * @return this
     */
    public Builder credentials(ClientCredentials credentials) {
      this.credentials = Objects.requireNonNull(credentials, "credentials == null");
      return this;
    }

    /**
     * Configuration variables, used where no explicit value was set: {@code OZON_CLIENT_ID},
     * {@code OZON_CLIENT_SECRET} (fallbacks {@code OAUTH_CLIENT_ID}, {@code OAUTH_CLIENT_SECRET}),
     * {@code OZON_API_URL}, {@code OZON_TOKEN_URL} (fallback {@code OAUTH_TOKEN_URL}) and {@code OZON_TOKEN_FORMAT}
     * ({@code JSON} or {@code FORM}). This is the only place the client reads the environment.
     *
     * @param environment variables by name, e.g. {@code System.getenv()}
     * @return this
     */
    public Builder environment(Map<String, String> environment) {
      this.environment = Map.copyOf(Objects.requireNonNull(environment, "environment == null"));
      return this;
    }

    /**
     * The API's base URL. Default {@value OzonPerformanceClient#DEFAULT_BASE_URL}. Plain http is refused unless
     * the host is loopback as {@link Loopback#isLoopback(HttpUrl)} defines it (tests, the sandbox).
     *
     * @param baseUrl an absolute http(s) URL
     * @return this
     */
    public Builder baseUrl(String baseUrl) {
      this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl == null");
      return this;
    }

    /**
     * The token endpoint. Default: the base URL + {@code /api/client/token}.
     *
     * @param tokenUrl an absolute URL
     * @return this
     */
    public Builder tokenUrl(String tokenUrl) {
      this.tokenUrl = Objects.requireNonNull(tokenUrl, "tokenUrl == null");
      return this;
    }

    /**
     * How the token request body is encoded. Default {@link TokenRequestFormat#JSON}, as Ozon documents.
     *
     * @param format the format
     * @return this
     */
    public Builder tokenRequestFormat(TokenRequestFormat format) {
      this.tokenRequestFormat = Objects.requireNonNull(format, "format == null");
      return this;
    }

    /**
     * Connect timeout of API and token requests. Default 10 s (or your OkHttpClient's).
     *
     * @param timeout positive
     * @return this
     */
    public Builder connectTimeout(Duration timeout) {
      this.connectTimeout = positive(timeout, "connectTimeout");
      return this;
    }

    /**
     * Read and write timeout of API requests. Default 30 s (or your OkHttpClient's).
     *
     * @param timeout positive
     * @return this
     */
    public Builder readTimeout(Duration timeout) {
      this.readTimeout = positive(timeout, "readTimeout");
      return this;
    }

    /**
     * Overall timeout of one call, including rate-limit waits and retries. Default none (or your
     * OkHttpClient's). Keep it above the longest cool-down (60 s) if you set it.
     *
     * @param timeout positive
     * @return this
     */
    public Builder callTimeout(Duration timeout) {
      this.callTimeout = positive(timeout, "callTimeout");
      return this;
    }

    /**
     * An OkHttpClient to derive from (its pool, dispatcher, proxy, TLS settings and interceptors are kept; its
     * {@code retryOnConnectionFailure} is turned off). Closing this SDK client leaves it running.
     *
     * @param client the base client
     * @return this
     */
    public Builder okHttpClient(OkHttpClient client) {
      this.okHttpClient = Objects.requireNonNull(client, "client == null");
      return this;
    }

    /**
     * Receives token events (fetched, refreshed, failed), e.g. for metrics.
     *
     * @param listener the listener, or null
     * @return this
     */
    public Builder tokenListener(TokenListener listener) {
      this.tokenListener = listener;
      return this;
    }

    /**
     * Persists tokens across restarts (opt-in), e.g. {@code FileTokenStore}.
     *
     * @param store the store, or null for none
     * @return this
     */
    public Builder tokenStore(TokenStore store) {
      this.tokenStore = store;
      return this;
    }

    /**
     * How many times a GET is re-sent on 429, 502/503/504 or a connection failure. Default 3; 0 disables
     * retries (the shared cool-down still applies).
     *
     * @param maxRetries 0 to 10
     * @return this
     */
    public Builder maxRetries(int maxRetries) {
      if (maxRetries < 0 || maxRetries > 10) {
        throw new IllegalArgumentException("maxRetries: must be 0..10, got " + maxRetries);
      }
      this.maxRetries = maxRetries;
      return this;
    }

    /**
     * The clocks and sleeper used for token deadlines, cool-downs and backoff. Tests inject a fake.
     *
     * @param timeSource the time source
     * @return this
     */
    public Builder timeSource(TimeSource timeSource) {
      this.timeSource = Objects.requireNonNull(timeSource, "timeSource == null");
      return this;
    }

    /**
     * Polling intervals, overall timeout and temp directory of the report workflow.
     *
     * @param options the options; default {@code ReportOptions.defaults()}
     * @return this
     */
    public Builder reportOptions(ReportOptions options) {
      this.reportOptions = Objects.requireNonNull(options, "options == null");
      return this;
    }

    /** Jitter source for backoff, for tests. */
    Builder jitter(DoubleSupplier jitter) {
      this.jitter = Objects.requireNonNull(jitter, "jitter == null");
      return this;
    }

    /** The longest shared cool-down, for tests. */
    Builder maxCoolDown(Duration maxCoolDown) {
      this.maxCoolDown = positive(maxCoolDown, "maxCoolDown");
      return this;
    }

    /**
     * Builds the client.
     *
     * @return the client
     * @throws ConfigurationException if credentials are missing or a URL or format is invalid
     */
    public OzonPerformanceClient build() {
      ClientCredentials creds = credentials != null ? credentials : ClientCredentials.fromEnvironment(environment);
      // Errors name where the value came from: the builder, or the environment variable.
      String baseFrom = baseUrl == null && first(environment.get(ENV_API_URL)) != null ? ENV_API_URL : "baseUrl";
      String base = normalizeBaseUrl(first(baseUrl, environment.get(ENV_API_URL), DEFAULT_BASE_URL), baseFrom);
      String token = first(tokenUrl, environment.get(ENV_TOKEN_URL), environment.get("OAUTH_TOKEN_URL"));
      if (token == null) {
        token = base + "/api/client/token";
      } else if (tokenUrl == null) {
        // The token URL's rule lives in ozon-auth; an error only gains the name of the variable it came from.
        try {
          TokenProvider.builder().tokenUrl(token);
        } catch (ConfigurationException e) {
          throw new ConfigurationException((first(environment.get(ENV_TOKEN_URL)) != null ? ENV_TOKEN_URL
              : "OAUTH_TOKEN_URL") + ": " + e.getMessage());
        }
      }
      TokenRequestFormat format = tokenRequestFormat;
      if (format == null) {
        String f = environment.get(ENV_TOKEN_FORMAT);
        if (f == null || f.isBlank()) {
          format = TokenRequestFormat.JSON;
        } else {
          try {
            format = TokenRequestFormat.valueOf(f.strip().toUpperCase(Locale.ROOT));
          } catch (IllegalArgumentException e) {
            throw new ConfigurationException(ENV_TOKEN_FORMAT + ": expected JSON or FORM, got \"" + f + "\"");
          }
        }
      }
      return new OzonPerformanceClient(this, creds, base, token, format);
    }

    private static String first(String... values) {
      for (String v : values) {
        if (v != null && !v.isBlank()) {
          return v.strip();
        }
      }
      return null;
    }

    static String normalizeBaseUrl(String url, String name) {
      HttpUrl parsed = HttpUrl.parse(url);
      if (parsed == null) {
        throw new ConfigurationException(name + ": not an absolute http(s) URL: \"" + url
            + "\" (expected e.g. " + DEFAULT_BASE_URL + ")");
      }
      if (!parsed.isHttps() && !Loopback.isLoopback(parsed)) {
        throw new ConfigurationException(name + ": plain http is refused for " + parsed.host()
            + " (tokens would travel unencrypted): use https://, or a loopback host for tests");
      }
      if (parsed.query() != null || parsed.fragment() != null) {
        throw new ConfigurationException(name + ": must not have a query or fragment: \"" + url + "\"");
      }
      String s = parsed.toString();
      while (s.endsWith("/")) {
        s = s.substring(0, s.length() - 1);
      }
      return s;
    }

    private static Duration positive(Duration d, String name) {
      Objects.requireNonNull(d, name + " == null");
      if (d.isZero() || d.isNegative()) {
        throw new IllegalArgumentException(name + ": must be positive, got " + d);
      }
      return d;
    }
  }
}
