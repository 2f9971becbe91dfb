package io.github.ozonperf.client;

import io.github.ozonperf.auth.ClientCredentials;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/**
 * A loopback stand-in for Ozon: {@code POST /api/client/token} hands out tok-1, tok-2, ...; API requests are
 * recorded and answered from a queue (then from {@link #fallback}).
 */
final class OzonTestServer extends Dispatcher {
  static final String CLIENT_ID = "12345678-1700000000000@advertising.performance.ozon.ru";
  static final String SECRET = "s3cr3t-VERY-PRIVATE-value";
  static final ClientCredentials CREDENTIALS = ClientCredentials.of(CLIENT_ID, SECRET);

  final MockWebServer server;
  final AtomicInteger tokenRequests = new AtomicInteger();
  final List<RecordedRequest> tokenCalls = new CopyOnWriteArrayList<>();
  final List<RecordedRequest> apiCalls = new CopyOnWriteArrayList<>();
  final Queue<MockResponse> answers = new ConcurrentLinkedQueue<>();
  volatile MockResponse tokenAnswer;
  volatile Function<RecordedRequest, MockResponse> fallback = r -> json(200, "{}");

  OzonTestServer(MockWebServer server) {
    this.server = server;
    server.setDispatcher(this);
  }

  @Override
  public MockResponse dispatch(RecordedRequest request) {
    if (request.getUrl().encodedPath().equals("/api/client/token")) {
      tokenCalls.add(request);
      int n = tokenRequests.incrementAndGet();
      MockResponse fixed = tokenAnswer;
      if (fixed != null) {
        return fixed;
      }
      return json(200, "{\"access_token\":\"tok-" + n + "\",\"expires_in\":1800,\"token_type\":\"Bearer\"}");
    }
    apiCalls.add(request);
    MockResponse next = answers.poll();
    return next != null ? next : fallback.apply(request);
  }

  OzonTestServer enqueue(MockResponse... responses) {
    answers.addAll(List.of(responses));
    return this;
  }

  static MockResponse json(int code, String body) {
    return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json").body(body).build();
  }

  static MockResponse rateLimited(String retryAfterSeconds) {
    MockResponse.Builder b = new MockResponse.Builder().code(429).addHeader("Content-Type", "application/json")
        .body("{\"error\":\"Превышен лимит запросов\"}");
    if (retryAfterSeconds != null) {
      b.addHeader("Retry-After", retryAfterSeconds);
    }
    return b.build();
  }

  String baseUrl() {
    String s = server.url("/").toString();
    return s.substring(0, s.length() - 1);
  }

  /** A client of this server with a fake clock; tests adjust the builder. */
  OzonPerformanceClient.Builder clientBuilder(FakeTime time) {
    return OzonPerformanceClient.builder()
        .credentials(CREDENTIALS)
        .baseUrl(baseUrl())
        .timeSource(time)
        .jitter(() -> 0.5);
  }
}
