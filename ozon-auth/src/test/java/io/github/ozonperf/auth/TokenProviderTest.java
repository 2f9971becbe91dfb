package io.github.ozonperf.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.event.Level;

class TokenProviderTest {
  static final String ID = "12345678-1700000000000@advertising.performance.ozon.ru";
  static final String SECRET = "sEcReT-value-42";
  /**
   * Upper bound for waits that normally end within milliseconds. Only reached when the code under test is broken;
   * generous because CI machines are small and shared, so no test outcome depends on how fast they are.
   */
  static final long PATIENCE_SECONDS = 60;

  @StartStop
  final MockWebServer server = new MockWebServer();
  final FakeTime time = new FakeTime();
  final List<TokenEvent> events = new CopyOnWriteArrayList<>();
  final List<TokenProvider> providers = new ArrayList<>();

  @BeforeEach
  void clearLogs() {
    CapturedLogs.clear();
  }

  @AfterEach
  void closeProviders() {
    providers.forEach(TokenProvider::close);
  }

  static MockResponse token(String value, Object expiresIn) {
    String exp = expiresIn == null ? "" : ",\"expires_in\":" + expiresIn;
    return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
        .body("{\"access_token\":\"" + value + "\",\"token_type\":\"Bearer\"" + exp + "}").build();
  }

  static MockResponse status(int code, String body) {
    return new MockResponse.Builder().code(code).body(body).build();
  }

  TokenProvider.Builder builder() {
    return TokenProvider.builder()
        .credentials(ClientCredentials.of(ID, SECRET))
        .tokenUrl(server.url("/api/client/token").toString())
        .timeSource(time)
        .random(() -> 0.5)
        .listener(events::add)
        // Real timeouts only end a request when something is broken; a loaded CI machine must not trip them.
        .connectTimeout(Duration.ofSeconds(PATIENCE_SECONDS))
        .readTimeout(Duration.ofSeconds(PATIENCE_SECONDS));
  }

  TokenProvider build(TokenProvider.Builder b) {
    TokenProvider p = b.build();
    providers.add(p);
    return p;
  }

  @Test
  void firstCallFetchesAndLaterCallsReuseUntilTheSkew() throws Exception {
    server.enqueue(token("t1", 1800));
    server.enqueue(token("t2", 1800));
    TokenProvider p = build(builder().advisoryRefresh(false));
    assertEquals("t1", p.getToken().value());
    assertEquals("t1", p.getToken().value());
    time.advanceSeconds(1800 - 61);
    assertEquals("t1", p.getToken().value());
    assertEquals(1, server.getRequestCount());
    time.advanceSeconds(2); // now inside the 60 s skew
    assertEquals("t2", p.getToken().value());
    assertEquals(2, server.getRequestCount());
  }

  @Test
  void advisoryWindowRefreshesInTheBackgroundWhileServingTheCurrentToken() throws Exception {
    server.enqueue(token("t1", 1000));
    server.enqueue(token("t2", 1000));
    CountDownLatch refreshed = new CountDownLatch(1);
    TokenProvider p = build(builder().listener(e -> {
      events.add(e);
      if (e.type() == TokenEvent.Type.REFRESHED_EARLY) {
        refreshed.countDown();
      }
    }));
    assertEquals("t1", p.getToken().value());
    time.advanceSeconds(749);
    assertEquals("t1", p.getToken().value());
    assertEquals(1, server.getRequestCount(), "no refresh before the last 25 %");
    time.advanceSeconds(2);
    assertEquals("t1", p.getToken().value(), "the caller is served the current token at once");
    assertTrue(refreshed.await(PATIENCE_SECONDS, TimeUnit.SECONDS));
    assertEquals("t2", p.getToken().value());
    assertEquals(2, server.getRequestCount());
    assertEquals(1, p.stats().earlyRefreshes());
    assertEquals(0, p.stats().cacheMisses() - 1, "only the very first call waited");
  }

  @Test
  void twoHundredThreadsOnAColdCacheCauseExactlyOneTokenRequestAndWaitWithoutLocks() throws Exception {
    CountDownLatch arrived = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    AtomicInteger tokenRequests = new AtomicInteger();
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
        tokenRequests.incrementAndGet();
        arrived.countDown();
        release.await(PATIENCE_SECONDS, TimeUnit.SECONDS);
        return token("only-one", 1800);
      }
    });
    TokenProvider p = build(builder());
    int n = 200;
    CyclicBarrier start = new CyclicBarrier(n);
    Set<String> seen = ConcurrentHashMap.newKeySet();
    List<Thread> threads = new ArrayList<>();
    List<Throwable> errors = new CopyOnWriteArrayList<>();
    for (int i = 0; i < n; i++) {
      Thread t = new Thread(() -> {
        try {
          start.await();
          seen.add(p.getToken().value());
        } catch (Throwable e) {
          errors.add(e);
        }
      });
      threads.add(t);
      t.start();
    }
    try {
      // The one request is on the wire and held there; every caller must be parked on the flight's future (not
      // blocked on a monitor or a lock) while that I/O is in progress.
      assertTrue(arrived.await(PATIENCE_SECONDS, TimeUnit.SECONDS), "no token request arrived");
      awaitParkedOnTheFlight(threads);
      assertEquals(0, p.stats().successes());
      assertEquals(1, p.stats().tokenRequests(), "stats() answers while the request is in flight");
      assertEquals(n, p.stats().cacheMisses());
    } finally {
      release.countDown();
    }
    joinAll(threads);
    assertEquals(List.of(), errors);
    assertEquals(Set.of("only-one"), seen);
    assertEquals(1, tokenRequests.get());
    assertEquals(1, p.stats().tokenRequests());
  }

  /**
   * Waits until every thread is WAITING inside {@code CompletableFuture} (i.e. joined the single flight). Polls
   * thread states, which is the only way to observe "parked"; the bound is generous and never reached when the
   * code is right. A thread holding or waiting for a lock would never satisfy this and fail the test.
   */
  static void awaitParkedOnTheFlight(List<Thread> threads) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(PATIENCE_SECONDS);
    while (!threads.stream().allMatch(TokenProviderTest::parkedOnAFuture)) {
      if (System.nanoTime() - deadline > 0) {
        StringBuilder states = new StringBuilder();
        for (Thread t : threads) {
          if (!parkedOnAFuture(t)) {
            states.append(t.getName()).append(' ').append(t.getState()).append(' ')
                .append(java.util.Arrays.toString(t.getStackTrace())).append('\n');
          }
        }
        throw new AssertionError("threads did not park on the token flight:\n" + states);
      }
      Thread.sleep(5);
    }
  }

  private static boolean parkedOnAFuture(Thread t) {
    if (t.getState() != Thread.State.WAITING) {
      return false;
    }
    for (StackTraceElement e : t.getStackTrace()) {
      if (e.getClassName().startsWith("java.util.concurrent.CompletableFuture")) {
        return true;
      }
    }
    return false;
  }

  static void joinAll(List<Thread> threads) throws InterruptedException {
    for (Thread t : threads) {
      t.join(TimeUnit.SECONDS.toMillis(PATIENCE_SECONDS));
      assertFalse(t.isAlive(), t.getName() + " did not finish");
    }
  }

  @Test
  void aFailedRefreshWakesAllWaitersWithTheSameError() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
        release.await(PATIENCE_SECONDS, TimeUnit.SECONDS);
        return status(401, "{\"error\":\"invalid_client\"}");
      }
    });
    TokenProvider p = build(builder());
    int n = 50;
    List<TokenRefreshException> errors = new CopyOnWriteArrayList<>();
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Thread t = new Thread(() -> {
        try {
          p.getToken();
        } catch (TokenRefreshException e) {
          errors.add(e);
        }
      });
      threads.add(t);
      t.start();
    }
    try {
      awaitParkedOnTheFlight(threads);
    } finally {
      release.countDown();
    }
    joinAll(threads);
    assertEquals(n, errors.size());
    Throwable shared = errors.get(0).getCause();
    for (TokenRefreshException e : errors) {
      assertSame(shared, e.getCause(), "every waiter sees the one failure");
      assertEquals(shared.getMessage(), e.getMessage());
      assertTrue(e.isTerminal());
    }
    assertEquals(1, server.getRequestCount());
  }

  @ParameterizedTest
  @ValueSource(strings = {"missing", "0", "-5", "\"abc\"", "null"})
  void unusableExpiresInCountsAsThreeHundredSecondsWithAWarning(String expiresIn) throws Exception {
    server.enqueue(token("t1", "missing".equals(expiresIn) ? null : expiresIn));
    server.enqueue(token("t2", 1800));
    TokenProvider p = build(builder().advisoryRefresh(false));
    assertEquals("t1", p.getToken().value());
    assertEquals(FakeTime.EPOCH.plusSeconds(300), p.getToken().expiresAt());
    time.advanceSeconds(239); // 300 s minus the 60 s skew
    assertEquals("t1", p.getToken().value());
    time.advanceSeconds(2);
    assertEquals("t2", p.getToken().value());
    assertTrue(CapturedLogs.lines().stream().anyMatch(l -> l.level() == Level.WARN
        && l.text().contains("expires_in") && l.text().contains("300")), CapturedLogs.all());
  }

  @Test
  void absurdExpiresInIsClampedToOneDayWithAWarning() throws Exception {
    server.enqueue(token("t1", 999_999_999));
    server.enqueue(token("t2", 1800));
    TokenProvider p = build(builder().advisoryRefresh(false));
    assertEquals(FakeTime.EPOCH.plusSeconds(86_400), p.getToken().expiresAt());
    time.advanceSeconds(86_400 - 61);
    assertEquals("t1", p.getToken().value());
    time.advanceSeconds(2);
    assertEquals("t2", p.getToken().value());
    assertTrue(CapturedLogs.all().contains("clamping to 86400"), CapturedLogs.all());
  }

  @Test
  void numericStringExpiresInIsAccepted() throws Exception {
    server.enqueue(token("t1", "\"1800\""));
    TokenProvider p = build(builder());
    assertEquals(FakeTime.EPOCH.plusSeconds(1800), p.getToken().expiresAt());
  }

  @Test
  void shortLivedTokenUsesAtMostHalfItsLifetimeAsSkew() throws Exception {
    server.enqueue(token("t1", 30));
    server.enqueue(token("t2", 30));
    TokenProvider p = build(builder().advisoryRefresh(false));
    assertEquals("t1", p.getToken().value());
    time.advanceSeconds(14);
    assertEquals("t1", p.getToken().value(), "a 30 s token with 60 s skew is still reused for 15 s");
    time.advanceSeconds(2);
    assertEquals("t2", p.getToken().value());
  }

  @Test
  void deadlineIsAnchoredWhenTheRequestWasSent() throws Exception {
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        time.advanceSeconds(100); // the answer takes 100 s to arrive
        return token("t" + server.getRequestCount(), 1800);
      }
    });
    TokenProvider p = build(builder().advisoryRefresh(false));
    assertEquals("t1", p.getToken().value());
    time.advanceSeconds(1800 - 60 - 100 - 1);
    assertEquals("t1", p.getToken().value());
    time.advanceSeconds(2);
    assertEquals("t2", p.getToken().value());
  }

  @Test
  void invalidClient401IsTerminalNotRetriedAndSaysWhatAValidIdLooksLike() {
    server.enqueue(status(401, "{\"error\":\"invalid_client\",\"error_description\":\"bad\"}"));
    TokenProvider p = build(builder());
    TokenRefreshException e = assertThrows(TokenRefreshException.class, p::getToken);
    assertTrue(e.isTerminal());
    assertEquals(401, e.statusCode());
    assertEquals("invalid_client", e.errorCode());
    assertTrue(e.getMessage().startsWith("OAuth token refresh failed: HTTP 401 invalid_client"), e.getMessage());
    assertTrue(e.getMessage().contains("OZON_CLIENT_ID"), e.getMessage());
    assertTrue(e.getMessage().contains("12345678-1700000000000@advertising.performance.ozon.ru"), e.getMessage());
    assertEquals(1, server.getRequestCount());
    assertEquals(List.of(), time.sleeps);
  }

  @ParameterizedTest
  @ValueSource(ints = {400, 403, 404})
  void clientErrorsFromTheTokenEndpointAreTerminal(int code) {
    server.enqueue(status(code, "{\"error\":\"nope\"}"));
    TokenProvider p = build(builder());
    TokenRefreshException e = assertThrows(TokenRefreshException.class, p::getToken);
    assertTrue(e.isTerminal());
    assertEquals(code, e.statusCode());
    assertEquals(1, server.getRequestCount());
  }

  @ParameterizedTest
  @ValueSource(strings = {"not json", "[1,2]", "{\"token_type\":\"Bearer\"}", "{\"access_token\":\"\"}"})
  void malformedAnswerOrMissingAccessTokenIsTerminal(String body) {
    server.enqueue(status(200, body));
    TokenProvider p = build(builder());
    TokenRefreshException e = assertThrows(TokenRefreshException.class, p::getToken);
    assertTrue(e.isTerminal());
    assertTrue(e.getMessage().contains("OZON_TOKEN_URL"), e.getMessage());
    assertEquals(1, server.getRequestCount());
  }

  @Test
  void redirectIsNotFollowedSoTheSecretStaysPut() {
    server.enqueue(new MockResponse.Builder().code(307).addHeader("Location", server.url("/elsewhere")).build());
    TokenProvider p = build(builder());
    TokenRefreshException e = assertThrows(TokenRefreshException.class, p::getToken);
    assertTrue(e.isTerminal());
    assertTrue(e.getMessage().contains("redirect"), e.getMessage());
    assertEquals(1, server.getRequestCount());
  }

  @Test
  void transientErrorsAreRetriedThreeTimesWithFullJitterBackoff() throws Exception {
    server.enqueue(status(503, ""));
    server.enqueue(status(500, ""));
    server.enqueue(status(429, ""));
    server.enqueue(token("t1", 1800));
    TokenProvider p = build(builder());
    assertEquals("t1", p.getToken().value());
    assertEquals(4, server.getRequestCount());
    // random = 0.5 of min(10 s, 500 ms * 2^retry)
    assertEquals(List.of(Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofMillis(1000)), time.sleeps);
    assertEquals(new TokenStats(4, 1, 3, 0, 1, 0, 0, 0), p.stats());
    assertEquals(3, events.stream().filter(e -> e.type() == TokenEvent.Type.RETRY_SCHEDULED).count());
  }

  @Test
  void retryAfterIsHonouredAndCappedAtMaxBackoff() throws Exception {
    server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "3").build());
    server.enqueue(new MockResponse.Builder().code(503).addHeader("Retry-After", "3600").build());
    server.enqueue(token("t1", 1800));
    TokenProvider p = build(builder());
    assertEquals("t1", p.getToken().value());
    assertEquals(List.of(Duration.ofSeconds(3), Duration.ofSeconds(10)), time.sleeps);
  }

  @Test
  void exhaustedRetriesSurfaceATransientError() {
    for (int i = 0; i < 4; i++) {
      server.enqueue(status(503, "{\"message\":\"maintenance\"}"));
    }
    TokenProvider p = build(builder());
    TokenRefreshException e = assertThrows(TokenRefreshException.class, p::getToken);
    assertFalse(e.isTerminal());
    assertEquals(503, e.statusCode());
    assertTrue(e.getMessage().contains("maintenance"), e.getMessage());
    assertEquals(4, server.getRequestCount());
  }

  @Test
  void connectionFailureIsTransientAndRetried() throws Exception {
    MockWebServer closed = new MockWebServer();
    closed.start();
    String url = closed.url("/api/client/token").toString();
    closed.close();
    TokenProvider p = build(builder().tokenUrl(url)
        .retryPolicy(new RetryPolicy(2, Duration.ofMillis(10), Duration.ofMillis(10))));
    TokenRefreshException e = assertThrows(TokenRefreshException.class, p::getToken);
    assertFalse(e.isTerminal());
    assertEquals(-1, e.statusCode());
    assertEquals(3, p.stats().tokenRequests());
    assertEquals(3, p.stats().failures());
  }

  @Test
  void readTimeoutIsTransient() throws Exception {
    // The server never answers (until the test ends), so only the client's read timeout can end the call: the
    // outcome does not depend on how fast or loaded the machine is.
    CountDownLatch testOver = new CountDownLatch(1);
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
        testOver.await(PATIENCE_SECONDS, TimeUnit.SECONDS);
        return token("too-late", 1800);
      }
    });
    try {
      TokenProvider p = build(builder().readTimeout(Duration.ofMillis(100)).retryPolicy(RetryPolicy.none()));
      TokenRefreshException e = assertThrows(TokenRefreshException.class, p::getToken);
      assertFalse(e.isTerminal());
      assertEquals(-1, e.statusCode());
      assertTrue(e.getMessage().contains("no answer"), e.getMessage());
    } finally {
      testOver.countDown();
    }
  }

  @Test
  void stillValidTokenIsServedWhileRefreshFailsUntilItReallyExpires() throws Exception {
    server.enqueue(token("t1", 1800));
    for (int i = 0; i < 8; i++) {
      server.enqueue(status(503, ""));
    }
    TokenProvider p = build(builder().advisoryRefresh(false));
    assertEquals("t1", p.getToken().value());
    time.advanceSeconds(1745); // inside the skew, before the real expiry
    assertEquals("t1", p.getToken().value());
    assertEquals(5, server.getRequestCount());
    assertTrue(CapturedLogs.all().contains("serving the current token"), CapturedLogs.all());
    time.advanceSeconds(60); // past the real expiry
    TokenRefreshException e = assertThrows(TokenRefreshException.class, p::getToken);
    assertEquals(503, e.statusCode());
  }

  @Test
  void terminalFailureIsRepeatedFromMemoryForTenSecondsThenRetried() throws Exception {
    server.enqueue(status(401, "{\"error\":\"invalid_client\"}"));
    server.enqueue(token("t1", 1800));
    TokenProvider p = build(builder());
    TokenRefreshException first = assertThrows(TokenRefreshException.class, p::getToken);
    time.advanceSeconds(9);
    TokenRefreshException second = assertThrows(TokenRefreshException.class, p::getToken);
    assertEquals(first.getMessage(), second.getMessage());
    assertEquals(1, server.getRequestCount());
    time.advanceSeconds(2);
    assertEquals("t1", p.getToken().value());
    assertEquals(2, server.getRequestCount());
  }

  @Test
  void jsonBodyIsOzonsDocumentedShape() throws Exception {
    server.enqueue(token("t1", 1800));
    build(builder()).getToken();
    RecordedRequest r = server.takeRequest();
    assertEquals("POST", r.getMethod());
    assertEquals("/api/client/token", r.getUrl().encodedPath());
    assertTrue(r.getHeaders().get("Content-Type").startsWith("application/json"));
    assertEquals("application/json", r.getHeaders().get("Accept"));
    assertNull(r.getHeaders().get("Authorization"));
    JsonObject body = JsonParser.parseString(r.getBody().utf8()).getAsJsonObject();
    assertEquals(ID, body.get("client_id").getAsString());
    assertEquals(SECRET, body.get("client_secret").getAsString());
    assertEquals("client_credentials", body.get("grant_type").getAsString());
    assertEquals(3, body.size(), "no scope/audience unless set");
  }

  @Test
  void formBodyFollowsRfc6749AndCarriesScopeAndAudienceWhenSet() throws Exception {
    server.enqueue(token("t1", 1800));
    build(builder().requestFormat(TokenRequestFormat.FORM).scope("ads read").audience("https://api")).getToken();
    RecordedRequest r = server.takeRequest();
    assertTrue(r.getHeaders().get("Content-Type").startsWith("application/x-www-form-urlencoded"));
    assertEquals("grant_type=client_credentials&client_id=12345678-1700000000000%40advertising.performance.ozon.ru"
        + "&client_secret=sEcReT-value-42&scope=ads+read&audience=https%3A%2F%2Fapi", r.getBody().utf8());
  }

  @Test
  void jsonBodyCarriesScopeAndAudienceWhenSet() throws Exception {
    server.enqueue(token("t1", 1800));
    build(builder().scope("s").audience("a")).getToken();
    JsonObject body = JsonParser.parseString(server.takeRequest().getBody().utf8()).getAsJsonObject();
    assertEquals("s", body.get("scope").getAsString());
    assertEquals("a", body.get("audience").getAsString());
  }

  @Test
  void shortClientIdGetsTheOzonSuffixLoggedOnceAtInfo() throws Exception {
    server.enqueue(token("t1", 1800));
    TokenProvider p = build(builder().credentials(ClientCredentials.of("12345678-1700000000000", SECRET)));
    assertEquals(ID, p.clientId());
    p.getToken();
    JsonObject body = JsonParser.parseString(server.takeRequest().getBody().utf8()).getAsJsonObject();
    assertEquals(ID, body.get("client_id").getAsString());
    assertEquals(1, CapturedLogs.lines().stream()
        .filter(l -> l.level() == Level.INFO && l.text().contains("has no '@'")).count());
  }

  @Test
  void fullClientIdIsLeftAlone() {
    TokenProvider p = build(builder().credentials(ClientCredentials.of("x@example.com", SECRET)));
    assertEquals("x@example.com", p.clientId());
  }

  @Test
  void plainHttpTokenUrlIsRefusedUnlessLoopback() {
    ConfigurationException e = assertThrows(ConfigurationException.class,
        () -> TokenProvider.builder().tokenUrl("http://api-performance.ozon.ru/api/client/token"));
    assertTrue(e.getMessage().contains("https"), e.getMessage());
    TokenProvider.builder().tokenUrl("http://localhost:1/t");
    TokenProvider.builder().tokenUrl("http://127.0.0.1:1/t");
    TokenProvider.builder().tokenUrl("http://[::1]:1/t");
    assertThrows(ConfigurationException.class, () -> TokenProvider.builder().tokenUrl("ftp://x/y"));
  }

  @Test
  void missingCredentialsFailAtBuildTimeNamingTheVariables() {
    ConfigurationException e = assertThrows(ConfigurationException.class, () -> TokenProvider.builder().build());
    assertTrue(e.getMessage().contains("OZON_CLIENT_ID"), e.getMessage());
  }

  @Test
  void outOfRangeSettingsAreRejected() {
    assertThrows(ConfigurationException.class, () -> TokenProvider.builder().refreshSkew(Duration.ofSeconds(-1)));
    assertThrows(ConfigurationException.class, () -> TokenProvider.builder().connectTimeout(Duration.ZERO));
    assertThrows(ConfigurationException.class, () -> TokenProvider.builder().readTimeout(Duration.ofSeconds(-1)));
  }

  @Test
  void listenerReceivesLifecycleEventsWithFingerprintsOnly() throws Exception {
    server.enqueue(status(503, ""));
    server.enqueue(token("tok-one", 1800));
    TokenProvider p = build(builder());
    AccessToken t = p.getToken();
    p.getToken();
    assertTrue(p.invalidate(t));
    List<TokenEvent.Type> types = events.stream().map(TokenEvent::type).toList();
    assertEquals(List.of(TokenEvent.Type.FETCH_STARTED, TokenEvent.Type.FAILED, TokenEvent.Type.RETRY_SCHEDULED,
        TokenEvent.Type.FETCH_STARTED, TokenEvent.Type.FETCHED, TokenEvent.Type.REUSED,
        TokenEvent.Type.INVALIDATED), types);
    TokenEvent fetched = events.get(4);
    assertEquals(t.fingerprint(), fetched.tokenFingerprint());
    assertEquals(t.expiresAt(), fetched.expiresAt());
    assertEquals(2, fetched.attempt());
    assertEquals("HTTP 503", events.get(1).errorClass());
    assertEquals(Duration.ofMillis(250), events.get(2).delay());
    assertFalse(events.toString().contains("tok-one"));
  }

  @Test
  void aThrowingListenerDoesNotBreakGetToken() throws Exception {
    server.enqueue(token("t1", 1800));
    TokenProvider p = build(builder().listener(e -> {
      throw new IllegalStateException("boom");
    }));
    assertEquals("t1", p.getToken().value());
  }

  @Test
  void statsCountRequestsHitsAndMisses() throws Exception {
    server.enqueue(token("t1", 1800));
    TokenProvider p = build(builder());
    for (int i = 0; i < 10; i++) {
      p.getToken();
    }
    TokenStats s = p.stats();
    assertEquals(new TokenStats(1, 1, 0, 9, 1, 0, 0, 0), s);
    assertEquals(0.9, s.hitRatio(), 1e-9);
  }

  @Test
  void invalidateIsCompareAndInvalidate() throws Exception {
    server.enqueue(token("t1", 1800));
    server.enqueue(token("t2", 1800));
    TokenProvider p = build(builder());
    AccessToken t1 = p.getToken();
    assertFalse(p.invalidate(new AccessToken("someone-elses", t1.expiresAt())));
    assertEquals("t1", p.getToken().value());
    assertTrue(p.invalidate(t1));
    assertFalse(p.invalidate(t1), "second invalidation of the same token is a no-op");
    assertEquals("t2", p.getToken().value());
    assertFalse(p.invalidate(t1), "a replaced token cannot invalidate its successor");
    assertEquals("t2", p.getToken().value());
    assertEquals(2, server.getRequestCount());
  }

  @Test
  void prefetchStartsAFetchWithoutBlockingTheCaller() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
        release.await(PATIENCE_SECONDS, TimeUnit.SECONDS);
        return token("pre", 1800);
      }
    });
    TokenProvider p = build(builder());
    CompletableFuture<AccessToken> f = p.prefetch();
    CompletableFuture<AccessToken> joined = p.prefetch();
    assertFalse(f.isDone());
    assertFalse(joined.isDone());
    release.countDown();
    assertEquals("pre", f.get(PATIENCE_SECONDS, TimeUnit.SECONDS).value());
    assertEquals("pre", joined.get(PATIENCE_SECONDS, TimeUnit.SECONDS).value());
    assertTrue(p.prefetch().isDone(), "warm cache: completed at once");
    assertEquals("pre", p.getToken().value());
    assertEquals(1, server.getRequestCount());
  }

  @Test
  void prefetchFailureCompletesExceptionally() {
    server.enqueue(status(401, "{\"error\":\"invalid_client\"}"));
    TokenProvider p = build(builder());
    ExecutionException e = assertThrows(ExecutionException.class, () -> p.prefetch().get(PATIENCE_SECONDS, TimeUnit.SECONDS));
    assertTrue(e.getCause() instanceof TokenRefreshException);
  }

  @Test
  void closeStopsBackgroundWorkFailsWaitersAndLeavesNoThread() throws Exception {
    CountDownLatch stalled = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
        stalled.countDown();
        release.await(PATIENCE_SECONDS, TimeUnit.SECONDS);
        return token("late", 1800);
      }
    });
    try {
      Set<Thread> before = refreshThreads();
      TokenProvider p = builder().build();
      CompletableFuture<AccessToken> f = p.prefetch();
      assertTrue(stalled.await(PATIENCE_SECONDS, TimeUnit.SECONDS));
      // Only this provider's thread: idle threads of other providers must not make this test flaky.
      Set<Thread> mine = refreshThreads();
      mine.removeAll(before);
      assertEquals(1, mine.size(), mine.toString());
      p.close();
      ExecutionException e = assertThrows(ExecutionException.class,
          () -> f.get(PATIENCE_SECONDS, TimeUnit.SECONDS));
      assertTrue(e.getCause().getMessage().contains("closed"), e.getCause().getMessage());
      for (Thread t : mine) {
        t.join(TimeUnit.SECONDS.toMillis(PATIENCE_SECONDS));
        assertFalse(t.isAlive(), t.getName() + " still running after close()");
      }
      TokenRefreshException after = assertThrows(TokenRefreshException.class, p::getToken);
      assertTrue(after.getMessage().contains("closed"));
      p.close(); // idempotent
    } finally {
      release.countDown();
    }
  }

  private static Set<Thread> refreshThreads() {
    Set<Thread> out = new java.util.HashSet<>();
    for (Thread t : Thread.getAllStackTraces().keySet()) {
      if (t.getName().startsWith("ozon-auth-token-refresh")) {
        out.add(t);
      }
    }
    return out;
  }

  @Test
  void closeAfterUseRefusesFurtherTokens() throws Exception {
    server.enqueue(token("t1", 1800));
    TokenProvider p = builder().build();
    p.getToken();
    p.close();
    assertThrows(TokenRefreshException.class, p::getToken);
    assertTrue(p.prefetch().isCompletedExceptionally());
    assertEquals(1, server.getRequestCount());
  }

  @Test
  void interruptedWaiterLeavesTheFlightRunningForOthers() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
        release.await(PATIENCE_SECONDS, TimeUnit.SECONDS);
        return token("t1", 1800);
      }
    });
    TokenProvider p = build(builder());
    List<Throwable> results = new CopyOnWriteArrayList<>();
    Thread victim = new Thread(() -> {
      try {
        p.getToken();
      } catch (TokenRefreshException e) {
        results.add(e);
      }
    });
    victim.start();
    awaitParkedOnTheFlight(List.of(victim));
    victim.interrupt();
    joinAll(List.of(victim));
    assertEquals(1, results.size());
    assertTrue(results.get(0).getMessage().contains("interrupted"));
    release.countDown();
    assertEquals("t1", p.getToken().value());
    assertEquals(1, server.getRequestCount());
  }

  @Test
  void tokenRequestsSkipTheBaseClientsInterceptorsButShareItsConnectionPool() throws Exception {
    AtomicInteger intercepted = new AtomicInteger();
    OkHttpClient base = new OkHttpClient.Builder()
        .addInterceptor(chain -> {
          intercepted.incrementAndGet();
          return chain.proceed(chain.request());
        })
        .addNetworkInterceptor(chain -> {
          intercepted.incrementAndGet();
          return chain.proceed(chain.request());
        })
        .build();
    server.enqueue(token("t1", 1800));
    TokenProvider p = build(builder().httpClient(base));
    p.getToken();
    assertEquals(0, intercepted.get());
    assertEquals(1, base.connectionPool().connectionCount(), "the token connection lives in the shared pool");
  }

  @Test
  void aFailingAdvisoryRefreshKeepsServingAndIsNotRetriedOnEveryCall() throws Exception {
    server.enqueue(token("t1", 1000));
    for (int i = 0; i < 8; i++) {
      server.enqueue(status(503, ""));
    }
    server.enqueue(token("t2", 1000));
    CountDownLatch failedFlights = new CountDownLatch(1);
    TokenProvider p = build(builder().retryPolicy(RetryPolicy.none()).listener(e -> {
      if (e.type() == TokenEvent.Type.FAILED) {
        failedFlights.countDown();
      }
    }));
    p.getToken();
    time.advanceSeconds(800); // advisory window (last 25 %), before the skew
    assertEquals("t1", p.getToken().value());
    assertTrue(failedFlights.await(PATIENCE_SECONDS, TimeUnit.SECONDS));
    awaitIdle(p);
    for (int i = 0; i < 100; i++) {
      assertEquals("t1", p.getToken().value());
    }
    awaitIdle(p);
    assertEquals(2, server.getRequestCount(), "one failed background attempt, not one per call");
    time.advanceSeconds(11); // the advisory retry interval has passed
    assertEquals("t1", p.getToken().value());
    awaitIdle(p);
    assertEquals(3, server.getRequestCount());
  }

  /** Waits until no token request is in flight (the background flight has finished). */
  private static void awaitIdle(TokenProvider p) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(PATIENCE_SECONDS);
    while (p.inFlightForTest() && System.nanoTime() - deadline < 0) {
      Thread.sleep(5); // polling for the background flight to finish, not waiting for expiry
    }
    assertFalse(p.inFlightForTest(), "background refresh did not finish");
  }

  @Test
  void transientFailureIsRepeatedForOneSecondWithoutANewRequest() throws Exception {
    server.enqueue(status(503, ""));
    server.enqueue(token("t1", 1800));
    TokenProvider p = build(builder().retryPolicy(RetryPolicy.none()));
    assertThrows(TokenRefreshException.class, p::getToken);
    assertThrows(TokenRefreshException.class, p::getToken);
    assertEquals(1, server.getRequestCount());
    time.advance(Duration.ofMillis(1001));
    assertEquals("t1", p.getToken().value());
  }

  @Test
  void listenerAskingForATokenDuringATokenRequestGetsAnErrorInsteadOfDeadlocking() throws Exception {
    server.enqueue(status(503, ""));
    server.enqueue(token("t1", 1800));
    List<Throwable> fromListener = new CopyOnWriteArrayList<>();
    AtomicInteger calls = new AtomicInteger();
    TokenProvider[] self = new TokenProvider[1];
    TokenProvider p = build(builder().retryPolicy(new RetryPolicy(1, Duration.ZERO, Duration.ZERO)).listener(e -> {
      if (e.type() == TokenEvent.Type.FAILED && calls.getAndIncrement() == 0) {
        try {
          self[0].getToken(); // runs on the refresh thread, inside the flight it would wait for
        } catch (TokenRefreshException ex) {
          fromListener.add(ex);
        }
      }
    }));
    self[0] = p;
    CompletableFuture<AccessToken> f = p.prefetch();
    assertEquals("t1", f.get(PATIENCE_SECONDS, TimeUnit.SECONDS).value(), "the flight was not blocked");
    assertEquals(1, fromListener.size());
    assertTrue(fromListener.get(0).getMessage().contains("listeners must not wait for tokens"),
        fromListener.get(0).getMessage());
    assertEquals("t1", p.getToken().value());
    assertEquals(2, server.getRequestCount());
  }

  @Test
  void fetcherCancelledBeforeItsRequestStartsNeverSendsIt() {
    TokenFetcher fetcher = new TokenFetcher(new OkHttpClient(), server.url("/api/client/token").toString(), ID,
        SECRET, TokenRequestFormat.JSON, null, null);
    fetcher.cancel(); // close() ran before the refresh thread created its call
    TokenFetcher.Failure failure = assertThrows(TokenFetcher.Failure.class, fetcher::fetch);
    assertFalse(failure.exception.isTerminal());
    assertEquals(0, server.getRequestCount());
  }

  @Test
  void passwordInTheTokenUrlNeverAppearsInMessagesOrToString() {
    String url = server.url("/api/client/token").newBuilder().username("user").password("url-pass-77").build()
        .toString();
    server.enqueue(status(404, "{\"error\":\"nope\"}"));
    TokenProvider p = build(builder().tokenUrl(url));
    TokenRefreshException e = assertThrows(TokenRefreshException.class, p::getToken);
    assertTrue(e.getMessage().contains("OZON_TOKEN_URL"), e.getMessage());
    assertFalse(e.getMessage().contains("url-pass-77"), e.getMessage());
    assertFalse(p.toString().contains("url-pass-77"), p.toString());
  }

  @Test
  void secretEchoedInTheOAuthErrorCodeIsMaskedEverywhere() {
    server.enqueue(status(401, "{\"error\":\"bad " + SECRET + "\"}"));
    TokenProvider p = build(builder());
    TokenRefreshException e = assertThrows(TokenRefreshException.class, p::getToken);
    assertEquals("bad ***", e.errorCode());
    assertFalse(e.getMessage().contains(SECRET), e.getMessage());
    assertFalse(events.toString().contains(SECRET), events.toString());
    assertFalse(CapturedLogs.all().contains(SECRET), CapturedLogs.all());
  }

  @Test
  void userAgentAndNoCookiesOrAuthorizationOnTokenRequests() throws Exception {
    okhttp3.CookieJar jar = new okhttp3.CookieJar() {
      @Override
      public void saveFromResponse(okhttp3.HttpUrl url, List<okhttp3.Cookie> cookies) {
      }

      @Override
      public List<okhttp3.Cookie> loadForRequest(okhttp3.HttpUrl url) {
        return List.of(new okhttp3.Cookie.Builder().name("session").value("api-session").hostOnlyDomain(url.host())
            .build());
      }
    };
    server.enqueue(token("t1", 1800));
    build(builder().httpClient(new OkHttpClient.Builder().cookieJar(jar).build())).getToken();
    RecordedRequest r = server.takeRequest();
    assertTrue(r.getHeaders().get("User-Agent").contains("ozon-auth"));
    assertNull(r.getHeaders().get("Authorization"));
    assertNull(r.getHeaders().get("Cookie"));
  }
}
