package io.github.ozonperf.mcp.internal;

import io.github.ozonperf.mcp.tools.ToolRegistry;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.InputStream;
import java.io.OutputStream;

/** Builds the MCP server (stdio transport over the given streams) around a {@link ToolRegistry}. */
final class ServerRuntime {
  static final String NAME = "ozon-mcp-tools";
  static final String INSTRUCTIONS = "Tools for the Ozon Performance (advertising) API of one seller account."
      + " Ids are strings (integers accepted). Dates are YYYY-MM-DD. Money from Ozon is micro-roubles"
      + " (1 rouble = 1,000,000) with a *Roubles twin; statistics are in roubles. Start with list_campaigns."
      + " Every error result carries {type, message, retryable, retryAfterSeconds?} in structuredContent.";

  private ServerRuntime() {
  }

  static McpSyncServer start(ToolRegistry registry, InputStream in, OutputStream out, String version) {
    McpJsonMapper mapper = McpJsonDefaults.getMapper();
    StdioTransport transport = new StdioTransport(mapper, in, out);
    return McpServer.sync(transport)
        .serverInfo(NAME, version)
        .instructions(INSTRUCTIONS)
        .capabilities(McpSchema.ServerCapabilities.builder().tools(false).logging().build())
        // Our handlers validate arguments themselves, so every error carries the error envelope.
        .validateToolInputs(false)
        // Not immediateExecution(true): with it every handler runs on the single stdin-reading thread, so one
        // get_statistics_report (seconds to minutes) or a paced list of all campaigns held up every other
        // request of the session, even ping. Each call is an HTTP round trip to Ozon, so the SDK's worker
        // hand-off (measured ~20% on a no-op echo) does not matter; head-of-line blocking does. Concurrent
        // handlers need a transport that tolerates concurrent sends: StdioTransport.
        .immediateExecution(false)
        .tools(registry.specifications())
        .build();
  }
}
