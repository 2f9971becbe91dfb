package io.github.ozonperf.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The interceptor/authenticator pair against a loopback server that serves both the token and the API. */
class AuthFlowTest {
  @StartStop
  final MockWebServer server = new MockWebServer();
  final FakeTime time = new FakeTime();
  final AtomicInteger tokenRequests = new AtomicInteger();
  final AtomicInteger apiRequests = new AtomicInteger();
  final List<String> apiAuthHeaders = new CopyOnWriteArrayList<>();
  /** Which tokens the API accepts; by default the API accepts every token. */
  final Map<String, Integer> apiStatusByToken = new ConcurrentHashMap<>();
  volatile int defaultApiStatus = 200;
  /** When set, requests carrying tok1 wait here until all of them arrived. */
  volatile CountDownLatch tok1Gate;
  TokenProvider provider;
  OkHttpClient client;

  AuthFlowTest() {
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        if (request.getUrl().encodedPath().equals("/api/client/token")) {
          int n = tokenRequests.incrementAndGet();
          return TokenProviderTest.token("tok" + n, 1800);
        }
        if (request.getUrl().encodedPath().equals("/moved")) {
          return new MockResponse.Builder().code(302).addHeader("Location", "/x").build();
        }
        apiRequests.incrementAndGet();
        String auth = request.getHeaders().get("Authorization");
        apiAuthHeaders.add(auth);
        String token = auth == null ? "" : auth.substring("Bearer ".length());
        CountDownLatch gate = tok1Gate;
        if (gate != null && token.equals("tok1")) {
          gate.countDown();
          try {
            gate.await(TokenProviderTest.PATIENCE_SECONDS, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        }
        int code = apiStatusByToken.getOrDefault(token, defaultApiStatus);
        return new MockResponse.Builder().code(code).body("{\"ok\":" + (code == 200) + "}").build();
      }
    });
  }

  void setUp(OkHttpClient base) {
    // Real timeouts only end a call when something is broken: the 401 storm holds 50 calls at the server until
    // all have arrived, which can take seconds on a loaded CI machine, so no 10 s default may cut them short.
    Duration patience = Duration.ofSeconds(TokenProviderTest.PATIENCE_SECONDS);
    base = base.newBuilder().connectTimeout(patience).readTimeout(patience).writeTimeout(patience).build();
    provider = TokenProvider.builder()
        .credentials(ClientCredentials.of(TokenProviderTest.ID, TokenProviderTest.SECRET))
        .tokenUrl(server.url("/api/client/token").toString())
        .timeSource(time)
        .httpClient(base)
        .connectTimeout(patience)
        .readTimeout(patience)
        .build();
    client = base.newBuilder()
        .addInterceptor(provider.interceptor())
        .authenticator(provider.authenticator())
        .build();
  }

  @AfterEach
  void tearDown() {
    if (provider != null) {
      provider.close();
    }
  }

  int get(String path) throws IOException {
    try (Response r = client.newCall(new Request.Builder().url(server.url(path)).build()).execute()) {
      return r.code();
    }
  }

  @Test
  void interceptorAddsTheBearerHeader() throws Exception {
    setUp(new OkHttpClient());
    assertEquals(200, get("/api/client/campaign"));
    assertEquals(List.of("Bearer tok1"), apiAuthHeaders);
  }

  @Test
  void requestWithItsOwnAuthorizationIsLeftAlone() throws Exception {
    setUp(new OkHttpClient());
    try (Response r = client.newCall(new Request.Builder().url(server.url("/x"))
        .header("Authorization", "Bearer mine").build()).execute()) {
      assertEquals(200, r.code());
    }
    assertEquals(List.of("Bearer mine"), apiAuthHeaders);
    assertEquals(0, tokenRequests.get());
  }

  @Test
  void retriesOnceOn401WithAFreshToken() throws Exception {
    setUp(new OkHttpClient());
    apiStatusByToken.put("tok1", 401);
    assertEquals(200, get("/x"));
    assertEquals(List.of("Bearer tok1", "Bearer tok2"), apiAuthHeaders);
    assertEquals(2, tokenRequests.get());
    assertEquals(1, provider.stats().refreshesOn401());
  }

  @Test
  void redirectBeforeA401DoesNotCostTheCallItsOneRefreshAndRetry() throws Exception {
    setUp(new OkHttpClient());
    apiStatusByToken.put("tok1", 401);
    assertEquals(200, get("/moved"));
    assertEquals(List.of("Bearer tok1", "Bearer tok2"), apiAuthHeaders);
    assertEquals(1, provider.stats().refreshesOn401());
  }

  @Test
  void persistent401CostsAtMostTwoRequestsPerCallAndRefreshesAreRateLimited() throws Exception {
    setUp(new OkHttpClient());
    defaultApiStatus = 401;
    assertEquals(401, get("/x"));
    assertEquals(2, apiRequests.get());
    assertEquals(2, tokenRequests.get());
    // Within 10 s the fresh token is not refreshed again: one request, no token request.
    time.advanceSeconds(5);
    assertEquals(401, get("/x"));
    assertEquals(3, apiRequests.get());
    assertEquals(2, tokenRequests.get());
    // After 10 s a 401 may refresh again.
    time.advanceSeconds(6);
    assertEquals(401, get("/x"));
    assertEquals(5, apiRequests.get());
    assertEquals(3, tokenRequests.get());
    assertEquals(2, provider.stats().refreshesOn401());
  }

  @Test
  void aTokenThatServedCallsIsReplacedWhenRevokedSoonAfterTheLastRefresh() throws Exception {
    setUp(new OkHttpClient());
    apiStatusByToken.put("tok1", 401);
    assertEquals(200, get("/x"));          // tok1 rejected -> tok2
    assertEquals(200, get("/x"));          // tok2 accepted: proven
    time.advanceSeconds(5);
    apiStatusByToken.put("tok2", 401);     // the server revokes tok2 within 10 s of the last refresh
    assertEquals(200, get("/x"));
    assertEquals(List.of("Bearer tok1", "Bearer tok2", "Bearer tok2", "Bearer tok2", "Bearer tok3"),
        apiAuthHeaders);
    assertEquals(3, tokenRequests.get());
    assertEquals(2, provider.stats().refreshesOn401());
  }

  @Test
  void doesNotRefreshOn403() throws Exception {
    setUp(new OkHttpClient());
    defaultApiStatus = 403;
    assertEquals(403, get("/x"));
    assertEquals(1, apiRequests.get());
    assertEquals(1, tokenRequests.get());
    assertEquals(0, provider.stats().refreshesOn401());
  }

  @Test
  void a401StormOnFiftyParallelCallsCausesOneRefresh() throws Exception {
    setUp(new OkHttpClient.Builder()
        .dispatcher(dispatcher(64))
        .connectionPool(new okhttp3.ConnectionPool())
        .build());
    provider.getToken(); // tok1, which the API now rejects
    apiStatusByToken.put("tok1", 401);
    int n = 50;
    tok1Gate = new CountDownLatch(n); // all 50 calls are in flight with tok1 before any 401 is answered
    CyclicBarrier start = new CyclicBarrier(n);
    List<Integer> codes = new CopyOnWriteArrayList<>();
    List<Throwable> errors = new CopyOnWriteArrayList<>();
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Thread t = new Thread(() -> {
        try {
          start.await();
          codes.add(get("/x"));
        } catch (Throwable e) {
          errors.add(e);
        }
      });
      threads.add(t);
      t.start();
    }
    for (Thread t : threads) {
      t.join(TimeUnit.SECONDS.toMillis(TokenProviderTest.PATIENCE_SECONDS));
      assertTrue(!t.isAlive(), t.getName() + " did not finish");
    }
    assertEquals(List.of(), errors);
    assertEquals(n, codes.size());
    assertTrue(codes.stream().allMatch(c -> c == 200), codes.toString());
    assertEquals(2, tokenRequests.get(), "the initial token and exactly one refresh");
    assertEquals(1, provider.stats().refreshesOn401());
    assertEquals(2 * n, apiRequests.get());
  }

  private static okhttp3.Dispatcher dispatcher(int maxRequests) {
    okhttp3.Dispatcher d = new okhttp3.Dispatcher();
    d.setMaxRequests(maxRequests);
    d.setMaxRequestsPerHost(maxRequests);
    return d;
  }

  @Test
  void enqueueOnABusyDispatcherWithMaxRequestsOneDoesNotDeadlock() throws Exception {
    setUp(new OkHttpClient.Builder().dispatcher(dispatcher(1)).build());
    apiStatusByToken.put("tok1", 401); // the first token is rejected once, forcing a refresh inside enqueue
    int n = 10;
    CountDownLatch done = new CountDownLatch(n);
    List<Integer> codes = new CopyOnWriteArrayList<>();
    List<IOException> failures = new CopyOnWriteArrayList<>();
    for (int i = 0; i < n; i++) {
      client.newCall(new Request.Builder().url(server.url("/x")).build()).enqueue(new Callback() {
        @Override
        public void onFailure(Call call, IOException e) {
          failures.add(e);
          done.countDown();
        }

        @Override
        public void onResponse(Call call, Response response) {
          codes.add(response.code());
          response.close();
          done.countDown();
        }
      });
    }
    assertTrue(done.await(TokenProviderTest.PATIENCE_SECONDS, TimeUnit.SECONDS), "calls did not finish: deadlock?");
    assertEquals(List.of(), failures);
    assertEquals(n, codes.size());
    assertTrue(codes.stream().allMatch(c -> c == 200));
    assertEquals(2, tokenRequests.get());
  }

  @Test
  void tokenFailureArrivesAsTokenRefreshExceptionThroughEnqueue() throws Exception {
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        return new MockResponse.Builder().code(401).body("{\"error\":\"invalid_client\"}").build();
      }
    });
    setUp(new OkHttpClient());
    CountDownLatch done = new CountDownLatch(1);
    List<IOException> failures = new CopyOnWriteArrayList<>();
    client.newCall(new Request.Builder().url(server.url("/x")).build()).enqueue(new Callback() {
      @Override
      public void onFailure(Call call, IOException e) {
        failures.add(e);
        done.countDown();
      }

      @Override
      public void onResponse(Call call, Response response) {
        response.close();
        done.countDown();
      }
    });
    assertTrue(done.await(TokenProviderTest.PATIENCE_SECONDS, TimeUnit.SECONDS));
    assertEquals(1, failures.size());
    assertTrue(failures.get(0) instanceof TokenRefreshException, failures.get(0).toString());
    assertTrue(failures.get(0).getMessage().startsWith("OAuth token refresh failed: "));
    TokenRefreshException sync = assertThrows(TokenRefreshException.class, () -> get("/x"));
    assertTrue(sync.isTerminal());
  }

  @Test
  void authenticatorIgnoresProxyChallengesAndForeignRequests() throws Exception {
    setUp(new OkHttpClient());
    Request foreign = new Request.Builder().url(server.url("/x")).header("Authorization", "Basic abc").build();
    Response r401 = new Response.Builder().request(foreign).protocol(okhttp3.Protocol.HTTP_1_1).code(401)
        .message("Unauthorized").build();
    assertNull(provider.authenticator().authenticate(null, r401));
    Response r407 = r401.newBuilder().code(407).build();
    assertNull(provider.authenticator().authenticate(null, r407));
    assertEquals(0, tokenRequests.get());
  }
}
