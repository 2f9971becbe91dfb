package io.github.ozonperf.mcp.tools;

import io.modelcontextprotocol.server.McpServerFeatures;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Every tool of the server, ready to register with an MCP server. Read-only tools are always present; write
 * tools only when {@link ToolContext#writesEnabled()}.
 */
public final class ToolRegistry {
  private final ToolContext context;
  private final List<ToolDef> tools;
  private final List<String> disabledWrites;
  private DynamicToolsets dynamic;

  private ToolRegistry(ToolContext context, ToolSelection selection) {
    this.context = Objects.requireNonNull(context, "context == null");
    Objects.requireNonNull(selection, "selection == null");
    List<ToolDef> curated = curated(context);
    List<ToolDef> universe = new ArrayList<>(curated);
    if (selection.needsOperationTools()) {
      Set<String> covered = new HashSet<>();
      Set<String> taken = new HashSet<>();
      for (ToolDef t : curated) {
        covered.addAll(t.operations);
        taken.add(t.name);
      }
      universe.addAll(OperationTools.tools(context, covered, taken));
    }
    Map<String, ToolDef> byName = new LinkedHashMap<>();
    universe.forEach(t -> byName.put(t.name, t));
    Set<String> chosen = new LinkedHashSet<>();
    Set<String> curatedNames = new HashSet<>();
    curated.forEach(t -> curatedNames.add(t.name));
    for (String set : selection.toolsets()) {
      for (ToolDef t : universe) {
        if (set.equals("all") || (set.equals("default") && curatedNames.contains(t.name)) || set.equals(t.toolset)) {
          chosen.add(t.name);
        }
      }
    }
    for (String n : selection.added()) {
      chosen.add(known(byName, n));
    }
    for (String n : selection.removed()) {
      chosen.remove(known(byName, n));
    }
    List<ToolDef> registered = new ArrayList<>();
    List<String> disabled = new ArrayList<>();
    for (ToolDef t : universe) {
      if (!chosen.contains(t.name)) {
        continue;
      }
      if (t.readOnly) {
        registered.add(t);
      } else if (selection.isReadOnly()) {
        continue; // read-only wins over everything: not even a hint that the tool exists
      } else if (context.writesEnabled()) {
        registered.add(t);
      } else {
        disabled.add(t.name);
      }
    }
    if (context.accounts() != null) {
      registered.add(AccountTools.listAccounts(context)); // with an accounts file only, whatever the selection
    }
    this.tools = List.copyOf(registered);
    this.disabledWrites = List.copyOf(disabled);
  }

  private static String known(Map<String, ToolDef> byName, String name) {
    if (!byName.containsKey(name)) {
      throw new IllegalArgumentException("unknown tool '" + name + "'; valid tools: " + String.join(", ",
          byName.keySet()));
    }
    return name;
  }

  private static List<ToolDef> curated(ToolContext context) {
    List<ToolDef> all = new ArrayList<>();
    all.addAll(new CampaignTools(context).tools());
    all.addAll(new StatisticsTools(context).tools());
    all.addAll(new ReportTools(context).tools());
    all.addAll(new WriteTools(context).tools());
    return all;
  }

  /**
   * Creates the registry of the default selection (the curated tools) for a context.
   *
   * @param context the server's tool context
   * @return the registry
   */
  public static ToolRegistry create(ToolContext context) {
    return new ToolRegistry(context, ToolSelection.defaults());
  }

  /**
   * Creates the registry of a selection of tools.
   *
   * @param context   the server's tool context
   * @param selection toolsets and single tools
   * @return the registry
   * @throws IllegalArgumentException when the selection names an unknown tool (the message lists the valid ones)
   */
  public static ToolRegistry create(ToolContext context, ToolSelection selection) {
    return new ToolRegistry(context, selection);
  }

  /**
   * Like {@link #create(ToolContext, ToolSelection)}, plus {@code list_toolsets} and {@code enable_toolset}, which
   * register further toolsets while the server runs ({@code --dynamic-toolsets}); call {@link #attach} once the
   * server is built.
   *
   * @param context   the server's tool context
   * @param selection the tools to start with
   * @return the registry
   */
  public static ToolRegistry createDynamic(ToolContext context, ToolSelection selection) {
    ToolRegistry registry = new ToolRegistry(context, selection);
    registry.dynamic = new DynamicToolsets(context, selection, registry.names());
    return registry;
  }

  /**
   * Whether tools may be added while the server runs (the server then announces {@code tools.listChanged}).
   *
   * @return true for a registry from {@link #createDynamic}
   */
  public boolean listChanges() {
    return dynamic != null;
  }

  /**
   * Gives the dynamic toolsets the server to add tools to; does nothing for a fixed registry.
   *
   * @param server the built server
   */
  public void attach(McpSyncServer server) {
    if (dynamic != null) {
      dynamic.attach(server);
    }
  }

  /**
   * The tool specifications for {@code McpServer.sync(...).tools(...)}; every handler catches every failure
   * and returns an {@code isError} result carrying the error envelope.
   *
   * @return the specifications, in a stable order
   */
  public List<McpServerFeatures.SyncToolSpecification> specifications() {
    List<McpServerFeatures.SyncToolSpecification> specs = new ArrayList<>();
    List<ToolDef> all = new ArrayList<>(tools);
    if (dynamic != null) {
      all.addAll(dynamic.tools());
    }
    for (ToolDef def : all) {
      specs.add(McpServerFeatures.SyncToolSpecification.builder()
          .tool(toTool(def, context.accounts() != null))
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

  /**
   * The toolset of a registered tool.
   *
   * @param name a tool name
   * @return its toolset (API section), or null when no such tool is registered
   */
  public String toolsetOf(String name) {
    return tools.stream().filter(t -> t.name.equals(name)).map(t -> t.toolset).findFirst().orElse(null);
  }

  /** The authenticated caller the transport put into the call's context (HTTP), or null. */
  private static Object caller(McpSyncServerExchange exchange) {
    if (exchange == null || exchange.transportContext() == null) {
      return null;
    }
    return exchange.transportContext().get(io.github.ozonperf.mcp.accounts.Principal.CONTEXT_KEY);
  }

  /** Whether a tool reaches Ozon, and so takes the {@code account} argument in accounts mode. */
  private static boolean reachesOzon(ToolDef def) {
    return !def.operations.isEmpty();
  }

  private static McpSchema.Tool toTool(ToolDef def, boolean accounts) {
    // The title is the tool's own (MCP 2025-06-18); annotations.title would repeat it in every tools/list.
    McpSchema.ToolAnnotations.Builder ann = McpSchema.ToolAnnotations.builder()
        .readOnlyHint(def.readOnly)
        .openWorldHint(true);
    if (!def.readOnly) {
      ann.destructiveHint(def.destructive).idempotentHint(def.idempotent);
    }
    return McpSchema.Tool.builder()
        .name(def.name)
        .title(def.title)
        .description(def.description)
        .inputSchema(accounts && reachesOzon(def) ? AccountTools.withAccountArgument(def.inputSchema)
            : def.inputSchema)
        .outputSchema(accounts ? AccountTools.withForbidden(def.outputSchema) : def.outputSchema)
        .annotations(ann.build())
        .meta(Map.of(OperationTools.META_OPERATIONS, def.operations))
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
   * The selected write tools that are off because OZON_MCP_ENABLE_WRITES is not true: a call to one is answered
   * with an error naming that variable.
   *
   * @return their names; empty when writes are enabled or the selection is read-only
   */
  public List<String> disabledWriteTools() {
    return disabledWrites;
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
    Object id = callMeta == null ? null : callMeta.get(InFlightCalls.META_KEY);
    boolean own = id == null; // a transport that does not register calls (HTTP): register it here, so that shutdown
    if (own) {                // can cancel it and wait for its answer
      id = "local-" + java.util.UUID.randomUUID();
      context.inFlight().received(id);
    }
    try (AutoCloseable bound = context.inFlight().bind(id)) {
      return call(def, exchange, request);
    } catch (Exception e) {
      throw new IllegalStateException(e); // unbinding throws nothing
    } finally {
      if (own) {
        context.inFlight().answered(id);
      }
    }
  }

  private McpSchema.CallToolResult call(ToolDef def, McpSyncServerExchange exchange,
      McpSchema.CallToolRequest request) {
    Map<String, Object> arguments = request.arguments();
    Object account = null;
    if (context.accounts() != null && arguments != null && arguments.containsKey(AccountTools.ARGUMENT)
        && reachesOzon(def)) {
      arguments = new LinkedHashMap<>(arguments);
      account = arguments.remove(AccountTools.ARGUMENT);
    }
    try (AutoCloseable bound = context.bindCall(context.principal(caller(exchange)), account, reachesOzon(def))) {
      String failure = context.tokenFailure();
      if (failure != null) {
        throw new ToolError(ToolError.Type.AUTH, Errors.withAuthHint(failure), false, null, null, null);
      }
      Args args = new Args(arguments, def.inputSchema);
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
