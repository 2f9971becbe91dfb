package io.github.ozonperf.client;

import static io.github.ozonperf.client.OzonTestServer.json;
import static io.github.ozonperf.client.OzonTestServer.rateLimited;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.ozonperf.client.model.StatisticsRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The shared per-account rate-limit engine and the retry rules. Time is fake: nothing really sleeps. */
class RateLimitTest {
  @StartStop
  final MockWebServer mock = new MockWebServer();
  final OzonTestServer ozon = new OzonTestServer(mock);
  final FakeTime time = new FakeTime();
  OzonPerformanceClient client;

  @AfterEach
  void close() {
    if (client != null) {
      client.close();
    }
  }

  @Test
  void getWaitsOutRetryAfterThenRetries() {
    client = ozon.clientBuilder(time).build();
    ozon.enqueue(rateLimited("7"), json(200, "{\"list\":[]}"));
    client.campaigns().listCampaigns(null, null, null, null, null);
    assertEquals(2, ozon.apiCalls.size());
    assertEquals(List.of(Duration.ofSeconds(7)), time.sleeps);
    ClientStats s = client.stats();
    assertEquals(2, s.requests());
    assertEquals(1, s.rateLimited());
    assertEquals(1, s.coolDownWaits());
    assertEquals(Duration.ofSeconds(7), s.coolDownWaited());
    assertEquals(1, s.retries());
  }

  @Test
  void without429HeaderBackoffGrowsExponentially() {
    client = ozon.clientBuilder(time).build();
    ozon.enqueue(rateLimited(null), rateLimited(null), rateLimited(null), json(200, "{\"list\":[]}"));
    client.campaigns().listCampaigns(null, null, null, null, null);
    // jitter fixed at 0.5: d/2 + 0.5 * d/2 = 0.75 d for d = 1 s, 2 s, 4 s
    assertEquals(List.of(Duration.ofMillis(750), Duration.ofMillis(1500), Duration.ofMillis(3000)), time.sleeps);
    assertEquals(3, client.stats().retries());
  }

  @Test
  void getGivesUpAfterMaxRetriesWithRateLimitException() {
    client = ozon.clientBuilder(time).maxRetries(2).build();
    ozon.fallback = r -> rateLimited("1");
    OzonRateLimitException e = assertThrows(OzonRateLimitException.class,
        () -> client.campaigns().listCampaigns(null, null, null, null, null));
    assertEquals(3, ozon.apiCalls.size());
    assertEquals(Duration.ofSeconds(1), e.retryAfter().orElseThrow());
  }

  @Test
  void postIsNeverResentAfter429() {
    client = ozon.clientBuilder(time).build();
    ozon.enqueue(rateLimited("3"), json(200, "{\"UUID\":\"late\"}"));
    assertThrows(OzonRateLimitException.class, () -> client.statistics()
        .submitStatisticsReport(new StatisticsRequest().campaigns(List.of("1"))));
    assertEquals(1, ozon.apiCalls.size());
    assertEquals(0, client.stats().retries());
  }

  @Test
  void postIsNeverResentAfter503EvenWhenRetryAfterIsZero() {
    // OkHttp itself re-sends any request, POST included, on a 503 carrying "Retry-After: 0".
    client = ozon.clientBuilder(time).build();
    ozon.enqueue(new MockResponse.Builder().code(503).addHeader("Retry-After", "0")
        .addHeader("Content-Type", "application/json").body("{\"error\":\"unavailable\"}").build(),
        json(200, "{\"UUID\":\"dup\"}"));
    OzonServerException e = assertThrows(OzonServerException.class, () -> client.statistics()
        .submitStatisticsReport(new StatisticsRequest().campaigns(List.of("1"))));
    assertEquals(503, e.statusCode());
    assertEquals(1, ozon.apiCalls.size(), "the POST reached the server once and was not re-sent");
  }

  @Test
  void getIsStillRetriedAfter503WithRetryAfterZero() {
    client = ozon.clientBuilder(time).build();
    ozon.enqueue(new MockResponse.Builder().code(503).addHeader("Retry-After", "0").build(),
        json(200, "{\"list\":[]}"));
    client.campaigns().listCampaigns(null, null, null, null, null);
    assertEquals(2, ozon.apiCalls.size());
  }

  static MockResponse unavailableRetryAfterZero() {
    return new MockResponse.Builder().code(503).addHeader("Retry-After", "0")
        .addHeader("Content-Type", "application/json").body("{\"error\":\"unavailable\"}").build();
  }

  @Test
  void getAnswered503WithRetryAfterZeroReachesTheServerOnlyOncePerOwnAttempt() {
    client = ozon.clientBuilder(time).maxRetries(3).build();
    ozon.fallback = r -> unavailableRetryAfterZero();

    OzonServerException e = assertThrows(OzonServerException.class,
        () -> client.campaigns().listCampaigns(null, null, null, null, null));

    assertEquals(503, e.statusCode());
    assertEquals(4, ozon.apiCalls.size(), "1 + maxRetries, no repeats by OkHttp");
    assertEquals(ozon.apiCalls.size(), client.stats().requests(), "stats() counts what reached the server");
    assertEquals(3, client.stats().retries());
    // Our backoff (jitter 0.5: 0.75 s, 1.5 s, 3 s) between the attempts, not immediate repeats.
    assertEquals(List.of(Duration.ofMillis(750), Duration.ofMillis(1500), Duration.ofMillis(3000)), time.sleeps);
  }

  @Test
  void getAnswered503WithRetryAfterZeroTwiceSucceedsOnItsThirdRequest() {
    client = ozon.clientBuilder(time).maxRetries(3).build();
    ozon.enqueue(unavailableRetryAfterZero(), unavailableRetryAfterZero(), json(200, "{\"list\":[]}"));

    client.campaigns().listCampaigns(null, null, null, null, null);

    assertEquals(3, ozon.apiCalls.size());
    assertEquals(3, client.stats().requests());
    assertEquals(2, client.stats().retries());
  }

  @Test
  void getAnswered503WithRetryAfterZeroIsNotRepeatedWhenRetriesAreOff() {
    client = ozon.clientBuilder(time).maxRetries(0).build();
    ozon.fallback = r -> unavailableRetryAfterZero();

    assertThrows(OzonServerException.class, () -> client.campaigns().listCampaigns(null, null, null, null, null));

    assertEquals(1, ozon.apiCalls.size());
    assertEquals(1, client.stats().requests());
  }

  @Test
  void postAnswered503WithRetryAfterZeroIsSentOnceAndCountedOnce() {
    client = ozon.clientBuilder(time).maxRetries(3).build();
    ozon.fallback = r -> unavailableRetryAfterZero();

    assertThrows(OzonServerException.class, () -> client.statistics()
        .submitStatisticsReport(new StatisticsRequest().campaigns(List.of("1"))));

    assertEquals(1, ozon.apiCalls.size());
    assertEquals(1, client.stats().requests());
    assertEquals(0, client.stats().retries());
  }

  @Test
  void statsCountTheResendAfterA401() {
    client = ozon.clientBuilder(time).build();
    ozon.enqueue(json(401, "{\"error\":\"token expired\"}"), json(200, "{\"list\":[]}"));

    client.campaigns().listCampaigns(null, null, null, null, null);

    assertEquals(2, ozon.apiCalls.size());
    assertEquals(2, client.stats().requests(), "the authenticator's re-send went out on the wire too");
  }

  @Test
  void postIsNeverResentWhenTheConnectionDropsAfterSending() {
    client = ozon.clientBuilder(time).build();
    ozon.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.ShutdownConnection.INSTANCE).build(),
        json(200, "{\"UUID\":\"dup\"}"));
    assertThrows(OzonConnectionException.class, () -> client.statistics()
        .submitStatisticsReport(new StatisticsRequest().campaigns(List.of("1"))));
    assertEquals(1, ozon.apiCalls.size(), "the POST reached the server once and was not re-sent");
  }

  @Test
  void getIsResentWhenTheConnectionDropsAfterSending() {
    client = ozon.clientBuilder(time).build();
    ozon.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.ShutdownConnection.INSTANCE).build(),
        json(200, "{\"list\":[]}"));
    client.campaigns().listCampaigns(null, null, null, null, null);
    assertEquals(2, ozon.apiCalls.size());
    assertEquals(1, client.stats().retries());
  }

  @Test
  void a429SetsACoolDownThatTheNextCallWaitsOutToo() {
    client = ozon.clientBuilder(time).build();
    ozon.enqueue(rateLimited("5"), json(200, "{}"));
    assertThrows(OzonRateLimitException.class, () -> client.statistics()
        .submitStatisticsReport(new StatisticsRequest().campaigns(List.of("1"))));
    client.campaigns().listCampaigns(null, null, null, null, null);
    assertEquals(List.of(Duration.ofSeconds(5)), time.sleeps, "the GET waited for the POST's cool-down");
  }

  @Test
  void retryAfterLongerThanTheMaximumIsReportedNotWaited() {
    client = ozon.clientBuilder(time).build();
    ozon.enqueue(rateLimited("3600"), json(200, "{}"));
    OzonRateLimitException e = assertThrows(OzonRateLimitException.class,
        () -> client.campaigns().listCampaigns(null, null, null, null, null));
    assertEquals(Duration.ofHours(1), e.retryAfter().orElseThrow());
    assertEquals(1, ozon.apiCalls.size());
    assertTrue(time.sleeps.isEmpty());
    client.campaigns().listCampaigns(null, null, null, null, null);
    assertEquals(List.of(Duration.ofSeconds(60)), time.sleeps, "later calls wait the capped cool-down");
  }

  @Test
  void serverErrorsOnGetAreRetriedWithBackoff() {
    client = ozon.clientBuilder(time).build();
    ozon.enqueue(json(503, "{\"error\":\"unavailable\"}"), json(502, "{}"), json(200, "{\"list\":[]}"));
    client.campaigns().listCampaigns(null, null, null, null, null);
    assertEquals(3, ozon.apiCalls.size());
    assertEquals(List.of(Duration.ofMillis(750), Duration.ofMillis(1500)), time.sleeps);
    assertEquals(0, client.stats().rateLimited());
  }

  /** A fake clock whose sleep blocks until the test releases time, so waiting threads can be counted. */
  static final class GatedTime extends FakeTime {
    final CountDownLatch firstSleeper = new CountDownLatch(1);
    final CountDownLatch allSleepers;
    final CountDownLatch release = new CountDownLatch(1);

    GatedTime(int expectedSleepers) {
      allSleepers = new CountDownLatch(expectedSleepers);
    }

    @Override
    public void sleep(Duration duration) throws InterruptedException {
      sleeps.add(duration);
      firstSleeper.countDown();
      allSleepers.countDown();
      if (!release.await(120, TimeUnit.SECONDS)) {
        throw new IllegalStateException("test never released time");
      }
    }
  }

  @Test
  void concurrentCallsShareOneCoolDownInsteadOfHammering() throws Exception {
    int others = 15;
    GatedTime gated = new GatedTime(others + 1);
    client = ozon.clientBuilder(gated).build();
    ozon.enqueue(rateLimited("5"));
    ozon.fallback = r -> json(200, "{\"list\":[]}");
    ExecutorService pool = Executors.newFixedThreadPool(others + 1);
    try {
      List<Future<?>> calls = new ArrayList<>();
      calls.add(pool.submit(() -> client.campaigns().listCampaigns(null, null, null, null, null)));
      assertTrue(gated.firstSleeper.await(60, TimeUnit.SECONDS), "the first call should wait after its 429");
      for (int i = 0; i < others; i++) {
        calls.add(pool.submit(() -> client.campaigns().listCampaigns(null, null, null, null, null)));
      }
      assertTrue(gated.allSleepers.await(60, TimeUnit.SECONDS), "every call should wait for the cool-down");
      assertEquals(1, ozon.apiCalls.size(), "no call was sent during the cool-down");

      gated.advance(Duration.ofSeconds(5));
      gated.release.countDown();
      for (Future<?> f : calls) {
        f.get(60, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    assertEquals(others + 2, ozon.apiCalls.size(), "one 429, then each call once");
    ClientStats s = client.stats();
    assertEquals(others + 2, s.requests());
    assertEquals(1, s.rateLimited());
    assertEquals(others + 1, s.coolDownWaits());
    assertEquals(1, s.retries());
    assertEquals(others + 1, gated.sleeps.size());
  }
}
