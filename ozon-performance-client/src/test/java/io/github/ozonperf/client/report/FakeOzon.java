package io.github.ozonperf.client.report;

import io.github.ozonperf.client.api.StatisticsApi;
import io.github.ozonperf.client.api.StatisticsJsonApi;
import io.github.ozonperf.client.internal.report.DefaultReports;
import io.github.ozonperf.client.invoker.ApiClient;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiFunction;
import java.util.function.Function;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.OkHttpClient;

/** A scripted Ozon statistics endpoint for MockWebServer: submit → r-N, status and download by script. */
final class FakeOzon extends Dispatcher {
  final AtomicInteger submits = new AtomicInteger();
  final AtomicInteger jsonSubmits = new AtomicInteger();
  final AtomicInteger statusCalls = new AtomicInteger();
  final AtomicInteger downloads = new AtomicInteger();
  final List<String> submitBodies = new CopyOnWriteArrayList<>();
  final List<String> downloadAccepts = new CopyOnWriteArrayList<>();
  final ConcurrentHashMap<String, AtomicInteger> pollsByUuid = new ConcurrentHashMap<>();
  /** (uuid, 1-based poll number) → status response. */
  volatile BiFunction<String, Integer, MockResponse> status = (uuid, n) -> state("OK");
  /** uuid → download response. */
  volatile Function<String, MockResponse> download = uuid -> new MockResponse.Builder().code(404)
      .body("{\"error\":\"report not found\"}").build();
  /** 1-based submit number → a scripted answer, or null for the normal one. */
  volatile Function<Integer, MockResponse> submitScript = n -> null;
  /** Called on each submit with the new uuid (before answering). */
  volatile java.util.function.Consumer<String> onSubmit = uuid -> { };

  final AtomicInteger rejected = new AtomicInteger();

  private int rejectedSubmits() {
    return rejected.get();
  }

  static MockResponse state(String state) {
    return json(200, "{\"UUID\":\"x\",\"state\":\"" + state + "\"}");
  }

  static MockResponse json(int code, String body) {
    return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json")
        .body(body).build();
  }

  @Override
  public MockResponse dispatch(RecordedRequest request) {
    String path = request.getUrl().encodedPath();
    if (request.getMethod().equals("POST") && (path.equals("/api/client/statistics")
        || path.equals("/api/client/statistics/json"))) {
      int n = submits.incrementAndGet();
      MockResponse scripted = submitScript.apply(n);
      if (scripted != null) {
        rejected.incrementAndGet();
        return scripted;
      }
      if (path.endsWith("/json")) {
        jsonSubmits.incrementAndGet();
      }
      submitBodies.add(request.getBody() == null ? "" : request.getBody().utf8());
      String uuid = "r-" + (n - rejectedSubmits());
      onSubmit.accept(uuid);
      return json(200, "{\"UUID\":\"" + uuid + "\",\"vendor\":false}");
    }
    if (path.equals("/api/client/statistics/report")) {
      downloads.incrementAndGet();
      downloadAccepts.add(String.valueOf(request.getHeaders().get("Accept")));
      return download.apply(request.getUrl().queryParameter("UUID"));
    }
    if (request.getMethod().equals("GET") && path.startsWith("/api/client/statistics/")) {
      statusCalls.incrementAndGet();
      String uuid = path.substring("/api/client/statistics/".length());
      int n = pollsByUuid.computeIfAbsent(uuid, u -> new AtomicInteger()).incrementAndGet();
      return status.apply(uuid, n);
    }
    return json(404, "{\"error\":\"no such path " + path + "\"}");
  }

  static DefaultReports reports(MockWebServer server, String account, ReportOptions options) {
    OkHttpClient http = new OkHttpClient.Builder().build();
    ApiClient api = new ApiClient(http);
    String base = server.url("/").toString();
    api.setBasePath(base.substring(0, base.length() - 1));
    return new DefaultReports(new StatisticsApi(api), new StatisticsJsonApi(api), account, options);
  }

  /** Time advances only when the code under test sleeps; every sleep is recorded. */
  static final class FakeClock implements ReportClock {
    final AtomicLong now = new AtomicLong(1_000_000_000L);
    final List<Duration> sleeps = new CopyOnWriteArrayList<>();

    @Override
    public long nanoTime() {
      return now.get();
    }

    @Override
    public void sleep(Duration duration) {
      sleeps.add(duration);
      now.addAndGet(duration.toNanos());
    }
  }
}
