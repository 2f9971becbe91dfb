package io.github.ozonperf.mcp.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.ozonperf.auth.ClientCredentials;
import io.github.ozonperf.auth.TimeSource;
import io.github.ozonperf.client.OzonPerformanceClient;
import io.github.ozonperf.mcp.tools.ToolContext;
import io.github.ozonperf.mcp.tools.ToolRegistry;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A token endpoint that cannot be reached (closed port, unresolvable name) is a network failure: the envelope is
 * {@code upstream} and retryable, names the token URL without user info or query, and carries no credentials hint.
 */
class TokenEndpointUnreachableEnvelopeTest {

  @Test
  void closedTokenPortIsARetryableNetworkErrorNotAnAuthError() throws Exception {
    int dead;
    try (ServerSocket s = new ServerSocket(0)) {
      dead = s.getLocalPort();
    }
    JsonObject env = callListCampaigns("http://127.0.0.1:" + dead, "http://user:pw@127.0.0.1:" + dead
        + "/api/client/token?key=QUERY-SECRET");
    assertNetworkEnvelope(env, "http://127.0.0.1:" + dead + "/api/client/token");
  }

  @Test
  void unresolvableTokenHostIsARetryableNetworkErrorNotAnAuthError() throws Exception {
    JsonObject env = callListCampaigns("https://nonexistent.invalid", "https://nonexistent.invalid/api/client/token");
    assertNetworkEnvelope(env, "https://nonexistent.invalid/api/client/token");
  }

  private static void assertNetworkEnvelope(JsonObject env, String shownUrl) {
    String message = env.get("message").getAsString();
    assertEquals("upstream", env.get("type").getAsString(), env::toString);
    assertTrue(env.get("retryable").getAsBoolean(), env::toString);
    assertTrue(message.contains(shownUrl), message);
    assertFalse(message.contains("pw@") || message.contains("QUERY-SECRET") || message.contains("s3cr3t-xyz"),
        message);
    assertFalse(message.contains("OZON_CLIENT_ID"), "not a credentials problem: " + message);
    assertFalse(message.contains("OZON_CLIENT_SECRET"), "not a credentials problem: " + message);
    assertProperSentences(message);
  }

  /** No sentence appears twice, and a new sentence never follows a previous one without a full stop. */
  static void assertProperSentences(String message) {
    Matcher m = Pattern.compile("[a-z0-9)\"] [A-Z][a-z]").matcher(message);
    while (m.find()) {
      int at = m.start();
      // "HTTP", "OAuth" and URL parts are not sentence starts; a capital after a lower-case word is.
      String word = message.substring(at + 2).split("[ ,;:.()]")[0];
      if (!word.equals("OAuth") && !word.equals("Ozon") && !word.equals("Ozon's")) {
        throw new AssertionError("sentence without a full stop before \"" + word + "\": " + message);
      }
    }
    String[] sentences = message.split("(?<=[.!?])\\s+");
    for (int i = 0; i < sentences.length; i++) {
      for (int j = i + 1; j < sentences.length; j++) {
        assertFalse(sentences[i].equalsIgnoreCase(sentences[j]), "repeated sentence: " + message);
      }
    }
  }

  private static JsonObject callListCampaigns(String baseUrl, String tokenUrl) throws IOException, Exception {
    TimeSource instant = new TimeSource() {
      @Override
      public long nanoTime() {
        return System.nanoTime();
      }

      @Override
      public Instant now() {
        return Instant.now();
      }

      @Override
      public void sleep(Duration duration) {
        // retries of the token request run at once
      }
    };
    try (OzonPerformanceClient client = OzonPerformanceClient.builder()
        .baseUrl(baseUrl)
        .tokenUrl(tokenUrl)
        .credentials(ClientCredentials.of("42-1700000000000@advertising.performance.ozon.ru", "s3cr3t-xyz"))
        .timeSource(instant)
        .connectTimeout(Duration.ofSeconds(5))
        .maxRetries(0)
        .build();
        Cli.InProcess p = Cli.InProcess.start(ToolRegistry.create(ToolContext.builder().client(client).build()),
            null)) {
      JsonObject params = JsonParser.parseString("{\"name\":\"list_campaigns\",\"arguments\":{\"page\":1}}")
          .getAsJsonObject();
      JsonObject result = p.client.request("tools/call", params, Duration.ofSeconds(60));
      assertTrue(result.get("isError").getAsBoolean(), result::toString);
      return result.getAsJsonObject("structuredContent");
    }
  }
}
