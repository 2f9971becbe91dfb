package io.github.ozonperf.mcp.tools;

import static io.github.ozonperf.mcp.tools.Schemas.array;
import static io.github.ozonperf.mcp.tools.Schemas.bool;
import static io.github.ozonperf.mcp.tools.Schemas.enumStr;
import static io.github.ozonperf.mcp.tools.Schemas.integer;
import static io.github.ozonperf.mcp.tools.Schemas.obj;
import static io.github.ozonperf.mcp.tools.Schemas.str;

import io.modelcontextprotocol.server.McpServerFeatures;
import io.modelcontextprotocol.server.McpSyncServer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Dynamic toolsets ({@code --dynamic-toolsets}): hosts send a model only the first few dozen tools, so the server can
 * start small (its selection, {@code default} unless told otherwise) plus {@code list_toolsets} and
 * {@code enable_toolset}; when the model enables a toolset, its tools are registered at once and the host is told with
 * {@code notifications/tools/list_changed}. Writes and read-only rules apply as at start.
 */
final class DynamicToolsets {
  private final ToolContext context;
  private final ToolSelection base;
  private final Set<String> registered = ConcurrentHashMap.newKeySet();
  private final Set<String> enabled = ConcurrentHashMap.newKeySet();
  private volatile McpSyncServer server;

  DynamicToolsets(ToolContext context, ToolSelection base, List<String> startTools) {
    this.context = Objects.requireNonNull(context, "context == null");
    this.base = Objects.requireNonNull(base, "base == null");
    registered.addAll(startTools);
    enabled.addAll(base.toolsets());
  }

  /** The server to add tools to, once it is built. */
  void attach(McpSyncServer server) {
    this.server = Objects.requireNonNull(server, "server == null");
  }

  List<ToolDef> tools() {
    return List.of(listToolsets(), enableToolset());
  }

  private ToolRegistry registryOf(String toolset) {
    return ToolRegistry.create(context, ToolSelection.parse(toolset, null, base.isReadOnly()));
  }

  private ToolDef listToolsets() {
    Map<String, Object> toolset = obj()
        .req("name", str("Toolset name"))
        .req("enabled", bool("Whether its tools are registered now", null))
        .req("tools", array(str("Tool name"), "Its tools (write tools only when writes are enabled)"))
        .build();
    Map<String, Object> out = obj()
        .req("toolsets", array(toolset, "Every toolset"))
        .req("returned", integer("Number of toolsets", 0, Integer.MAX_VALUE))
        .build();
    return ToolDef.named("list_toolsets")
        .title("List toolsets")
        .description("Lists the server's toolsets (API sections) with their tools and whether they are"
            + " enabled. Enable one with"
            + " enable_toolset to get its tools. No arguments.")
        .input(obj())
        .output(out)
        .readOnly()
        .idempotent()
        .handler((a, call) -> {
          List<Map<String, Object>> sets = new ArrayList<>();
          StringBuilder text = new StringBuilder();
          for (String name : ToolSelection.TOOLSETS) {
            List<String> names = registryOf(name).names();
            boolean on = enabled.contains(name) || enabled.contains("all") || registered.containsAll(names);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", name);
            m.put("enabled", on);
            m.put("tools", names);
            sets.add(m);
            text.append(name).append(on ? " (enabled): " : ": ").append(names.size()).append(" tools\n");
          }
          Map<String, Object> result = new LinkedHashMap<>();
          result.put("toolsets", sets);
          result.put("returned", sets.size());
          return new ToolDef.Outcome(result, text.toString().strip());
        })
        .build();
  }

  private ToolDef enableToolset() {
    Map<String, Object> out = obj()
        .req("toolset", str("The toolset"))
        .req("added", array(str("Tool name"), "Tools registered by this call"))
        .prop("note", str("What else to know"))
        .build();
    return ToolDef.named("enable_toolset")
        .title("Enable a toolset")
        .description("Registers the tools of one toolset (an API section) in this session and tells the host"
            + " that the tool list"
            + " changed; call list_toolsets to see them. Tools already registered stay as they are.")
        .input(obj().req("toolset", enumStr("The toolset to enable", ToolSelection.TOOLSETS)))
        .output(out)
        .readOnly() // as to Ozon: it changes this session's tool list, nothing of the account
        .idempotent()
        .handler((a, call) -> {
          String name = a.enumValue("toolset", ToolSelection.TOOLSETS, null);
          McpSyncServer s = server;
          if (s == null) {
            throw ToolError.validation("the server is still starting; call enable_toolset again in a moment");
          }
          ToolRegistry more = registryOf(name);
          List<String> added = new ArrayList<>();
          for (McpServerFeatures.SyncToolSpecification spec : more.specifications()) {
            if (registered.add(spec.tool().name())) {
              s.addTool(spec); // notifies the host (tools.listChanged is on in this mode)
              added.add(spec.tool().name());
            }
          }
          enabled.add(name);
          Map<String, Object> result = new LinkedHashMap<>();
          result.put("toolset", name);
          result.put("added", added);
          if (!more.disabledWriteTools().isEmpty()) {
            result.put("note", "write tools of this toolset are off: " + String.join(", ",
                more.disabledWriteTools()) + " (start the server with OZON_MCP_ENABLE_WRITES=true)");
          }
          return new ToolDef.Outcome(result, added.isEmpty() ? "toolset " + name + ": nothing new to add"
              : "toolset " + name + " enabled: " + String.join(", ", added));
        })
        .build();
  }
}
