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

  @Test
  void aReportInFlightAtSigtermFinishesAndIsAnswered() throws Exception {
    try (OzonSandbox sandbox = OzonSandbox.builder().clientSecret(SECRET).reportDuration(Duration.ofSeconds(3))
        .start();
        McpHttpProcess p = new McpHttpProcess(env(sandbox, "30"))) {
      p.initialize();
      McpSyncClient c = p.newClient(McpHttpProcess.TOKEN);
      c.initialize();
      CompletableFuture<McpSchema.CallToolResult> call = startReport(p, c, sandbox.data().campaigns().get(0).id());
      p.process.toHandle().destroy(); // SIGTERM (Process.destroy() would also close our end of its stderr)
      McpSchema.CallToolResult r = call.get(60, TimeUnit.SECONDS);
      assertFalse(r.isError(), () -> McpHttpProcess.json(r));
      assertTrue(McpHttpProcess.json(r.structuredContent()).contains("\"totals\""), () -> McpHttpProcess.json(r));
      assertTrue(p.process.waitFor(60, TimeUnit.SECONDS), "the server did not exit after SIGTERM");
      p.awaitOutput();
      assertTrue(p.stderr().contains("Stopping: new requests get 503; 1 tool call(s) in flight")
          && p.stderr().contains("Waiting up to 30 s for them to be answered"), p.stderr());
      assertEquals(1, sandbox.requests("/api/client/statistics/report"), "downloaded once");
    }
  }

  @Test
  void aReportThatCannotFinishIsCancelledAnsweredAndItsUuidLogged() throws Exception {
    try (OzonSandbox sandbox = OzonSandbox.builder().clientSecret(SECRET).reportDuration(Duration.ofHours(1))
        .start();
        McpHttpProcess p = new McpHttpProcess(env(sandbox, "1"))) {
      p.initialize();
      McpSyncClient c = p.newClient(McpHttpProcess.TOKEN);
      c.initialize();
      CompletableFuture<McpSchema.CallToolResult> call = startReport(p, c, sandbox.data().campaigns().get(0).id());
      p.process.toHandle().destroy(); // SIGTERM (Process.destroy() would also close our end of its stderr)
      McpSchema.CallToolResult r = call.get(60, TimeUnit.SECONDS);
      assertTrue(r.isError(), () -> McpHttpProcess.json(r));
      assertTrue(p.process.waitFor(60, TimeUnit.SECONDS), "the server did not exit after SIGTERM");
      p.awaitOutput();
      String err = p.stderr();
      assertTrue(err.contains("Cancelling 1 tool call(s) still running"), err);
      Matcher m = Pattern.compile("reports submitted so far[^\\[]*\\[([^\\]]+)\\]").matcher(err);
      assertTrue(m.find(), "the submitted UUID is logged: " + err);
      assertFalse(err.contains(SECRET));
    }
  }
}
