package io.github.ozonperf.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import mockwebserver3.junit5.StartStop;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Only the {@link RetryPolicy} repeats a token request: OkHttp's own repeats (503 with {@code Retry-After: 0},
 * dropped connections) would re-send the secret without backoff and without being counted.
 */
class TokenRequestRepeatsTest {
  @StartStop
  final MockWebServer server = new MockWebServer();
  final FakeTime time = new FakeTime();
  TokenProvider provider;

  @AfterEach
  void close() {
    if (provider != null) {
      provider.close();
    }
  }

  private TokenProvider provider(RetryPolicy policy) {
    provider = TokenProvider.builder()
        .credentials(ClientCredentials.of(TokenProviderTest.ID, TokenProviderTest.SECRET))
        .tokenUrl(server.url("/api/client/token").toString())
        .timeSource(time)
        .random(() -> 0.5)
        .retryPolicy(policy)
        // a base client with OkHttp's defaults, retryOnConnectionFailure(true) included
        .httpClient(new OkHttpClient())
        .build();
    return provider;
  }

  private static MockResponse unavailableRetryAfterZero() {
    return new MockResponse.Builder().code(503).addHeader("Retry-After", "0").body("").build();
  }

  @Test
  void tokenRequestAnswered503WithRetryAfterZeroIsSentOnceWithoutRetries() {
    server.enqueue(unavailableRetryAfterZero());
    server.enqueue(TokenProviderTest.token("t1", 1800));

    TokenRefreshException e = assertThrows(TokenRefreshException.class, provider(RetryPolicy.none())::getToken);

    assertEquals(503, e.statusCode());
    assertEquals(1, server.getRequestCount());
    assertEquals(1, provider.stats().tokenRequests());
  }

  @Test
  void tokenRequestAnswered503WithRetryAfterZeroIsRetriedByThePolicyAfterBackoff() throws Exception {
    server.enqueue(unavailableRetryAfterZero());
    server.enqueue(TokenProviderTest.token("t1", 1800));

    assertEquals("t1", provider(RetryPolicy.defaults()).getToken().value());

    assertEquals(2, server.getRequestCount());
    assertEquals(2, provider.stats().tokenRequests());
    assertEquals(1, time.sleeps.size());
    assertEquals(false, time.sleeps.get(0).isZero(), "backoff, not an immediate repeat: " + time.sleeps);
  }

  @Test
  void tokenRequestIsNotResentWhenTheConnectionDropsAfterSending() {
    server.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.ShutdownConnection.INSTANCE).build());
    server.enqueue(TokenProviderTest.token("t1", 1800));

    TokenRefreshException e = assertThrows(TokenRefreshException.class, provider(RetryPolicy.none())::getToken);

    assertEquals(true, e.isConnectionFailure(), e.getMessage());
    assertEquals(1, server.getRequestCount());
  }
}
