package io.github.ozonperf.mcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import io.github.ozonperf.sandbox.OzonSandbox;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The jar as a process: start-up failures, token failures, exit on end of input, the CLI's exit codes. */
class McpProcessScenariosIT {

  @Test
  void withoutCredentialsOrSandboxExitsWith2NamingTheVariables() throws Exception {
    try (McpProcess p = new McpProcess(Map.of())) {
      assertTrue(p.process.waitFor(30, TimeUnit.SECONDS), "the server should exit at once");
      assertEquals(2, p.process.exitValue());
      String err = p.closeAndWaitStderr();
      assertTrue(err.contains("OZON_CLIENT_ID") && err.contains("OZON_CLIENT_SECRET") && err.contains("--sandbox"),
          err);
      assertEquals(1, err.strip().lines().count(), "one message: " + err);
      assertTrue(p.stdoutLines.isEmpty(), "nothing on stdout: " + p.stdoutLines);
    }
  }

  @Test
  void rejectedCredentialsAreReportedOnceAndEveryToolCallSaysSo() throws Exception {
    try (OzonSandbox sandbox = OzonSandbox.builder().start();
        McpProcess p = new McpProcess(Map.of("OZON_CLIENT_ID", sandbox.clientId(),
            "OZON_CLIENT_SECRET", "wrong-secret-5b1d", "OZON_API_URL", sandbox.baseUrl()))) {
      JsonObject init = p.initialize();
      assertTrue(init.has("result"), init::toString);
      JsonObject first = null;
      // The background token fetch may still be running for the first call; both paths must say the same.
      for (int i = 0; i < 3; i++) {
        JsonObject r = p.call("list_campaigns", "{}");
        assertTrue(McpProcess.isError(r), r::toString);
        JsonObject env = McpProcess.structured(r);
        assertEquals("auth", env.get("type").getAsString(), env::toString);
        assertTrue(env.get("message").getAsString().contains("OAuth token refresh failed: "), env::toString);
        first = first == null ? env : first;
      }
      assertEquals(0, p.closeAndWait());
      String err = p.stderr();
      assertFalse(err.contains("wrong-secret-5b1d"), "secret leaked: " + err);
      assertTrue(err.contains("OAuth token refresh failed: "), err);
    }
  }

  @Test
  void sandboxServerExitsCleanlyWhenStdinCloses() throws Exception {
    try (McpProcess p = new McpProcess(Map.of(), "--sandbox")) {
      assertTrue(p.initialize().has("result"));
      JsonObject r = p.call("list_campaigns", "{\"limit\":1}");
      assertFalse(McpProcess.isError(r), r::toString);
      assertEquals(0, p.closeAndWait());
    }
  }

  @Test
  void versionAndUnknownFlagExitCodesThroughTheJar() throws Exception {
    try (McpProcess p = new McpProcess(Map.of(), "--version")) {
      assertEquals(0, p.closeAndWait());
      assertTrue(String.join("\n", p.stdoutLines).startsWith("ozon-mcp-tools "), p.stdoutLines.toString());
    }
    try (McpProcess p = new McpProcess(Map.of(), "--frobnicate")) {
      assertEquals(2, p.closeAndWait());
      assertTrue(p.stderr().startsWith("ozon-mcp-tools: unknown option '--frobnicate'"), p.stderr());
    }
  }
}
