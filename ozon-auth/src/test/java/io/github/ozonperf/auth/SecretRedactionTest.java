package io.github.ozonperf.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Drives every code path that logs or builds messages (success, reuse, early refresh, retries, terminal errors
 * that echo the secret back, 401 on the API, store, close) and asserts that neither the secret nor a full token
 * appears in ANY captured log line (all levels, stack traces included), exception message, event or toString.
 */
class SecretRedactionTest {
  static final String SECRET = "SuperSecret-7f3a9c";
  static final String TOKEN_1 = "eyJhbGciOi.first-token-value.QWERTY";
  static final String TOKEN_2 = "eyJhbGciOi.second-token-value.ASDFGH";

  @StartStop
  final MockWebServer server = new MockWebServer();
  final FakeTime time = new FakeTime();

  @TempDir
  Path dir;

  @Test
  void neitherTheSecretNorAFullTokenAppearsInLogsMessagesOrEvents() throws Exception {
    CapturedLogs.clear();
    List<TokenEvent> events = new CopyOnWriteArrayList<>();
    List<String> texts = new ArrayList<>();

    server.enqueue(new MockResponse.Builder().code(503)
        .body("{\"error\":\"temporarily_unavailable\",\"error_description\":\"client_secret=" + SECRET + "\"}")
        .build());
    server.enqueue(TokenProviderTest.token(TOKEN_1, 1800));
    server.enqueue(new MockResponse.Builder().code(401).build()); // API rejects TOKEN_1
    server.enqueue(TokenProviderTest.token(TOKEN_2, "-1"));
    server.enqueue(new MockResponse.Builder().code(200).body("{}").build());
    server.enqueue(new MockResponse.Builder().code(401)
        .body("{\"error\":\"invalid_client\",\"error_description\":\"secret " + SECRET + " is wrong\"}").build());

    TokenProvider p = TokenProvider.builder()
        .credentials(ClientCredentials.of("12345678-1700000000000", SECRET))
        .tokenUrl(server.url("/api/client/token").toString())
        .timeSource(time)
        .retryPolicy(new RetryPolicy(1, Duration.ofMillis(1), Duration.ofMillis(1)))
        .tokenStore(FileTokenStore.in(dir))
        .listener(events::add)
        .build();
    texts.add(p.toString());
    OkHttpClient client = new OkHttpClient.Builder()
        .addInterceptor(p.interceptor()).authenticator(p.authenticator()).build();
    texts.add(p.interceptor().toString());
    texts.add(p.authenticator().toString());
    AccessToken t1 = p.getToken();
    texts.add(t1.toString());
    p.getToken();
    try (Response r = client.newCall(new Request.Builder().url(server.url("/api/x")).build()).execute()) {
      assertEquals(200, r.code());
    }
    time.advanceSeconds(400); // TOKEN_2 got the 300 s default: expired, next request is the terminal 401
    TokenRefreshException e = assertThrows(TokenRefreshException.class, p::getToken);
    assertTrue(e.isTerminal());
    texts.add(e.getMessage());
    texts.add(e.toString());
    texts.add(String.valueOf(e.getCause()));
    texts.add(p.stats().toString());
    p.close();
    TokenRefreshException closed = assertThrows(TokenRefreshException.class, p::getToken);
    texts.add(closed.getMessage());
    texts.add(events.toString());
    texts.add(ClientCredentials.of("id", SECRET).toString());

    String logs = CapturedLogs.all();
    assertFalse(logs.isEmpty());
    assertTrue(logs.contains(t1.fingerprint()), "tokens appear as fingerprints");
    assertTrue(e.getMessage().contains("***"), "echoed secret is masked: " + e.getMessage());
    for (String forbidden : List.of(SECRET, TOKEN_1, TOKEN_2)) {
      assertFalse(logs.contains(forbidden), "log output contains " + forbidden + ":\n" + logs);
      for (String text : texts) {
        assertFalse(text.contains(forbidden), forbidden + " in: " + text);
      }
    }
    assertEquals(6, server.getRequestCount());
  }
}
