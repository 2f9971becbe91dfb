package io.github.ozonperf.mcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.ozonperf.sandbox.OzonSandbox;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * SIGTERM of the HTTP server with a report in flight: the call is answered either way, and no report UUID is lost
 * (a report that cannot finish within the grace period is cancelled and its UUID logged).
 */
class McpHttpLifecycleIT {
  static final String SECRET = "it-lifecycle-secret-41d2";

  static Map<String, String> env(OzonSandbox sandbox, String graceSeconds) {
    return Map.of("OZON_CLIENT_ID", sandbox.clientId(), "OZON_CLIENT_SECRET", SECRET,
        "OZON_API_URL", sandbox.baseUrl(), "OZON_MCP_HTTP_SHUTDOWN_SECONDS", graceSeconds);
  }

  static McpSchema.CallToolRequest report(String campaignId) {
    return McpSchema.CallToolRequest.builder().name("get_statistics_report")
        .arguments(Map.of("campaignIds", List.of(campaignId), "dateFrom", "2026-11-01", "dateTo", "2026-11-05",
            "timeLimitSeconds", 600))
        .meta(Map.of("progressToken", "sigterm")).build();
  }

  /** Starts the report and waits until it was submitted (its first progress notification). */
  static CompletableFuture<McpSchema.CallToolResult> startReport(McpHttpProcess p, McpSyncClient c, String id)
      throws Exception {
    CompletableFuture<McpSchema.CallToolResult> call = CompletableFuture.supplyAsync(() -> c.callTool(report(id)));
    for (int i = 0; i < 600 && p.progress.stream().noneMatch(n -> n.toString().contains("NOT_STARTED")
        || n.toString().contains("IN_PROGRESS")); i++) {
      Thread.sleep(50);
    }
    assertFalse(p.progress.isEmpty(), "the report never started; stderr:\n" + p.stderr());
    return call;
  }

  /** What a SIGTERM during a report left: the call's answer, the server's stderr, report downloads. */
  record Stopped(McpSchema.CallToolResult result, String stderr, long downloads) {
  }

  /**
   * Starts the server with a report that takes {@code reportDuration}, sends SIGTERM once the report was submitted,
   * and waits for the call's answer and the server's exit.
   */
  static Stopped sigtermDuringReport(Duration reportDuration, String graceSeconds) throws Exception {
    try (OzonSandbox sandbox = OzonSandbox.builder().clientSecret(SECRET).reportDuration(reportDuration).start();
        McpHttpProcess p = new McpHttpProcess(env(sandbox, graceSeconds))) {
      p.initialize();
      McpSyncClient c = p.newClient(McpHttpProcess.TOKEN);
      c.initialize();
      CompletableFuture<McpSchema.CallToolResult> call = startReport(p, c, sandbox.data().campaigns().get(0).id());
      p.process.toHandle().destroy(); // SIGTERM (Process.destroy() would also close our end of its stderr)
      McpSchema.CallToolResult r = call.get(60, TimeUnit.SECONDS);
      assertTrue(p.process.waitFor(60, TimeUnit.SECONDS), "the server did not exit after SIGTERM");
      p.awaitOutput();
      return new Stopped(r, p.stderr(), sandbox.requests("/api/client/statistics/report"));
    }
  }

  @Test
  void aReportInFlightAtSigtermFinishesAndIsAnswered() throws Exception {
    Stopped s = sigtermDuringReport(Duration.ofSeconds(3), "30");
    assertFalse(s.result().isError(), () -> McpHttpProcess.json(s.result()));
    assertTrue(McpHttpProcess.json(s.result().structuredContent()).contains("\"totals\""),
        () -> McpHttpProcess.json(s.result()));
    assertTrue(s.stderr().contains("Stopping: new requests get 503; 1 tool call(s) in flight")
        && s.stderr().contains("Waiting up to 30 s for them to be answered"), s.stderr());
    assertEquals(1, s.downloads(), "downloaded once");
  }

  @Test
  void aReportThatCannotFinishIsCancelledAnsweredAndItsUuidLogged() throws Exception {
    Stopped s = sigtermDuringReport(Duration.ofHours(1), "1");
    assertTrue(s.result().isError(), () -> McpHttpProcess.json(s.result()));
    String err = s.stderr();
    assertTrue(err.contains("Cancelling 1 tool call(s) still running"), err);
    Matcher m = Pattern.compile("reports submitted so far[^\\[]*\\[([^\\]]+)\\]").matcher(err);
    assertTrue(m.find(), "the submitted UUID is logged: " + err);
    assertFalse(err.contains(SECRET));
  }
}
