package io.github.ozonperf.mcp.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import org.junit.jupiter.api.Test;

/** The HTTP transport writes an McpError as a refusal's body: it must become a JSON-RPC error, not a failure. */
class McpErrorBodyTest {
  @Test
  void anMcpErrorIsWrittenAsAJsonRpcErrorResponse() throws Exception {
    McpError error = McpError.builder(McpSchema.ErrorCodes.INVALID_REQUEST).message("Session ID required").build();
    assertEquals("{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32600,\"message\":\"Session ID required\"}}",
        ServerRuntime.MAPPER.writeValueAsString(error));
  }
}
