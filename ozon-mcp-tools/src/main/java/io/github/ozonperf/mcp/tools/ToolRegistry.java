package io.github.ozonperf.mcp.tools;

import io.modelcontextprotocol.server.McpServerFeatures;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Every tool of the server, ready to register with an MCP server. Read-only tools are always present; write
 * tools only when {@link ToolContext#writesEnabled()}.
 */
public final class ToolRegistry {
  private final ToolContext context;
  private final List<ToolDef> tools;

  private ToolRegistry(ToolContext context) {
    this.context = Objects.requireNonNull(context, "context == null");
    List<ToolDef> all = new ArrayList<>();
    all.addAll(new CampaignTools(context).tools());
    all.addAll(new StatisticsTools(context).tools());
    all.addAll(new ReportTools(context).tools());
    if (context.writesEnabled()) {
      all.addAll(new WriteTools(context).tools());
    }
    this.tools = List.copyOf(all);
  }

  /**
   * Creates the registry for a context.
   *
   * @param context the server's tool context
   * @return the registry
   */
  public static ToolRegistry create(ToolContext context) {
    return new ToolRegistry(context);
  }

  /**
   * The tool specifications for {@code McpServer.sync(...).tools(...)}; every handler catches every failure
   * and returns an {@code isError} result carrying the error envelope.
   *
   * @return the specifications, in a stable order
   */
  public List<McpServerFeatures.SyncToolSpecification> specifications() {
    List<McpServerFeatures.SyncToolSpecification> specs = new ArrayList<>();
    for (ToolDef def : tools) {
      specs.add(McpServerFeatures.SyncToolSpecification.builder()
          .tool(toTool(def))
          .callHandler((exchange, request) -> dispatch(def, exchange, request))
          .build());
    }
    return specs;
  }

  /**
   * The names of the registered tools.
   *
   * @return tool names, in registration order
   */
  public List<String> names() {
    return tools.stream().map(t -> t.name).toList();
  }

  private static McpSchema.Tool toTool(ToolDef def) {
    McpSchema.ToolAnnotations.Builder ann = McpSchema.ToolAnnotations.builder()
        .title(def.title)
        .readOnlyHint(def.readOnly)
        .openWorldHint(true);
    if (!def.readOnly) {
      ann.destructiveHint(def.destructive).idempotentHint(def.idempotent);
    }
    return McpSchema.Tool.builder()
        .name(def.name)
        .title(def.title)
        .description(def.description)
        .inputSchema(def.inputSchema)
        .outputSchema(def.outputSchema)
        .annotations(ann.build())
        .build();
  }

  /**
   * The calls in flight of this registry's context.
   *
   * @return the context's {@link InFlightCalls}
   */
  public InFlightCalls inFlight() {
    return context.inFlight();
  }

  /**
   * The write tools that are off (all of them unless OZON_MCP_ENABLE_WRITES=true).
   *
   * @return their names; empty when writes are enabled
   */
  public List<String> disabledWriteTools() {
    return context.writesEnabled() ? List.of() : writeToolNames();
  }

  /**
   * The names of the write tools, registered only with OZON_MCP_ENABLE_WRITES=true: a call to one of them while
   * writes are off is answered with an error naming that variable.
   *
   * @return the write tools' names
   */
  public static List<String> writeToolNames() {
    return new WriteTools(ToolContext.builder().build()).tools().stream().map(t -> t.name).toList();
  }

  McpSchema.CallToolResult dispatch(ToolDef def, McpSyncServerExchange exchange, McpSchema.CallToolRequest request) {
    Map<String, Object> callMeta = request.meta();
    try (AutoCloseable bound = context.inFlight().bind(callMeta == null ? null : callMeta.get(InFlightCalls.META_KEY))) {
      return call(def, exchange, request);
    } catch (Exception e) {
      throw new IllegalStateException(e); // unbinding throws nothing
    }
  }

  private McpSchema.CallToolResult call(ToolDef def, McpSyncServerExchange exchange,
      McpSchema.CallToolRequest request) {
    try {
      String failure = context.tokenFailure();
      if (failure != null) {
        throw new ToolError(ToolError.Type.AUTH, Errors.withAuthHint(failure), false, null, null, null);
      }
      Args args = new Args(request.arguments(), def.inputSchema);
      Map<String, Object> meta = request.meta();
      Object token = meta == null ? null : meta.get("progressToken");
      ToolDef.Outcome outcome = AnswerCap.cap(def, args, def.handler.handle(args, new ToolCall(exchange, token)));
      return McpSchema.CallToolResult.builder()
          .structuredContent(outcome.structured())
          .addTextContent(outcome.text())
          .isError(false)
          .build();
    } catch (Exception | StackOverflowError | NoClassDefFoundError e) {
      ToolError error = Errors.map(e, def.name, def.operation);
      return McpSchema.CallToolResult.builder()
          .structuredContent(error.envelope())
          .addTextContent(error.text())
          .isError(true)
          .build();
    }
  }
}
