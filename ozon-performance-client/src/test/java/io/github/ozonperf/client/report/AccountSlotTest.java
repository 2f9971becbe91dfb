package io.github.ozonperf.client.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.ozonperf.client.internal.report.DefaultReports;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import okio.Buffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AccountSlotTest {
  private static final int THREADS = 8;
  private static final int CHUNKS_PER_RUN = 2;

  @StartStop
  final MockWebServer server = new MockWebServer();

  @TempDir
  Path tempDir;

  @Test
  void concurrentRunsOfOneAccountNeverGenerateTwoReportsAtOnce() throws Exception {
    FakeOzon ozon = new FakeOzon();
    AtomicInteger generating = new AtomicInteger();
    AtomicInteger maxGenerating = new AtomicInteger();
    AtomicInteger overlaps = new AtomicInteger();
    ozon.onSubmit = uuid -> {
      int now = generating.incrementAndGet();
      maxGenerating.accumulateAndGet(now, Math::max);
      if (now > 1) {
        overlaps.incrementAndGet(); // Ozon would answer 429 and lose this report
      }
    };
    ozon.status = (uuid, n) -> {
      if (n < 3) {
        return FakeOzon.state("IN_PROGRESS");
      }
      if (n == 3) {
        generating.decrementAndGet(); // the generation ends when Ozon first reports OK
      }
      return FakeOzon.state("OK");
    };
    byte[] csv = "Дата;Показы;Клики;Расход, ₽\n01.10.2026;5;1;2,50\n".getBytes(StandardCharsets.UTF_8);
    ozon.download = uuid -> new MockResponse.Builder().addHeader("Content-Type", "text/csv")
        .body(new Buffer().write(csv)).build();
    server.setDispatcher(ozon);
    String account = server.url("/") + "|same-client-id";

    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Long>> results = new ArrayList<>();
    try {
      for (int t = 0; t < THREADS; t++) {
        // a separate Reports per thread, as separate clients of the same account would have
        DefaultReports reports = FakeOzon.reports(server, account, ReportOptions.builder()
            .clock(new FakeOzon.FakeClock()).tempDir(tempDir).timeout(Duration.ofHours(1)).build());
        String campaign = String.valueOf(100 + t);
        results.add(pool.submit(() -> {
          start.await();
          ReportRequest request = ReportRequest.builder().campaignIds(List.of(campaign))
              .dateFrom(LocalDate.of(2026, 1, 1)).dateTo(LocalDate.of(2026, 3, 31)).build();
          try (ReportResult result = reports.run(request)) {
            return result.totals().views();
          }
        }));
      }
      start.countDown();
      for (Future<Long> result : results) {
        assertEquals(5L * CHUNKS_PER_RUN, result.get(120, TimeUnit.SECONDS));
      }
    } finally {
      pool.shutdownNow();
    }

    assertEquals(THREADS * CHUNKS_PER_RUN, ozon.submits.get());
    assertEquals(THREADS * CHUNKS_PER_RUN * 3, ozon.statusCalls.get());
    assertEquals(THREADS * CHUNKS_PER_RUN, ozon.downloads.get());
    assertEquals(0, overlaps.get());
    assertEquals(1, maxGenerating.get());
    assertEquals(0, generating.get());
  }
}
