package io.github.ozonperf.client;

import static io.github.ozonperf.client.OzonTestServer.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.ozonperf.auth.ConfigurationException;
import java.util.Map;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Configuration: precedence, environment, URL rules, sharing the user's OkHttpClient. */
class ClientBuilderTest {
  @StartStop
  final MockWebServer mock = new MockWebServer();
  final OzonTestServer ozon = new OzonTestServer(mock);
  final FakeTime time = new FakeTime();

  @Test
  void plainHttpIsRefusedForANonLoopbackHost() {
    ConfigurationException e = assertThrows(ConfigurationException.class, () -> OzonPerformanceClient.builder()
        .credentials(OzonTestServer.CREDENTIALS).baseUrl("http://api-performance.ozon.ru").build());
    assertTrue(e.getMessage().contains("https://"), e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"http://127.evil.example", "http://127.0.0.1.evil.example", "http://localhost.evil",
      "http://evil-localhost", "http://127.0.0.1@evil.example", "http://2130706433", "http://[::2]",
      "http://0.0.0.0", "http://128.0.0.1"})
  void plainHttpToAHostThatOnlyLooksLikeLoopbackIsRefused(String url) {
    Map<String, String> env = Map.of("OZON_CLIENT_ID", "1-1@advertising.performance.ozon.ru",
        "OZON_CLIENT_SECRET", "s", "OZON_TOKEN_URL", url + "/api/client/token");
    ConfigurationException token = assertThrows(ConfigurationException.class,
        () -> OzonPerformanceClient.builder().environment(env).build());
    assertTrue(token.getMessage().startsWith("OZON_TOKEN_URL: "), token.getMessage());
    ConfigurationException base = assertThrows(ConfigurationException.class, () -> OzonPerformanceClient.builder()
        .credentials(OzonTestServer.CREDENTIALS).baseUrl(url).build());
    assertTrue(base.getMessage().startsWith("baseUrl: plain http is refused"), base.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"http://localhost:1", "http://LOCALHOST.:1", "http://127.0.0.1:1", "http://127.3.2.1:1",
      "http://[::1]:1", "http://[0:0:0:0:0:0:0:1]:1", "http://[::ffff:127.0.0.1]:1"})
  void plainHttpToALoopbackHostIsAccepted(String url) {
    try (OzonPerformanceClient c = OzonPerformanceClient.builder().credentials(OzonTestServer.CREDENTIALS)
        .baseUrl(url).build()) {
      assertTrue(c.baseUrl().startsWith("http://"), c.baseUrl());
    }
  }

  @Test
  void anInvalidBaseUrlSaysWhatIsExpected() {
    ConfigurationException e = assertThrows(ConfigurationException.class, () -> OzonPerformanceClient.builder()
        .credentials(OzonTestServer.CREDENTIALS).baseUrl("api-performance.ozon.ru").build());
    assertTrue(e.getMessage().contains(OzonPerformanceClient.DEFAULT_BASE_URL), e.getMessage());
  }

  @Test
  void urlErrorsNameTheEnvironmentVariableTheValueCameFrom() {
    Map<String, String> creds = Map.of("OZON_CLIENT_ID", "1-1@advertising.performance.ozon.ru",
        "OZON_CLIENT_SECRET", "s");
    Map<String, String> badApi = new java.util.HashMap<>(creds);
    badApi.put("OZON_API_URL", "ftp://api-performance.ozon.ru");
    ConfigurationException api = assertThrows(ConfigurationException.class,
        () -> OzonPerformanceClient.builder().environment(badApi).build());
    assertTrue(api.getMessage().startsWith("OZON_API_URL: "), api.getMessage());
    Map<String, String> badToken = new java.util.HashMap<>(creds);
    badToken.put("OZON_TOKEN_URL", "http://example.com/token");
    ConfigurationException token = assertThrows(ConfigurationException.class,
        () -> OzonPerformanceClient.builder().environment(badToken).build());
    assertTrue(token.getMessage().startsWith("OZON_TOKEN_URL: ") && token.getMessage().contains("must use https"),
        token.getMessage());
    ConfigurationException builder = assertThrows(ConfigurationException.class, () -> OzonPerformanceClient.builder()
        .environment(badApi).baseUrl("nope").build());
    assertTrue(builder.getMessage().startsWith("baseUrl: "), "the builder's value wins: " + builder.getMessage());
  }

  @Test
  void defaultsPointAtOzon() {
    try (OzonPerformanceClient c = OzonPerformanceClient.builder().credentials(OzonTestServer.CREDENTIALS).build()) {
      assertEquals("https://api-performance.ozon.ru", c.baseUrl());
    }
  }

  @Test
  void missingCredentialsNameTheVariables() {
    ConfigurationException e = assertThrows(ConfigurationException.class,
        () -> OzonPerformanceClient.builder().environment(Map.of()).build());
    assertTrue(e.getMessage().contains("OZON_CLIENT_ID"), e.getMessage());
  }

  @Test
  void environmentSuppliesCredentialsUrlsAndTokenFormat() {
    Map<String, String> env = Map.of(
        "OZON_CLIENT_ID", OzonTestServer.CLIENT_ID,
        "OZON_CLIENT_SECRET", OzonTestServer.SECRET,
        "OZON_API_URL", ozon.baseUrl() + "/",
        "OZON_TOKEN_URL", ozon.baseUrl() + "/api/client/token",
        "OZON_TOKEN_FORMAT", "form");
    ozon.enqueue(json(200, "{\"list\":[]}"));
    try (OzonPerformanceClient c = OzonPerformanceClient.builder().environment(env).timeSource(time).build()) {
      assertEquals(ozon.baseUrl(), c.baseUrl());
      c.campaigns().listCampaigns(null, null, null, null, null);
    }
    assertEquals(1, ozon.tokenRequests.get());
    assertTrue(ozon.tokenCalls.get(0).getHeaders().get("Content-Type").startsWith("application/x-www-form-urlencoded"));
  }

  @Test
  void explicitValuesWinOverTheEnvironment() {
    Map<String, String> env = Map.of("OZON_CLIENT_ID", "someone-else@advertising.performance.ozon.ru",
        "OZON_CLIENT_SECRET", "other", "OZON_API_URL", "https://example.invalid");
    try (OzonPerformanceClient c = OzonPerformanceClient.builder().environment(env)
        .credentials(OzonTestServer.CREDENTIALS).baseUrl(ozon.baseUrl()).build()) {
      assertEquals(ozon.baseUrl(), c.baseUrl());
      assertEquals(OzonTestServer.CLIENT_ID, c.tokens().clientId());
    }
  }

  @Test
  void aUserOkHttpClientIsSharedAndLeftRunningOnClose() {
    OkHttpClient mine = new OkHttpClient();
    OzonPerformanceClient c = ozon.clientBuilder(time).okHttpClient(mine).build();
    assertTrue(c.httpClient().connectionPool() == mine.connectionPool(), "shares the pool");
    assertTrue(c.httpClient().dispatcher() == mine.dispatcher(), "shares the dispatcher");
    c.close();
    assertTrue(!mine.dispatcher().executorService().isShutdown());
    mine.dispatcher().executorService().shutdown();
  }
}
