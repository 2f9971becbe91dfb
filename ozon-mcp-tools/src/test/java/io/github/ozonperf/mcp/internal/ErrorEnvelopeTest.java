package io.github.ozonperf.mcp.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.ozonperf.auth.ClientCredentials;
import io.github.ozonperf.client.OzonPerformanceClient;
import io.github.ozonperf.mcp.tools.ToolContext;
import io.github.ozonperf.mcp.tools.ToolRegistry;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Ozon's HTTP failures become isError results with the error envelope, through the real server (stdio transport
 * over in-memory pipes) against MockWebServer playing Ozon.
 */
class ErrorEnvelopeTest {
  @StartStop
  final MockWebServer ozon = new MockWebServer();

  @ParameterizedTest(name = "HTTP {0} -> {1}")
  @CsvSource({
      "429, rate_limited, true, 17",
      "403, permission, false, ",
      "404, not_found, false, ",
      "400, validation, false, ",
      "500, upstream, true, ",
  })
  void ozonStatusMapsToTheEnvelope(int status, String type, boolean retryable, Integer retryAfter) throws Exception {
    AtomicInteger apiCalls = new AtomicInteger();
    ozon.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        if (request.getUrl().encodedPath().equals("/api/client/token")) {
          return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
              .body("{\"access_token\":\"tok-SECRET-1\",\"expires_in\":1800,\"token_type\":\"Bearer\"}").build();
        }
        apiCalls.incrementAndGet();
        MockResponse.Builder b = new MockResponse.Builder().code(status).addHeader("Content-Type", "application/json")
            .body("{\"error\":\"ozon says " + status + "\"}");
        if (status == 429) {
          b.addHeader("Retry-After", "17");
        }
        return b.build();
      }
    });
    try (OzonPerformanceClient client = OzonPerformanceClient.builder()
        .baseUrl(ozon.url("/").toString())
        .credentials(ClientCredentials.of("42-1700000000000@advertising.performance.ozon.ru", "s3cr3t-xyz"))
        .maxRetries(0)
        .build();
        Cli.InProcess p = Cli.InProcess.start(ToolRegistry.create(ToolContext.builder().client(client).build()),
            null)) {
      JsonObject params = JsonParser.parseString("{\"name\":\"list_campaigns\",\"arguments\":{\"page\":1}}")
          .getAsJsonObject();
      JsonObject result = p.client.request("tools/call", params, Duration.ofSeconds(60));
      assertTrue(result.get("isError").getAsBoolean(), result::toString);
      JsonObject env = result.getAsJsonObject("structuredContent");
      assertEquals(type, env.get("type").getAsString(), env::toString);
      assertEquals(retryable, env.get("retryable").getAsBoolean(), env::toString);
      assertEquals(status, env.get("httpStatus").getAsInt());
      assertTrue(env.get("operation").getAsString().contains("/api/client/campaign"), env::toString);
      assertTrue(env.get("message").getAsString().contains("ozon says " + status), env::toString);
      if (retryAfter != null) {
        assertEquals(retryAfter.intValue(), env.get("retryAfterSeconds").getAsInt());
      }
      String all = result.toString();
      assertFalse(all.contains("tok-SECRET-1") || all.contains("s3cr3t-xyz"), all);
      assertEquals(1, apiCalls.get(), "maxRetries(0): exactly one API call");
    }
  }
}
