package io.github.ozonperf.it;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.ozonperf.auth.ClientCredentials;
import io.github.ozonperf.auth.TokenStats;
import io.github.ozonperf.client.OzonApiException;
import io.github.ozonperf.client.OzonPerformanceClient;
import io.github.ozonperf.client.model.CampaignState;
import io.github.ozonperf.client.model.ReportListItem;
import io.github.ozonperf.client.report.ReportFormat;
import io.github.ozonperf.client.report.ReportGroupBy;
import io.github.ozonperf.client.report.ReportRequest;
import io.github.ozonperf.client.report.ReportResult;
import io.github.ozonperf.it.support.CallCounter;
import io.github.ozonperf.it.support.CapturedLogs;
import io.github.ozonperf.it.support.Sandboxes;
import io.github.ozonperf.it.support.SuccessMetrics;
import io.github.ozonperf.sandbox.Faults;
import io.github.ozonperf.sandbox.OzonSandbox;
import io.github.ozonperf.sandbox.SandboxCampaign;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Stream;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The fault soak (SANDBOX only): 10,000 SDK calls from 16 threads while the sandbox answers 5 % of API calls with
 * 503, resets 1 % of connections, answers some with 429 + Retry-After, and expires every token every 5 s.
 * Idempotent calls must never surface a failure, no report may be submitted twice, token requests stay within
 * one per expiry period, and no secret or token reaches a log line.
 */
class FaultSoakIT {
  static final int CALLS = 10_000;
  static final int THREADS = 16;
  /**
   * Every REPORT_EVERY-th call is a whole report run (submit, poll, download): a non-idempotent POST inside. 19 runs,
   * one per campaign a report can include (12 SKU + 7 BANNER), so that a duplicate submission shows per campaign.
   */
  static final int REPORT_EVERY = 550;
  static final Duration EXPIRY_PERIOD = Duration.ofSeconds(5);

  @Test
  @Timeout(value = 4, unit = TimeUnit.MINUTES) // a hang guard, not a performance assertion
  void tenThousandCallsUnderFaultsSurfaceNoIdempotentFailureNoDuplicateReportAndNoSecretInLogs()
      throws Exception {
    String secret = "soak-secret-" + Long.toHexString(Double.doubleToLongBits(Math.random()));
    Faults faults = Faults.builder()
        .probability503(0.05)
        .probabilityReset(0.01)
        .probability429(0.002)
        .retryAfterSeconds(1)
        .forceTokenExpiryEvery(EXPIRY_PERIOD)
        .seed(20261123L)
        .build();
    CapturedLogs.clear();
    Set<String> tokensSeen = ConcurrentHashMap.newKeySet();
    ConcurrentLinkedQueue<Throwable> idempotentFailures = new ConcurrentLinkedQueue<>();
    ConcurrentLinkedQueue<Throwable> reportFailures = new ConcurrentLinkedQueue<>();
    LongAdder reportsOk = new LongAdder();
    Map<Integer, String> reportCampaign = new ConcurrentHashMap<>();

    try (OzonSandbox sandbox = OzonSandbox.builder().clientSecret(secret).faults(faults)
        .reportDuration(Duration.ofMillis(200)).start()) {
      CallCounter calls = new CallCounter();
      OkHttpClient base = new OkHttpClient.Builder()
          .addInterceptor(calls)
          .addNetworkInterceptor(chain -> {
            String auth = chain.request().header("Authorization");
            if (auth != null && auth.startsWith("Bearer ")) {
              tokensSeen.add(auth.substring(7));
            }
            return chain.proceed(chain.request());
          })
          .build();
      List<SandboxCampaign> campaigns = sandbox.data().campaigns();
      List<SandboxCampaign> reportable = campaigns.stream()
          .filter(c -> io.github.ozonperf.sandbox.SandboxData.reportable(c.advObjectType())).toList();
      LocalDate to = LocalDate.of(2026, 11, 1);

      long started = System.nanoTime();
      try (OzonPerformanceClient client = OzonPerformanceClient.builder()
          .credentials(ClientCredentials.of(sandbox.clientId(), sandbox.clientSecret()))
          .baseUrl(sandbox.baseUrl())
          .tokenUrl(sandbox.tokenUrl())
          .okHttpClient(base)
          .maxRetries(8)
          .reportOptions(Sandboxes.fastReports())
          .build()) {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        AtomicInteger next = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> workers = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
          workers.add(pool.submit(() -> {
            start.await();
            for (int i; (i = next.getAndIncrement()) < CALLS; ) {
              if (i % REPORT_EVERY == 0) {
                // One campaign per report, a different one each time: a duplicate is visible per campaign.
                String id = reportable.get(i / REPORT_EVERY).id();
                reportCampaign.put(i, id);
                try (ReportResult r = client.reports().run(ReportRequest.builder()
                    .campaignIds(List.of(id)).dateFrom(to.minusDays(6)).dateTo(to)
                    .groupBy(ReportGroupBy.DATE).format(ReportFormat.CSV).build(), e -> { });
                    Stream<io.github.ozonperf.client.report.ReportRow> rows = r.rows()) {
                  // a row per product (or banner and platform) and day: every one of the 7 days is there
                  if (rows.map(io.github.ozonperf.client.report.ReportRow::date).distinct().count() == 7) {
                    reportsOk.increment();
                  }
                } catch (OzonApiException e) {
                  reportFailures.add(e);
                }
                continue;
              }
              try {
                idempotentCall(client, campaigns, i, to);
              } catch (RuntimeException e) {
                idempotentFailures.add(e);
              }
            }
            return null;
          }));
        }
        start.countDown();
        for (Future<?> w : workers) {
          w.get();
        }
        pool.shutdown();
        long elapsedNanos = System.nanoTime() - started;

        long submissionsArrived = sandbox.requests("/api/client/statistics");
        long expiryPeriods = elapsedNanos / EXPIRY_PERIOD.toNanos() + 1;
        long tokenRequests = sandbox.tokenRequests();
        long apiRequests = sandbox.totalRequests() - tokenRequests;
        String logs = CapturedLogs.all();
        System.out.printf(Locale.ROOT, "fault soak: %d calls from %d threads in %.1f s; %d API requests arrived "
                + "(%.1f %% more than calls: retries and report polls); client stats %s; token requests %d for "
                + "%d expiry periods, 401-refreshes %d; report runs ok %d, failed %d; submissions arrived %d; "
                + "idempotent failures %d; %d log lines%n",
            CALLS, THREADS, elapsedNanos / 1e9, apiRequests, 100.0 * (apiRequests - CALLS) / CALLS, client.stats(),
            tokenRequests, expiryPeriods, client.tokens().stats().refreshesOn401(), reportsOk.sum(),
            reportFailures.size(), submissionsArrived, idempotentFailures.size(), CapturedLogs.size());

        TokenStats tokenStats = client.tokens().stats();
        SuccessMetrics.record("SANDBOX fault soak", tokenStats.tokenRequests(), tokenStats.successes(),
            calls.calls());

        // Reports the sandbox accepted, per campaign (read with a fresh client after the soak).
        Map<String, Integer> accepted = new HashMap<>();
        try (OzonPerformanceClient reader = OzonPerformanceClient.builder()
            .credentials(ClientCredentials.of(sandbox.clientId(), sandbox.clientSecret()))
            .baseUrl(sandbox.baseUrl()).maxRetries(8).build()) {
          for (ReportListItem item : allReports(reader)) {
            item.getCampaigns().forEach(c -> accepted.merge(c.getId(), 1, Integer::sum));
          }
        }

        System.out.println("fault soak: report runs that failed (a submission is never retried once it may have "
            + "reached the server, so 503/reset on it surfaces): " + describe(reportFailures));
        long runs = reportCampaign.size();
        assertAll("fault soak",
            // The faults really happened (else this soak proves nothing).
            () -> assertTrue(client.stats().retries() > 100, "503s and resets were retried: " + client.stats()),
            () -> assertTrue(client.stats().rateLimited() > 0, "429s arrived: " + client.stats()),
            () -> assertTrue(tokenStats.refreshesOn401() > 0 || tokenRequests > 1, "tokens were force-expired"),
            () -> assertTrue(CapturedLogs.size() > 0, "log lines were captured (else the log checks prove nothing)"),
            () -> assertFalse(tokensSeen.isEmpty(), "bearer tokens were observed (else the token check proves nothing)"),
            // What must hold.
            () -> assertEquals(List.of(), describe(idempotentFailures), idempotentFailures.size()
                + " idempotent calls surfaced a failure; the first ones are listed"),
            () -> assertEquals(Map.of(), duplicates(accepted), "reports submitted more than once, per campaign"),
            () -> assertTrue(submissionsArrived >= accepted.values().stream().mapToInt(Integer::intValue).sum()),
            () -> assertEquals(runs, reportsOk.sum() + reportFailures.size(), "every report run ended"),
            () -> assertTrue(reportsOk.sum() >= runs / 2, "most report runs succeed: " + reportsOk.sum() + " of "
                + runs + "; failures: " + describe(reportFailures)),
            () -> assertTrue(tokenRequests <= expiryPeriods + 1, "token requests " + tokenRequests + " exceed one "
                + "per expiry period (" + expiryPeriods + " periods) plus the first"),
            () -> assertFalse(logs.contains(secret), "the client secret appeared in a log line"),
            () -> assertEquals(0, tokensSeen.stream().filter(logs::contains).count(),
                "full tokens appeared in log lines"),
            () -> assertEquals(List.of(), Stream.concat(reportFailures.stream(), idempotentFailures.stream())
                .map(Throwable::getMessage)
                .filter(m -> m.contains(secret) || tokensSeen.stream().anyMatch(m::contains)).toList(),
                "exception messages must not carry the secret or a token"));
      }
    }
  }

  static Map<String, Integer> duplicates(Map<String, Integer> perCampaign) {
    Map<String, Integer> out = new HashMap<>();
    perCampaign.forEach((campaign, count) -> {
      if (count > 1) {
        out.put(campaign, count);
      }
    });
    return out;
  }

  /** Read-only calls spread over the campaign, statistics and report-status operations. */
  static void idempotentCall(OzonPerformanceClient client, List<SandboxCampaign> campaigns, int i, LocalDate to) {
    SandboxCampaign c = campaigns.get(i % campaigns.size());
    switch (i % 6) {
      case 0 -> client.campaigns().listCampaigns(null, null, null, null, null);
      case 1 -> client.campaigns().listCampaigns(List.of(c.id()), null, CampaignState.CAMPAIGN_STATE_RUNNING,
          null, null);
      case 2 -> client.campaigns().listCampaignObjects(c.id());
      case 3 -> client.campaigns().getBidLimits();
      case 4 -> client.statisticsJson().getDailyStatisticsJson(List.of(c.id()), to.minusDays(2), to);
      default -> client.statisticsJson().getCampaignExpenseJson(List.of(c.id()), to.minusDays(2), to);
    }
  }

  static List<ReportListItem> allReports(OzonPerformanceClient client) {
    List<ReportListItem> all = new ArrayList<>();
    for (long page = 1; page <= 100; page++) {
      List<ReportListItem> items = client.statistics().listReports(page, 100L).getItems();
      if (items == null || items.isEmpty()) {
        break;
      }
      all.addAll(items);
      if (items.size() < 100) {
        break;
      }
    }
    return all;
  }

  static List<String> describe(Iterable<Throwable> failures) {
    List<String> out = new ArrayList<>();
    for (Throwable t : failures) {
      if (out.size() == 10) {
        out.add("...");
        break;
      }
      out.add(t.getClass().getSimpleName() + ": " + t.getMessage());
    }
    return out;
  }
}
