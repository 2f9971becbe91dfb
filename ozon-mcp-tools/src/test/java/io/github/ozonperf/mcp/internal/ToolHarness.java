package io.github.ozonperf.mcp.internal;

import io.github.ozonperf.auth.ClientCredentials;
import io.github.ozonperf.client.OzonPerformanceClient;
import io.github.ozonperf.mcp.tools.ToolContext;
import io.github.ozonperf.mcp.tools.ToolRegistry;
import io.github.ozonperf.mcp.tools.ToolSelection;
import io.github.ozonperf.sandbox.OzonSandbox;
import io.modelcontextprotocol.server.McpServerFeatures;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Runs tools in-process against the embedded sandbox, the way the server does: the {@code tools/call} params are
 * JSON text read by the server's own mapper, then handed to the tool's registered handler.
 */
final class ToolHarness implements AutoCloseable {
  final OzonSandbox sandbox;
  final OzonPerformanceClient client;
  final ToolRegistry registry;
  final Map<String, McpServerFeatures.SyncToolSpecification> specs = new LinkedHashMap<>();

  ToolHarness() {
    this(ToolSelection.defaults());
  }

  /** Tools of {@code selection} (writes enabled) against the sandbox. */
  ToolHarness(ToolSelection selection) {
    sandbox = OzonSandbox.builder().reportDuration(Duration.ofMillis(20)).start();
    client = OzonPerformanceClient.builder().baseUrl(sandbox.baseUrl()).tokenUrl(sandbox.tokenUrl())
        .credentials(ClientCredentials.of(sandbox.clientId(), sandbox.clientSecret())).build();
    registry = ToolRegistry.create(ToolContext.builder().client(client).writesEnabled(true)
        .reportTimeLimit(Duration.ofSeconds(20)).build(), selection);
    for (McpServerFeatures.SyncToolSpecification s : registry.specifications()) {
      specs.put(s.tool().name(), s);
    }
  }

  /** Calls {@code tool} with the arguments given as JSON object text, exactly as a client would send them. */
  McpSchema.CallToolResult call(String tool, String argumentsJson) {
    String params = "{\"name\":\"" + tool + "\",\"arguments\":" + argumentsJson + "}";
    try {
      McpSchema.CallToolRequest request = ServerRuntime.MAPPER.readValue(params, McpSchema.CallToolRequest.class);
      return specs.get(tool).callHandler().apply(null, request);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The answer as the client receives it (structured content and text), in UTF-8 bytes. */
  static int answerBytes(McpSchema.CallToolResult r) {
    try {
      return ServerRuntime.MAPPER.writeValueAsBytes(r).length;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String message(McpSchema.CallToolResult r) {
    Object s = r.structuredContent();
    return s instanceof Map<?, ?> m ? String.valueOf(m.get("message")) : String.valueOf(s);
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> structured(McpSchema.CallToolResult r) {
    return (Map<String, Object>) r.structuredContent();
  }

  @Override
  public void close() {
    client.close();
    sandbox.close();
  }
}
