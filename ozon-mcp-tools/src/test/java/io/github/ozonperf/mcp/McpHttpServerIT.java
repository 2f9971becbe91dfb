package io.github.ozonperf.mcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Every scenario of {@link McpServerIT}, over MCP Streamable HTTP ({@code --http 127.0.0.1:0}) with the MCP Java
 * SDK's own HTTP client and a bearer token, against the same sandbox set-up. The two stdio-only checks (raw lines on
 * stdin, stdout purity) are skipped; over HTTP stdout must stay empty instead.
 */
class McpHttpServerIT extends McpServerIT {
  @Override
  McpProcess launch(Map<String, String> env) throws Exception {
    return new McpHttpProcess(env);
  }

  @Override
  boolean overStdio() {
    return false;
  }

  @Test
  @Order(92)
  void stdoutStaysEmptyAndTheBearerTokenIsNeverPrinted() {
    assertEquals(java.util.List.of(), server.stdoutLines);
    assertFalse(server.stderr().contains(McpHttpProcess.TOKEN), "the bearer token leaked to stderr");
    assertTrue(server.stderr().contains("MCP Streamable HTTP at http://127.0.0.1:"), server.stderr());
  }
}
