package io.github.ozonperf.mcp.internal;

import io.github.ozonperf.mcp.tools.ToolRegistry;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.schema.JsonSchemaValidator;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;

/** Builds the MCP server (stdio transport over the given streams) around a {@link ToolRegistry}. */
final class ServerRuntime {
  static final String NAME = "ozon-mcp-tools";
  static final String INSTRUCTIONS = "Tools for the Ozon Performance (advertising) API of one seller account."
      + " Ids are strings (integers accepted). Dates are YYYY-MM-DD. Money from Ozon is micro-roubles"
      + " (1 rouble = 1,000,000) with a *Roubles twin; statistics are in roubles. Start with list_campaigns."
      + " Every error result carries {type, message, retryable, retryAfterSeconds?} in structuredContent.";

  /**
   * Accepts every structuredContent. The SDK's default re-validates each result against its tool's outputSchema
   * with networknt: about 10 % of the CPU of a list_campaigns call, and loading the 2020-12 meta-schema at every
   * start (benchmarks/RESULTS.md). Our results are built by our own code from fixed shapes, and the end-to-end
   * tests (McpServerIT) validate every success and every error envelope against the advertised outputSchema
   * with that same validator, so the check runs where a mismatch can be fixed: in the build.
   */
  private static final JsonSchemaValidator TESTED_OUTPUT = new JsonSchemaValidator() {
    private final ValidationResponse valid = ValidationResponse.asValid(null);

    @Override
    public ValidationResponse validate(Map<String, Object> schema, Object structuredContent) {
      return valid;
    }
  };

  /** Gson instead of the SDK's default Jackson 3 mapper: see {@link GsonMcpJsonMapper}. */
  static final McpJsonMapper MAPPER = new GsonMcpJsonMapper();

  private ServerRuntime() {
  }

  /**
   * Builds the mapper's reflective adapters for the handshake's messages on another thread while the server is wired
   * and the host sends initialize: they were ~20 % of the start-up samples on the path to the tools/list answer
   * (benchmarks/RESULTS.md, peer profile), and the second core is idle then.
   */
  private static void warmUp(McpJsonMapper mapper) {
    Thread t = new Thread(() -> {
      try {
        McpSchema.deserializeJsonRpcMessage(mapper, "{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"initialize\","
            + "\"params\":{\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"w\","
            + "\"version\":\"0\"}}}");
        mapper.convertValue(java.util.Map.of("protocolVersion", "2025-06-18", "capabilities", java.util.Map.of(),
            "clientInfo", java.util.Map.of("name", "w", "version", "0")), McpSchema.InitializeRequest.class);
        mapper.writeValueAsBytes(new McpSchema.JSONRPCResponse(McpSchema.JSONRPC_VERSION, 0,
            new McpSchema.ListToolsResult(java.util.List.of(), null), null));
      } catch (java.io.IOException | RuntimeException ignored) {
        // only a warm-up: the real messages are handled, and reported, where they arrive
      }
    }, "mcp-json-warm-up");
    t.setDaemon(true);
    t.start();
  }

  static McpSyncServer start(ToolRegistry registry, InputStream in, OutputStream out, String version) {
    return start(registry, in, out, version, () -> { });
  }

  /**
   * Like {@link #start(ToolRegistry, InputStream, OutputStream, String)}, running {@code afterToolsList} once the
   * first tools/list answer has been written (the end of a host's start-up handshake).
   */
  static McpSyncServer start(ToolRegistry registry, InputStream in, OutputStream out, String version,
      Runnable afterToolsList) {
    McpJsonMapper mapper = MAPPER;
    warmUp(mapper);
    StdioTransport transport = new StdioTransport(mapper, in, out, afterToolsList, registry.inFlight(),
        java.util.Set.copyOf(registry.disabledWriteTools()));
    return start(registry, transport, version);
  }

  /**
   * Serve mode's stdio transport, reading stdin at once and answering the handshake from {@code prepared} while the
   * registry and the server are built (see {@link StdioTransport#startEarly}); finish with
   * {@link #start(ToolRegistry, StdioTransport, String)}.
   */
  static StdioTransport startEarly(InputStream in, OutputStream out, Runnable afterToolsList,
      io.github.ozonperf.mcp.tools.InFlightCalls inFlight, PreparedHandshake prepared) {
    warmUp(MAPPER);
    StdioTransport transport = new StdioTransport(MAPPER, in, out, afterToolsList, inFlight, java.util.Set.of(),
        prepared);
    transport.startEarly();
    return transport;
  }

  /** Builds the server on a transport from {@link #startEarly}. */
  static McpSyncServer start(ToolRegistry registry, StdioTransport transport, String version) {
    transport.disabledWriteTools(java.util.Set.copyOf(registry.disabledWriteTools()));
    return build(McpServer.sync(transport), registry, version);
  }

  /** The instructions: with an accounts file they tell the model how to pick an account. */
  static String instructions(ToolRegistry registry) {
    return registry.names().contains("list_accounts") ? INSTRUCTIONS.replace("of one seller account.",
        "of several seller accounts: list_accounts shows yours; pass account to choose one (default: yours).")
        : INSTRUCTIONS;
  }

  /** The server over any transport (stdio above, Streamable HTTP in {@link HttpServe}): same tools, same rules. */
  static McpSyncServer build(McpServer.SyncSpecification<?> spec, ToolRegistry registry, String version) {
    McpSyncServer server = spec
        .jsonMapper(MAPPER)
        .serverInfo(NAME, version)
        .instructions(instructions(registry))
        .capabilities(McpSchema.ServerCapabilities.builder().tools(registry.listChanges()).logging().build())
        // Our handlers validate arguments themselves, so every error carries the error envelope.
        .validateToolInputs(false)
        .jsonSchemaValidator(TESTED_OUTPUT)
        // Not immediateExecution(true): with it every handler runs on the single stdin-reading thread, so one
        // get_statistics_report (seconds to minutes) or a paced list of all campaigns held up every other
        // request of the session, even ping. Each call is an HTTP round trip to Ozon, so the SDK's worker
        // hand-off (measured ~20% on a no-op echo) does not matter; head-of-line blocking does. Concurrent
        // handlers need a transport that tolerates concurrent sends: StdioTransport.
        .immediateExecution(false)
        .tools(registry.specifications())
        .build();
    registry.attach(server);
    return server;
  }
}
