package io.github.ozonperf.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A token endpoint that cannot be reached is a network failure, told apart from a rejection of the credentials:
 * {@link TokenRefreshException#isConnectionFailure()}, transient, naming the URL without user info or query.
 */
class TokenEndpointUnreachableTest {
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

  private TokenRefreshException failureOf(String tokenUrl) {
    provider = TokenProvider.builder()
        .credentials(ClientCredentials.of(TokenProviderTest.ID, TokenProviderTest.SECRET))
        .tokenUrl(tokenUrl)
        .timeSource(time)
        .retryPolicy(RetryPolicy.none())
        .connectTimeout(Duration.ofSeconds(10))
        .build();
    return assertThrows(TokenRefreshException.class, provider::getToken);
  }

  private static int closedPort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  @Test
  void closedPortIsAConnectionFailureNotACredentialsProblem() throws IOException {
    int port = closedPort();
    TokenRefreshException e = failureOf("http://user:pw@127.0.0.1:" + port + "/api/client/token?key=Q-SECRET#frag");

    assertTrue(e.isConnectionFailure(), e.getMessage());
    assertFalse(e.isTerminal());
    assertEquals(-1, e.statusCode());
    assertTrue(e.getMessage().contains("http://127.0.0.1:" + port + "/api/client/token "), e.getMessage());
    assertFalse(e.getMessage().contains("pw") || e.getMessage().contains("Q-SECRET")
        || e.getMessage().contains("frag"), e.getMessage());
    assertFalse(e.getMessage().contains("OZON_CLIENT_ID"), e.getMessage());
    assertTrue(e.getMessage().endsWith("."), e.getMessage());
  }

  @Test
  void unresolvableHostIsAConnectionFailureNotACredentialsProblem() {
    TokenRefreshException e = failureOf("https://nonexistent.invalid/api/client/token");

    assertTrue(e.isConnectionFailure(), e.getMessage());
    assertFalse(e.isTerminal());
    assertTrue(e.getMessage().contains("https://nonexistent.invalid/api/client/token"), e.getMessage());
    assertFalse(e.getMessage().contains("OZON_CLIENT_ID"), e.getMessage());
  }

  @Test
  void connectionFailureSurvivesTheFailureMemoAndPrefetch() throws Exception {
    TokenRefreshException first = failureOf("http://127.0.0.1:" + closedPort() + "/t");
    // Within the hold time the remembered failure is repeated from memory, as a per-caller copy.
    TokenRefreshException again = assertThrows(TokenRefreshException.class, provider::getToken);
    assertTrue(first.isConnectionFailure());
    assertTrue(again.isConnectionFailure());
    time.advanceSeconds(60);
    java.util.concurrent.ExecutionException viaPrefetch = assertThrows(java.util.concurrent.ExecutionException.class,
        () -> provider.prefetch().get());
    assertTrue(((TokenRefreshException) viaPrefetch.getCause()).isConnectionFailure());
  }

  @Test
  void rejectedCredentialsAreNotAConnectionFailure() {
    server.enqueue(new MockResponse.Builder().code(401).body("{\"error\":\"invalid_client\"}").build());
    TokenRefreshException e = failureOf(server.url("/api/client/token").toString());

    assertFalse(e.isConnectionFailure());
    assertTrue(e.isTerminal());
  }

  @Test
  void serverErrorIsTransientButNotAConnectionFailure() {
    server.enqueue(new MockResponse.Builder().code(503).body("").build());
    TokenRefreshException e = failureOf(server.url("/api/client/token").toString());

    assertFalse(e.isConnectionFailure());
    assertFalse(e.isTerminal());
    assertEquals(503, e.statusCode());
  }

  @Test
  void toStringShowsTheTokenUrlWithoutUserInfoOrQuery() {
    TokenProvider p = TokenProvider.builder()
        .credentials(ClientCredentials.of(TokenProviderTest.ID, TokenProviderTest.SECRET))
        .tokenUrl("https://user:pw@example.com/token?client_secret=Q-SECRET")
        .build();
    try {
      assertFalse(p.toString().contains("pw@") || p.toString().contains("Q-SECRET"), p.toString());
    } finally {
      p.close();
    }
  }
}
