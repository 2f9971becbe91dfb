package io.github.ozonperf.auth;

import io.github.ozonperf.auth.internal.Hashing;
import io.github.ozonperf.auth.internal.Slf4jTokenListener;
import java.io.Closeable;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.DoubleSupplier;
import okhttp3.Authenticator;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A thread-safe cache of one OAuth2 client-credentials token for the Ozon Performance API.
 *
 * <pre>{@code
 * TokenProvider tokens = TokenProvider.builder()
 *     .credentials(ClientCredentials.fromEnvironment())
 *     .build();
 * OkHttpClient api = new OkHttpClient.Builder()
 *     .addInterceptor(tokens.interceptor())      // adds Authorization: Bearer ...
 *     .authenticator(tokens.authenticator())     // one refresh + retry on 401
 *     .build();
 * }</pre>
 *
 * <p>How it behaves:
 * <ul>
 *   <li><b>Warm path.</b> {@link #getToken()} reads an immutable snapshot from a volatile field: no lock, no
 *       allocation. A token is reused until {@code refreshSkew} (default 60 s, at most half the lifetime) before
 *       it expires. With {@code advisoryRefresh} (default on), a call in the last 25 % of the lifetime starts one
 *       background refresh so that callers never wait on a warm cache.</li>
 *   <li><b>Single flight.</b> However many threads need a token at once, one token request is in flight; the
 *       others wait for it (no lock is held across I/O) and all get its token, or its error.</li>
 *   <li><b>Deadlines</b> run on the monotonic clock, anchored at the moment the token request was sent.
 *       {@code expires_in} that is missing, zero or negative counts as 300 s; more than a day is clamped to a day
 *       (both with a WARN).</li>
 *   <li><b>Failures.</b> 400/401/403, a malformed answer or a missing {@code access_token} are terminal: never
 *       retried, and repeated from memory for 10 s so a bad secret cannot flood the token endpoint. Timeouts,
 *       connection errors, 5xx and 429 are transient: retried per {@link RetryPolicy}. While the current token
 *       has not really expired, a failed refresh keeps serving it (with a WARN).</li>
 *   <li><b>Token requests</b> go through an OkHttpClient derived from {@link Builder#httpClient} that shares its
 *       connection pool, dispatcher, proxy and TLS settings but has none of its interceptors or authenticator (so
 *       no recursion, and no logging interceptor can print the secret), sends no cookies, does not follow
 *       redirects and never repeats a request by itself: only the {@link RetryPolicy} does.</li>
 *   <li><b>Short client ids.</b> A client id without {@code '@'} gets {@code @advertising.performance.ozon.ru}
 *       appended when the provider is built (logged once at INFO); Ozon rejects short ids with 401.</li>
 * </ul>
 *
 * <p>Events go to the {@link TokenListener} and to SLF4J (logger {@code io.github.ozonperf.auth.TokenProvider},
 * DEBUG; per-call reuse at TRACE). Tokens appear only as {@link AccessToken#fingerprint() fingerprints}, the
 * secret never. Call {@link #close()} to stop background work; the shared connection pool is not closed.
 */
public final class TokenProvider implements Closeable {
  private static final Logger LOG = LoggerFactory.getLogger(TokenProvider.class);
  /** Default token URL (Ozon's documented host). */
  public static final String DEFAULT_TOKEN_URL = "https://api-performance.ozon.ru/api/client/token";
  static final String CLIENT_ID_SUFFIX = "@advertising.performance.ozon.ru";
  static final long MIN_401_REFRESH_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(10);
  static final long TERMINAL_FAILURE_HOLD_NANOS = TimeUnit.SECONDS.toNanos(10);
  static final long TRANSIENT_FAILURE_HOLD_NANOS = TimeUnit.SECONDS.toNanos(1);
  static final long ADVISORY_RETRY_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(10);
  private static final AtomicInteger THREAD_IDS = new AtomicInteger();

  /** Immutable cache state. Deadlines are nanoTime values. */
  static final class Snapshot {
    final AccessToken token;
    final String fingerprint;
    final long advisoryAt;
    final long mandatoryAt;
    final long expiresAt;
    final boolean usable;
    final TokenEvent reused;
    /** Emitted once this snapshot is installed (FETCHED or LOADED_FROM_STORE), or null. */
    TokenEvent announce;
    /**
     * Set once a request carrying this token got an answer other than 401: the server accepted the token, so a
     * later 401 for it is a revocation worth one refresh, not a sign that the server rejects fresh tokens.
     */
    volatile boolean proven;

    Snapshot(AccessToken token, long advisoryAt, long mandatoryAt, long expiresAt, boolean usable) {
      this.token = token;
      this.fingerprint = token == null ? null : token.fingerprint();
      this.advisoryAt = advisoryAt;
      this.mandatoryAt = mandatoryAt;
      this.expiresAt = expiresAt;
      this.usable = usable;
      this.reused = token == null ? null
          : new TokenEvent(TokenEvent.Type.REUSED, fingerprint, token.expiresAt(), null, 0, null);
    }

    Snapshot unusable(long now) {
      return new Snapshot(token, now, now, now, false);
    }
  }

  /** A remembered failed flight. */
  private record FailureMemo(TokenRefreshException exception, long at) {
  }

  /** A 401-triggered refresh: the token it invalidated and when. */
  private record Refresh401(AccessToken replaced, long at) {
  }

  private final ClientCredentials credentials;
  private final String tokenUrl;
  private final Duration refreshSkew;
  private final boolean advisoryRefresh;
  private final RetryPolicy retryPolicy;
  private final TimeSource time;
  private final TokenListener listener;
  private final TokenStore store;
  private final String storeKey;
  private final DoubleSupplier random;
  private final TokenFetcher fetcher;
  /** The client we created when no base client was given; its pool is ours to clear on close. */
  private final OkHttpClient ownedClient;
  private final ThreadPoolExecutor executor;
  private final BearerTokenInterceptor interceptor = new BearerTokenInterceptor(this);
  private final TokenRefreshAuthenticator authenticator = new TokenRefreshAuthenticator(this);

  private final AtomicReference<Snapshot> snapshot = new AtomicReference<>();
  private final AtomicReference<CompletableFuture<Snapshot>> inFlight = new AtomicReference<>();
  private volatile FailureMemo lastFailure;
  private volatile long advisoryNotBefore;
  private volatile boolean advisoryBlocked;
  /** The last 401-triggered refresh: which token it replaced and when (nanoTime); null before the first. */
  private final AtomicReference<Refresh401> last401 = new AtomicReference<>();
  /** The thread running the current flight, so a listener on it cannot wait for its own flight (deadlock). */
  private volatile Thread flightThread;
  private volatile boolean storeConsulted;
  private volatile boolean closed;

  private final LongAdder tokenRequests = new LongAdder();
  private final LongAdder successes = new LongAdder();
  private final LongAdder failures = new LongAdder();
  private final LongAdder cacheHits = new LongAdder();
  private final LongAdder cacheMisses = new LongAdder();
  private final LongAdder refreshesOn401 = new LongAdder();
  private final LongAdder earlyRefreshes = new LongAdder();
  private final LongAdder storeLoads = new LongAdder();

  private TokenProvider(Builder b) {
    ClientCredentials given = Objects.requireNonNull(b.credentials,
        "credentials == null: call credentials(ClientCredentials.fromEnvironment()) or credentials(of(id, secret))");
    if (given.clientId().indexOf('@') < 0) {
      String full = given.clientId() + CLIENT_ID_SUFFIX;
      LOG.info("Client id has no '@': using {} (Ozon answers 401 invalid_client to short ids)", full);
      given = new ClientCredentials(full, given.clientSecret());
    }
    this.credentials = given;
    this.tokenUrl = b.tokenUrl;
    this.refreshSkew = b.refreshSkew;
    this.advisoryRefresh = b.advisoryRefresh;
    this.retryPolicy = b.retryPolicy;
    this.time = b.timeSource;
    Slf4jTokenListener log = new Slf4jTokenListener(LOG);
    TokenListener user = b.listener;
    this.listener = user == null ? log : event -> {
      log.onEvent(event);
      try {
        user.onEvent(event);
      } catch (RuntimeException e) {
        LOG.warn("TokenListener threw {}; ignoring it", e.getClass().getName());
      }
    };
    this.store = b.tokenStore;
    this.storeKey = Hashing.sha256Hex(credentials.clientId() + "\n" + tokenUrl);
    this.random = b.random;
    this.ownedClient = b.httpClient == null ? new OkHttpClient() : null;
    OkHttpClient base = b.httpClient != null ? b.httpClient : ownedClient;
    OkHttpClient.Builder tokenClient = base.newBuilder()
        // The RetryPolicy is the only layer that repeats a token request (with backoff, counted in stats()):
        // OkHttp would otherwise re-send the POST with the secret after a connection failure or a 408.
        .retryOnConnectionFailure(false)
        .followRedirects(false)
        .followSslRedirects(false)
        .authenticator(Authenticator.NONE)
        // The API client's cookies are none of the token endpoint's business, and it must not set any for the API.
        .cookieJar(okhttp3.CookieJar.NO_COOKIES)
        .connectTimeout(b.connectTimeout)
        .readTimeout(b.readTimeout)
        .writeTimeout(b.readTimeout)
        .callTimeout(b.connectTimeout.plus(b.readTimeout).plus(b.readTimeout));
    tokenClient.interceptors().clear();
    tokenClient.networkInterceptors().clear();
    tokenClient.addNetworkInterceptor(TokenProvider::hideZeroRetryAfterOn503);
    this.fetcher = new TokenFetcher(tokenClient.build(), tokenUrl, credentials.clientId(), credentials.clientSecret(),
        b.requestFormat, b.scope, b.audience);
    this.executor = new ThreadPoolExecutor(1, 1, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
      Thread t = new Thread(r, "ozon-auth-token-refresh-" + THREAD_IDS.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    this.executor.allowCoreThreadTimeOut(true);
  }

  /**
   * OkHttp 5 re-sends any request at once, whatever {@code retryOnConnectionFailure} says, when a 503 carries
   * {@code Retry-After: 0}. Hiding that header from it leaves the repeat to the RetryPolicy, with its backoff.
   */
  private static okhttp3.Response hideZeroRetryAfterOn503(Interceptor.Chain chain) throws java.io.IOException {
    okhttp3.Response response = chain.proceed(chain.request());
    String retryAfter = response.code() == 503 ? response.header("Retry-After") : null;
    if (retryAfter != null && retryAfter.strip().matches("0+")) {
      return response.newBuilder().removeHeader("Retry-After").build();
    }
    return response;
  }

  /**
   * A new builder.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns a valid token, fetching one if needed. Lock-free and allocation-free while the cached token is fresh;
   * otherwise waits for the single in-flight token request. Safe to call from any thread.
   *
   * @return a token that has not reached its refresh deadline (or, if refreshing failed, has not expired)
   * @throws TokenRefreshException if no valid token could be obtained; see its message for the fix
   */
  public AccessToken getToken() throws TokenRefreshException {
    Snapshot s = snapshot.get();
    if (s != null) {
      long now = time.nanoTime();
      if (now - s.mandatoryAt < 0) {
        cacheHits.increment();
        if (advisoryRefresh && now - s.advisoryAt >= 0) {
          maybeRefreshEarly(now);
        }
        listener.onEvent(s.reused);
        return s.token;
      }
    }
    return slowPath();
  }

  private AccessToken slowPath() throws TokenRefreshException {
    cacheMisses.increment();
    ensureOpen();
    Snapshot s = snapshot.get();
    long now = time.nanoTime();
    if (s != null && s.usable && now - s.mandatoryAt < 0) {
      return s.token;
    }
    FailureMemo memo = lastFailure;
    if (memo != null && inFlight.get() == null && now - memo.at < hold(memo.exception)) {
      // A flight just failed: do not hammer the token endpoint; serve a still-valid token or repeat the error.
      if (s != null && s.usable && now - s.expiresAt < 0) {
        return s.token;
      }
      throw copy(memo.exception);
    }
    try {
      if (Thread.currentThread() == flightThread) {
        // A TokenListener running on the refresh thread asked for a token: waiting would wait for itself forever
        // (the refresh executor has one thread), and every later token request would queue behind it.
        throw new TokenRefreshException("getToken() was called from a TokenListener while a token request is in "
            + "progress on the same thread; listeners must not wait for tokens: hand such work to another thread",
            true, -1, null, null);
      }
      return await(startFlight(false)).token;
    } catch (TokenRefreshException e) {
      Snapshot still = snapshot.get();
      if (!closed && still != null && still.usable && time.nanoTime() - still.expiresAt < 0) {
        LOG.warn("Token refresh failed; serving the current token {} until it expires at {}",
            still.fingerprint, still.token.expiresAt());
        return still.token;
      }
      throw e;
    }
  }

  private static long hold(TokenRefreshException e) {
    return e.isTerminal() ? TERMINAL_FAILURE_HOLD_NANOS : TRANSIENT_FAILURE_HOLD_NANOS;
  }

  private Snapshot await(CompletableFuture<Snapshot> flight) throws TokenRefreshException {
    try {
      return flight.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TokenRefreshException("interrupted while waiting for a token (the calling thread was interrupted, "
          + "e.g. its task was cancelled); the token request continues for other callers, retry the call", false,
          -1, null, e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof TokenRefreshException tre) {
        throw copy(tre);
      }
      throw new TokenRefreshException("unexpected " + cause.getClass().getSimpleName()
          + " while fetching a token; please report it", false, -1, null, cause);
    }
  }

  /** A per-caller copy that keeps message, classification and the shared original as cause. */
  private static TokenRefreshException copy(TokenRefreshException shared) {
    return TokenRefreshException.copyOf(shared);
  }

  private void maybeRefreshEarly(long now) {
    if (inFlight.get() != null || (advisoryBlocked && now - advisoryNotBefore < 0) || closed) {
      return;
    }
    CompletableFuture<Snapshot> mine = new CompletableFuture<>();
    if (inFlight.compareAndSet(null, mine)) {
      earlyRefreshes.increment();
      launch(mine, true);
    }
  }

  private CompletableFuture<Snapshot> startFlight(boolean early) {
    for (;;) {
      CompletableFuture<Snapshot> f = inFlight.get();
      if (f != null) {
        return f;
      }
      CompletableFuture<Snapshot> mine = new CompletableFuture<>();
      if (inFlight.compareAndSet(null, mine)) {
        launch(mine, early);
        return mine;
      }
    }
  }

  private void launch(CompletableFuture<Snapshot> flight, boolean early) {
    try {
      executor.execute(() -> runFlight(flight, early));
    } catch (RejectedExecutionException e) {
      finish(flight, null, closedException(), early);
    }
  }

  private void runFlight(CompletableFuture<Snapshot> flight, boolean early) {
    flightThread = Thread.currentThread();
    try {
      runFlightOnThisThread(flight, early);
    } finally {
      flightThread = null;
    }
  }

  private void runFlightOnThisThread(CompletableFuture<Snapshot> flight, boolean early) {
    Snapshot result = null;
    TokenRefreshException error = null;
    try {
      result = loadFromStoreOnce();
      if (result == null) {
        result = fetchWithRetries(early);
      }
    } catch (TokenRefreshException e) {
      error = e;
    } catch (RuntimeException e) {
      error = new TokenRefreshException("unexpected " + e.getClass().getSimpleName()
          + " while fetching a token; please report it", false, -1, null, e);
    }
    if (closed && error == null) {
      error = closedException();
      result = null;
    }
    finish(flight, result, error, early);
  }

  private void finish(CompletableFuture<Snapshot> flight, Snapshot result, TokenRefreshException error,
      boolean early) {
    long now = time.nanoTime();
    if (result != null) {
      snapshot.set(result);
      if (closed) {
        // close() raced with this flight: keep the provider closed.
        snapshot.set(result.unusable(now));
      }
      lastFailure = null;
      advisoryBlocked = false;
      // Events after installation, so a listener that reacts sees the new token in getToken().
      TokenEvent announce = result.announce;
      if (announce != null) {
        listener.onEvent(announce);
        if (early && announce.type() == TokenEvent.Type.FETCHED) {
          listener.onEvent(new TokenEvent(TokenEvent.Type.REFRESHED_EARLY, announce.tokenFingerprint(),
              announce.expiresAt(), null, announce.attempt(), null));
        }
      }
    } else {
      lastFailure = new FailureMemo(error, now);
      advisoryNotBefore = now + ADVISORY_RETRY_INTERVAL_NANOS;
      advisoryBlocked = true;
    }
    inFlight.compareAndSet(flight, null);
    if (result != null) {
      flight.complete(result);
    } else {
      flight.completeExceptionally(error);
    }
  }

  private Snapshot loadFromStoreOnce() {
    if (store == null || storeConsulted) {
      return null;
    }
    storeConsulted = true;
    Optional<AccessToken> loaded;
    try {
      loaded = store.load(storeKey);
    } catch (RuntimeException e) {
      LOG.warn("Token store {} failed to load ({}); requesting a new token", store, e.getClass().getSimpleName());
      return null;
    }
    if (loaded.isEmpty()) {
      return null;
    }
    AccessToken token = loaded.get();
    long remainingNanos = Duration.between(time.now(), token.expiresAt()).toNanos();
    long now = time.nanoTime();
    long mandatory = now + remainingNanos - refreshSkew.toNanos();
    if (mandatory - now <= TimeUnit.SECONDS.toNanos(1)) {
      return null; // expired or about to: request a new one
    }
    long advisory = advisoryRefresh ? now + (long) ((mandatory - now) * 0.75) : mandatory;
    storeLoads.increment();
    Snapshot s = new Snapshot(token, advisory, mandatory, now + remainingNanos, true);
    s.announce = new TokenEvent(TokenEvent.Type.LOADED_FROM_STORE, s.fingerprint, token.expiresAt(), null, 0, null);
    return s;
  }

  private Snapshot fetchWithRetries(boolean early) throws TokenRefreshException {
    for (int attempt = 1; ; attempt++) {
      if (closed) {
        throw closedException();
      }
      long sentNanos = time.nanoTime();
      Instant sentAt = time.now();
      listener.onEvent(new TokenEvent(TokenEvent.Type.FETCH_STARTED, null, null, null, attempt, null));
      tokenRequests.increment();
      try {
        TokenFetcher.Fetched f = fetcher.fetch();
        successes.increment();
        Snapshot s = newSnapshot(f, sentNanos, sentAt);
        s.announce = new TokenEvent(TokenEvent.Type.FETCHED, s.fingerprint, s.token.expiresAt(), null, attempt,
            null);
        saveToStore(s.token);
        return s;
      } catch (TokenFetcher.Failure failure) {
        failures.increment();
        listener.onEvent(new TokenEvent(TokenEvent.Type.FAILED, null, null, failure.errorClass, attempt, null));
        TokenRefreshException e = failure.exception;
        if (closed) {
          throw closedException();
        }
        if (e.isTerminal() || attempt > retryPolicy.maxRetries()) {
          throw e;
        }
        Duration delay = retryPolicy.delay(attempt - 1, random.getAsDouble(), failure.retryAfter);
        listener.onEvent(new TokenEvent(TokenEvent.Type.RETRY_SCHEDULED, null, null, failure.errorClass, attempt,
            delay));
        try {
          time.sleep(delay);
        } catch (InterruptedException ie) {
          Thread.currentThread().interrupt();
          throw closed ? closedException()
              : new TokenRefreshException("interrupted while waiting to retry", false, -1, null, ie);
        }
      }
    }
  }

  private Snapshot newSnapshot(TokenFetcher.Fetched f, long sentNanos, Instant sentAt) {
    long lifetime = TimeUnit.SECONDS.toNanos(f.lifetimeSeconds());
    long skew = Math.min(refreshSkew.toNanos(), lifetime / 2);
    long expires = sentNanos + lifetime;
    long mandatory = expires - skew;
    long advisory = advisoryRefresh ? Math.min(mandatory, sentNanos + lifetime - lifetime / 4) : mandatory;
    AccessToken token = new AccessToken(f.value(), sentAt.plusSeconds(f.lifetimeSeconds()));
    return new Snapshot(token, advisory, mandatory, expires, true);
  }

  private void saveToStore(AccessToken token) {
    if (store == null) {
      return;
    }
    try {
      store.save(storeKey, token);
    } catch (RuntimeException e) {
      LOG.warn("Token store {} failed to save ({}); continuing without it", store, e.getClass().getSimpleName());
    }
  }

  /**
   * Invalidates {@code used} if it is still the cached token (compare-and-invalidate): the next
   * {@link #getToken()} fetches a new one. A token that was already replaced is left alone, so many callers
   * reporting the same bad token cause one refresh. Also deletes it from the {@link TokenStore}.
   *
   * @param used the token a failed request carried
   * @return true if this call invalidated the cached token
   */
  public boolean invalidate(AccessToken used) {
    Objects.requireNonNull(used, "used == null");
    for (;;) {
      Snapshot s = snapshot.get();
      if (s == null || !s.usable || !s.token.equals(used)) {
        return false;
      }
      if (snapshot.compareAndSet(s, s.unusable(time.nanoTime()))) {
        listener.onEvent(new TokenEvent(TokenEvent.Type.INVALIDATED, s.fingerprint, s.token.expiresAt(), null, 0,
            null));
        if (store != null) {
          try {
            store.delete(storeKey);
          } catch (RuntimeException e) {
            LOG.warn("Token store {} failed to delete ({})", store, e.getClass().getSimpleName());
          }
        }
        return true;
      }
    }
  }

  /**
   * Used by the authenticator: the token to retry with after {@code used} got a 401, or null to give up.
   * Lock-free: no monitor is held while the token store deletes a file or listeners run, and virtual threads are
   * never pinned. All 401s for the same token belong to one incident and cause one refresh. A 401 for a
   * <em>different</em> token that was never accepted by the server (rejected on its first use) within 10 s of the
   * last 401-triggered refresh gives up, because the server is then rejecting fresh tokens and refreshing again
   * would only spend token requests. A token that served calls and is then revoked is always replaced once,
   * however soon after the previous refresh (servers that rotate or revoke tokens often must not break calls).
   */
  AccessToken refreshAfter401(AccessToken used) throws TokenRefreshException {
    Snapshot s = snapshot.get();
    if (s != null && s.usable && s.token.equals(used)) {
      long now = time.nanoTime();
      for (;;) {
        Refresh401 last = last401.get();
        if (last != null && last.replaced().equals(used)) {
          // Same incident: another caller is already replacing this token. Invalidating again is a no-op unless
          // we got here before it did; either way exactly one invalidation (and one refresh) happens.
          if (invalidate(used)) {
            refreshesOn401.increment();
          }
          break;
        }
        if (last != null && !s.proven && now - last.at() < MIN_401_REFRESH_INTERVAL_NANOS) {
          LOG.debug("401 for token {} on its first use, within 10 s of the last 401-triggered refresh; "
              + "not refreshing again", s.fingerprint);
          return null;
        }
        if (last401.compareAndSet(last, new Refresh401(used, now))) {
          if (invalidate(used)) {
            refreshesOn401.increment();
          }
          break;
        }
      }
    }
    AccessToken fresh = getToken();
    return fresh.equals(used) ? null : fresh;
  }

  /**
   * Called by the interceptor when a request carrying {@code used} got an answer other than 401. Costs one
   * volatile read once the current token is proven.
   */
  void markAccepted(AccessToken used) {
    Snapshot s = snapshot.get();
    if (s != null && !s.proven && s.token != null && s.token.equals(used)) {
      s.proven = true;
    }
  }

  /** Test hook: whether a token request is in flight. */
  boolean inFlightForTest() {
    return inFlight.get() != null;
  }

  /** The cached token if its value equals {@code value}, else null (for requests without our tag). */
  AccessToken currentTokenMatching(String value) {
    Snapshot s = snapshot.get();
    return s != null && s.token != null && s.token.value().equals(value) ? s.token : null;
  }

  /**
   * Starts fetching a token in the background without blocking (e.g. at server start-up, so the first real call
   * finds a warm cache). Joins a fetch already in flight; completes at once when the cache is warm.
   *
   * @return a future completed with the token, or exceptionally with {@link TokenRefreshException}
   */
  public CompletableFuture<AccessToken> prefetch() {
    Snapshot s = snapshot.get();
    if (s != null && s.usable && time.nanoTime() - s.mandatoryAt < 0) {
      return CompletableFuture.completedFuture(s.token);
    }
    if (closed) {
      return CompletableFuture.failedFuture(closedException());
    }
    CompletableFuture<AccessToken> result = new CompletableFuture<>();
    startFlight(false).whenComplete((snap, error) -> {
      if (error == null) {
        result.complete(snap.token);
      } else {
        result.completeExceptionally(error instanceof TokenRefreshException tre ? copy(tre) : error);
      }
    });
    return result;
  }

  /**
   * Counters since the provider was built.
   *
   * @return a snapshot of the counters
   */
  public TokenStats stats() {
    return new TokenStats(tokenRequests.sum(), successes.sum(), failures.sum(), cacheHits.sum(), cacheMisses.sum(),
        refreshesOn401.sum(), earlyRefreshes.sum(), storeLoads.sum());
  }

  /**
   * The interceptor that adds {@code Authorization: Bearer ...}; add it with
   * {@link OkHttpClient.Builder#addInterceptor}. Always the same instance.
   *
   * @return the interceptor
   */
  public Interceptor interceptor() {
    return interceptor;
  }

  /**
   * The authenticator that refreshes once on 401; set it with {@link OkHttpClient.Builder#authenticator}.
   * Always the same instance.
   *
   * @return the authenticator
   */
  public Authenticator authenticator() {
    return authenticator;
  }

  /**
   * The client id in use, after short-id normalization. Never the secret.
   *
   * @return the client id
   */
  public String clientId() {
    return credentials.clientId();
  }

  /**
   * Stops background work: cancels an in-flight token request, interrupts a retry wait, ends the refresh thread
   * (waiting up to 5 s for it) and fails waiting callers. Later {@link #getToken()} calls throw
   * {@link TokenRefreshException}. Idle connections are evicted only from a pool the provider created itself; a
   * pool shared through {@link Builder#httpClient} is left alone. Idempotent.
   */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    Snapshot s = snapshot.get();
    long now = time.nanoTime();
    snapshot.set(s == null ? new Snapshot(null, now, now, now, false) : s.unusable(now));
    fetcher.cancel();
    executor.shutdownNow();
    try {
      executor.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    CompletableFuture<Snapshot> f = inFlight.getAndSet(null);
    if (f != null) {
      f.completeExceptionally(closedException());
    }
    if (ownedClient != null) {
      ownedClient.connectionPool().evictAll();
    }
  }

  private void ensureOpen() throws TokenRefreshException {
    if (closed) {
      throw closedException();
    }
  }

  private static TokenRefreshException closedException() {
    return new TokenRefreshException("the TokenProvider is closed; build a new one", true, -1, null, null);
  }

  @Override
  public String toString() {
    return "TokenProvider[clientId=" + credentials.clientId() + ", tokenUrl=" + TokenFetcher.displayUrl(tokenUrl)
        + "]";
  }

  /** Builds a {@link TokenProvider}. Only {@link #credentials} is required. */
  public static final class Builder {
    private ClientCredentials credentials;
    private String tokenUrl = DEFAULT_TOKEN_URL;
    private TokenRequestFormat requestFormat = TokenRequestFormat.JSON;
    private String scope;
    private String audience;
    private Duration refreshSkew = Duration.ofSeconds(60);
    private boolean advisoryRefresh = true;
    private Duration connectTimeout = Duration.ofSeconds(10);
    private Duration readTimeout = Duration.ofSeconds(10);
    private RetryPolicy retryPolicy = RetryPolicy.defaults();
    private TimeSource timeSource = TimeSource.system();
    private TokenListener listener;
    private OkHttpClient httpClient;
    private TokenStore tokenStore;
    private DoubleSupplier random = () -> ThreadLocalRandom.current().nextDouble();

    private Builder() {
    }

    /**
     * The service account credentials. Required.
     *
     * @param credentials e.g. {@link ClientCredentials#fromEnvironment()}
     * @return this
     */
    public Builder credentials(ClientCredentials credentials) {
      this.credentials = Objects.requireNonNull(credentials, "credentials == null");
      return this;
    }

    /**
     * The token endpoint. Default {@value TokenProvider#DEFAULT_TOKEN_URL}. Must be https unless the host is
     * loopback as {@link Loopback#isLoopback(HttpUrl)} defines it (tests, the sandbox).
     *
     * @param tokenUrl an absolute URL
     * @return this
     * @throws ConfigurationException if the URL is invalid or plain http to a non-loopback host
     */
    public Builder tokenUrl(String tokenUrl) {
      Objects.requireNonNull(tokenUrl, "tokenUrl == null");
      HttpUrl url = HttpUrl.parse(tokenUrl.strip());
      if (url == null) {
        throw new ConfigurationException("tokenUrl is not an http(s) URL: '" + tokenUrl
            + "'; use e.g. " + DEFAULT_TOKEN_URL);
      }
      if (!url.isHttps() && !Loopback.isLoopback(url)) {
        throw new ConfigurationException("tokenUrl must use https (the client secret is sent to it), got "
            + TokenFetcher.displayUrl(url.toString())
            + "; plain http is allowed only for a loopback host (localhost, 127.0.0.0/8 or [::1])");
      }
      this.tokenUrl = url.toString();
      return this;
    }

    /**
     * The request body encoding. Default {@link TokenRequestFormat#JSON} (Ozon).
     *
     * @param requestFormat the format
     * @return this
     */
    public Builder requestFormat(TokenRequestFormat requestFormat) {
      this.requestFormat = Objects.requireNonNull(requestFormat, "requestFormat == null");
      return this;
    }

    /**
     * An optional {@code scope} parameter sent with the token request. Default none.
     *
     * @param scope the scope, or null for none
     * @return this
     */
    public Builder scope(String scope) {
      this.scope = scope == null || scope.isBlank() ? null : scope.strip();
      return this;
    }

    /**
     * An optional {@code audience} parameter sent with the token request. Default none.
     *
     * @param audience the audience, or null for none
     * @return this
     */
    public Builder audience(String audience) {
      this.audience = audience == null || audience.isBlank() ? null : audience.strip();
      return this;
    }

    /**
     * How long before expiry a token stops being used. Default 60 s; capped at half of each token's lifetime.
     *
     * @param refreshSkew zero to one hour
     * @return this
     * @throws ConfigurationException if out of range
     */
    public Builder refreshSkew(Duration refreshSkew) {
      Objects.requireNonNull(refreshSkew, "refreshSkew == null");
      if (refreshSkew.isNegative() || refreshSkew.compareTo(Duration.ofHours(1)) > 0) {
        throw new ConfigurationException("refreshSkew must be between 0 and 1 hour, got " + refreshSkew);
      }
      this.refreshSkew = refreshSkew;
      return this;
    }

    /**
     * Whether a call in the last 25 % of a token's lifetime starts a background refresh. Default true.
     *
     * @param advisoryRefresh true to refresh early in the background
     * @return this
     */
    public Builder advisoryRefresh(boolean advisoryRefresh) {
      this.advisoryRefresh = advisoryRefresh;
      return this;
    }

    /**
     * Connect timeout of token requests. Default 10 s.
     *
     * @param connectTimeout positive
     * @return this
     */
    public Builder connectTimeout(Duration connectTimeout) {
      this.connectTimeout = positive(connectTimeout, "connectTimeout");
      return this;
    }

    /**
     * Read (and write) timeout of token requests. Default 10 s.
     *
     * @param readTimeout positive
     * @return this
     */
    public Builder readTimeout(Duration readTimeout) {
      this.readTimeout = positive(readTimeout, "readTimeout");
      return this;
    }

    private static Duration positive(Duration d, String name) {
      Objects.requireNonNull(d, name + " == null");
      if (d.isNegative() || d.isZero()) {
        throw new ConfigurationException(name + " must be positive, got " + d);
      }
      return d;
    }

    /**
     * Retries of transient failures. Default {@link RetryPolicy#defaults()}.
     *
     * @param retryPolicy the policy
     * @return this
     */
    public Builder retryPolicy(RetryPolicy retryPolicy) {
      this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy == null");
      return this;
    }

    /**
     * The clocks (and retry sleeper). Default {@link TimeSource#system()}; tests inject a fake.
     *
     * @param timeSource the time source
     * @return this
     */
    public Builder timeSource(TimeSource timeSource) {
      this.timeSource = Objects.requireNonNull(timeSource, "timeSource == null");
      return this;
    }

    /**
     * A listener for token events, in addition to SLF4J logging. Default none.
     *
     * @param listener the listener, or null
     * @return this
     */
    public Builder listener(TokenListener listener) {
      this.listener = listener;
      return this;
    }

    /**
     * A base client whose connection pool, dispatcher, proxy and TLS settings token requests share. Its
     * interceptors and authenticator are not used for token requests. Default: a new {@link OkHttpClient}.
     *
     * @param httpClient the base client
     * @return this
     */
    public Builder httpClient(OkHttpClient httpClient) {
      this.httpClient = Objects.requireNonNull(httpClient, "httpClient == null");
      return this;
    }

    /**
     * Opt-in token persistence, e.g. {@link FileTokenStore}. Default none.
     *
     * @param tokenStore the store, or null for none
     * @return this
     */
    public Builder tokenStore(TokenStore tokenStore) {
      this.tokenStore = tokenStore;
      return this;
    }

    /** Test hook: the source of jitter in [0, 1). */
    Builder random(DoubleSupplier random) {
      this.random = Objects.requireNonNull(random, "random == null");
      return this;
    }

    /**
     * Builds the provider. No network I/O happens here.
     *
     * @return the provider
     * @throws ConfigurationException if credentials are missing
     */
    public TokenProvider build() {
      if (credentials == null) {
        throw new ConfigurationException("TokenProvider needs credentials: call credentials(ClientCredentials"
            + ".fromEnvironment()) with OZON_CLIENT_ID and OZON_CLIENT_SECRET set, or credentials(ClientCredentials"
            + ".of(id, secret))");
      }
      return new TokenProvider(this);
    }
  }
}
