package io.github.ozonperf.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;

class ConcurrencyTest {
  private static final int THREADS = 200;

  @Test
  void twoHundredConcurrentClientsAllSucceedAndAreCountedExactly() throws Exception {
    try (OzonSandbox sandbox = OzonSandbox.builder().clock(MutableClock.at2026()).start()) {
      SandboxClient login = new SandboxClient(sandbox).login();
      String token = login.token;
      String id = sandbox.data().campaigns().get(0).id();
      Dispatcher d = new Dispatcher();
      d.setMaxRequests(THREADS);
      d.setMaxRequestsPerHost(THREADS);
      OkHttpClient http = SandboxClient.HTTP.newBuilder().dispatcher(d)
          .connectionPool(new ConnectionPool(THREADS, 1, TimeUnit.MINUTES)).build();
      ExecutorService pool = Executors.newFixedThreadPool(THREADS);
      CountDownLatch start = new CountDownLatch(1);
      AtomicInteger ok = new AtomicInteger();
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        futures.add(pool.submit(() -> {
          start.await();
          for (String path : new String[] {"/api/client/campaign",
              "/api/client/statistics/daily/json?campaignIds=" + id + "&dateFrom=2026-11-01&dateTo=2026-11-07"}) {
            try (Response r = http.newCall(new Request.Builder().url(sandbox.baseUrl() + path)
                .header("Authorization", "Bearer " + token).build()).execute()) {
              r.body().bytes();
              if (r.code() == 200) {
                ok.incrementAndGet();
              }
            }
          }
          return null;
        }));
      }
      start.countDown();
      for (Future<?> f : futures) {
        f.get(120, TimeUnit.SECONDS);
      }
      pool.shutdown();
      assertEquals(2 * THREADS, ok.get());
      assertEquals(THREADS, sandbox.requests("/api/client/campaign"));
      assertEquals(THREADS, sandbox.requests("/api/client/statistics/daily/json"));
      assertEquals(2L * THREADS + 1, sandbox.totalRequests());
      assertEquals(1, sandbox.tokenRequests());
      http.connectionPool().evictAll();
    }
  }
}
