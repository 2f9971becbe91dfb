package io.github.ozonperf.benchmarks.auth;

import io.github.ozonperf.auth.ClientCredentials;
import io.github.ozonperf.auth.RetryPolicy;
import io.github.ozonperf.auth.TokenProvider;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Cold herd: {@code threads} callers hit a cold provider at once, against a loopback token endpoint. Reports the
 * time until every caller has a token and, as the {@code tokenRequests} and {@code herds} counters, how many token requests the
 * herd caused (the target is exactly 1).
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 5)
@Measurement(iterations = 20)
@State(Scope.Benchmark)
public class ColdHerdBenchmark {

  /** Herd size. */
  @Param({"200"})
  public int threads;

  MockWebServer server;
  final AtomicInteger tokenRequests = new AtomicInteger();

  /** Starts the loopback token endpoint. */
  @Setup(Level.Trial)
  public void startServer() throws IOException {
    server = new MockWebServer();
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        tokenRequests.incrementAndGet();
        return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
            .body("{\"access_token\":\"herd-token\",\"expires_in\":1800,\"token_type\":\"Bearer\"}").build();
      }
    });
    server.start();
  }

  /** Stops the endpoint. */
  @TearDown(Level.Trial)
  public void stopServer() {
    server.close();
  }

  /** Counters reported next to the timing. */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.EVENTS)
  public static class Counters {
    /** Token requests caused by the herds (summed over iterations). */
    public long tokenRequests;
    /** Herds run (summed over iterations); {@code tokenRequests / herds} is the requests per herd. */
    public long herds;
  }

  /**
   * One herd on a fresh provider.
   *
   * @param counters where the request count goes
   * @throws Exception if a caller failed
   */
  @Benchmark
  public void coldHerd(Counters counters) throws Exception {
    int before = tokenRequests.get();
    try (TokenProvider provider = TokenProvider.builder()
        .credentials(ClientCredentials.of("herd@advertising.performance.ozon.ru", "herd-secret"))
        .tokenUrl(server.url("/api/client/token").toString())
        .retryPolicy(RetryPolicy.none())
        .build()) {
      CyclicBarrier start = new CyclicBarrier(threads);
      List<Thread> herd = new ArrayList<>(threads);
      AtomicInteger failures = new AtomicInteger();
      for (int i = 0; i < threads; i++) {
        Thread t = new Thread(() -> {
          try {
            start.await();
            provider.getToken();
          } catch (Exception e) {
            failures.incrementAndGet();
          }
        });
        herd.add(t);
        t.start();
      }
      for (Thread t : herd) {
        t.join();
      }
      if (failures.get() != 0) {
        throw new IllegalStateException(failures.get() + " callers failed");
      }
    }
    counters.tokenRequests += tokenRequests.get() - before;
    counters.herds++;
  }
}
