package io.github.ozonperf.mcp.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import io.github.ozonperf.auth.ClientCredentials;
import io.github.ozonperf.client.OzonPerformanceClient;
import io.github.ozonperf.mcp.tools.ToolContext;
import io.github.ozonperf.mcp.tools.ToolRegistry;
import io.github.ozonperf.sandbox.OzonSandbox;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * notifications/cancelled stops a running get_statistics_report: no answer is sent for it, polling stops, nothing
 * more is submitted, and the session goes on.
 */
class CancellationTest {
  @Test
  void aCancelledReportCallStopsPollingSubmitsNothingMoreAndIsNotAnswered() throws Exception {
    try (OzonSandbox sandbox = OzonSandbox.builder().reportDuration(Duration.ofMinutes(10)).start();
        OzonPerformanceClient client = OzonPerformanceClient.builder().baseUrl(sandbox.baseUrl())
            .tokenUrl(sandbox.tokenUrl()).credentials(ClientCredentials.of(sandbox.clientId(), sandbox.clientSecret()))
            .build()) {
      ToolContext ctx = ToolContext.builder().client(client).build();
      try (RawSession s = new RawSession(ToolRegistry.create(ctx)).initialized()) {
        List<String> ids = sandbox.data().campaigns().stream().filter(c -> c.advObjectType().equals("SKU"))
            .map(c -> "\"" + c.id() + "\"").limit(11).toList(); // two chunks: 10 + 1
        s.send("{\"jsonrpc\":\"2.0\",\"id\":\"report-1\",\"method\":\"tools/call\",\"params\":{\"name\":"
            + "\"get_statistics_report\",\"arguments\":{\"campaignIds\":" + ids + ",\"dateFrom\":\"2026-10-01\","
            + "\"dateTo\":\"2026-10-02\",\"timeLimitSeconds\":600}}}");
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (sandbox.requests("/api/client/statistics/{UUID}") < 1 && System.nanoTime() < deadline) {
          Thread.sleep(20); // waiting for the first poll, the run is then surely in its poll loop
        }
        assertEquals(1, sandbox.requests("/api/client/statistics"), "the first chunk was submitted");

        s.send("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/cancelled\",\"params\":{\"requestId\":\"report-1\","
            + "\"reason\":\"user pressed stop\"}}");
        assertTrue(ctx.inFlight().awaitIdle(Duration.ofSeconds(10)), "the cancelled call ends within seconds");
        long polls = sandbox.requests("/api/client/statistics/{UUID}");
        Thread.sleep(3_000); // longer than the next poll interval (1 s, then 1.5 s, 2.25 s...)

        assertEquals(polls, sandbox.requests("/api/client/statistics/{UUID}"), "no poll after the cancel");
        assertEquals(1, sandbox.requests("/api/client/statistics"), "the second chunk is never submitted");
        assertEquals(0, sandbox.requests("/api/client/statistics/report"), "nothing is downloaded");
        s.send("{\"jsonrpc\":\"2.0\",\"id\":\"after\",\"method\":\"ping\"}");
        JsonObject next = s.answer();
        assertEquals("after", next.get("id").getAsString(), "no answer for the cancelled call: " + s.seen);
      }
    }
  }
}
