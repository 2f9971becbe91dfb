package io.github.ozonperf.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.ozonperf.auth.AccessToken;
import io.github.ozonperf.auth.ClientCredentials;
import io.github.ozonperf.auth.TokenStats;
import io.github.ozonperf.client.OzonAuthenticationException;
import io.github.ozonperf.client.OzonPerformanceClient;
import io.github.ozonperf.it.support.CallCounter;
import io.github.ozonperf.it.support.CapturedLogs;
import io.github.ozonperf.it.support.ManualTime;
import io.github.ozonperf.it.support.OzonTargets;
import io.github.ozonperf.it.support.TargetEnv;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Scenario 1 - tokens: fetched once and reused, a wrong secret fails clearly, an expired token is replaced. */
class TokenScenariosIT {

  @OzonTargets
  void firstCallFetchesATokenAndTheNext99CallsReuseIt(TargetEnv env) throws Exception {
    OzonPerformanceClient client = env.newClient();
    assertEquals(0, env.tokenRequests(client), "no token request before the first call");

    Calls.cheapRead(client);
    assertEquals(1, env.tokenRequests(client), "the first call fetches one token");

    for (int i = 1; i < 100; i++) {
      Calls.cheapRead(client);
    }
    assertEquals(100, env.apiCalls(client));
    assertEquals(1, env.tokenRequests(client), "100 API calls must cost exactly 1 token request");
    TokenStats stats = client.tokens().stats();
    assertEquals(1, stats.tokenRequests());
    assertEquals(1, stats.successes());
    assertEquals(0, stats.failures());
  }

  @OzonTargets
  void concurrentFirstCallsOnAColdClientShareOneTokenRequest(TargetEnv env) throws Exception {
    int threads = env.isSandbox() ? 32 : 8; // gentle with the real API
    OzonPerformanceClient client = env.newClient();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<?>> calls = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        calls.add(pool.submit(() -> {
          go.await();
          Calls.cheapRead(client);
          return null;
        }));
      }
      go.countDown();
      for (Future<?> call : calls) {
        call.get();
      }
    } finally {
      pool.shutdown();
    }

    assertEquals(threads, env.apiCalls(client));
    assertEquals(1, env.tokenRequests(client), threads + " concurrent first calls share one token request");
  }

  @OzonTargets
  void invalidSecretFailsWithOAuthTokenRefreshFailedAndAHintWithoutRetrying(TargetEnv env) throws Exception {
    String wrongSecret = "it-wrong-secret-" + Long.toHexString(System.nanoTime());
    CapturedLogs.clear();
    CallCounter counter = new CallCounter();
    OzonPerformanceClient client = env.build(env.clientBuilder(counter)
        .credentials(ClientCredentials.of(env.credentials().clientId(), wrongSecret)), counter, false);

    OzonAuthenticationException e = assertThrows(OzonAuthenticationException.class, () -> Calls.cheapRead(client));

    assertTrue(e.getMessage().startsWith("OAuth token refresh failed: "), e.getMessage());
    assertTrue(e.getMessage().contains("OZON_CLIENT_SECRET"), "the message names the variable to fix: "
        + e.getMessage());
    assertFalse(e.getMessage().contains(wrongSecret), "the secret must not appear in the message");
    assertFalse(CapturedLogs.all().contains(wrongSecret), "the secret must not appear in the logs");
    assertEquals(1, env.tokenRequests(client), "a rejected secret is terminal: exactly one token request");
    if (env.isSandbox()) {
      assertEquals(0, env.sandbox().requests("/api/client/campaign")
          + env.sandbox().requests("/api/client/limits/list"), "no API request goes out without a token");
    }

    // Asking again right away repeats the error from memory instead of hammering the token endpoint.
    assertThrows(OzonAuthenticationException.class, () -> Calls.cheapRead(client));
    assertEquals(1, env.tokenRequests(client));
  }

  @OzonTargets
  void tokenPastItsExpiryOnTheClientClockIsReplacedBeforeTheNextCall(TargetEnv env) throws Exception {
    ManualTime time = new ManualTime();
    CallCounter counter = new CallCounter();
    OzonPerformanceClient client = env.build(env.clientBuilder(counter).timeSource(time), counter, true);

    Calls.cheapRead(client);
    AccessToken first = client.tokens().getToken();
    assertEquals(1, env.tokenRequests(client));

    time.advance(Duration.ofMinutes(31)); // Ozon tokens live 30 minutes
    Calls.cheapRead(client);

    assertEquals(2, env.tokenRequests(client), "an expired token is replaced by exactly one new request");
    assertNotEquals(first.fingerprint(), client.tokens().getToken().fingerprint());
    assertEquals(2, env.apiCalls(client));
  }

  @OzonTargets
  void tokenRevokedByTheServerIsRefreshedOnceOn401AndTheCallSucceeds(TargetEnv env) throws Exception {
    assumeTrue(env.isSandbox(), "needs a server that can revoke tokens on demand: SANDBOX only");
    OzonPerformanceClient client = env.newClient();
    Calls.cheapRead(client);
    assertEquals(1, env.tokenRequests(client));

    env.sandbox().expireAllTokens();
    Calls.cheapRead(client); // 401 -> one refresh -> retried once -> success, invisible to the caller

    assertEquals(2, env.tokenRequests(client));
    assertEquals(1, client.tokens().stats().refreshesOn401());
    assertEquals(2, env.apiCalls(client), "the retry after 401 happens below the caller's view");
  }

  /**
   * A token that served calls and is then revoked must be replaced, however soon after the previous 401-triggered
   * refresh: the fault soak expires tokens every 5 s. (Giving up is only right when a token is rejected on its
   * very first use, i.e. the server rejects fresh tokens.)
   */
  @OzonTargets
  void tokenRevokedAgainSoonAfterA401RefreshIsRefreshedAgain(TargetEnv env) throws Exception {
    assumeTrue(env.isSandbox(), "needs a server that can revoke tokens on demand: SANDBOX only");
    OzonPerformanceClient client = env.newClient();
    Calls.cheapRead(client);
    env.sandbox().expireAllTokens();
    Calls.cheapRead(client); // first revocation: refreshed on 401
    assertEquals(2, env.tokenRequests(client));

    env.sandbox().expireAllTokens(); // the replacement served a call and is now revoked too
    Calls.cheapRead(client);

    assertEquals(3, env.tokenRequests(client), "the revoked replacement is replaced as well");
    assertEquals(2, client.tokens().stats().refreshesOn401());
  }
}
