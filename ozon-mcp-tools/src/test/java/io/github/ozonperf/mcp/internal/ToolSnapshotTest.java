package io.github.ozonperf.mcp.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.ozonperf.mcp.tools.ToolContext;
import io.github.ozonperf.mcp.tools.ToolRegistry;
import io.github.ozonperf.mcp.tools.ToolSelection;
import io.modelcontextprotocol.server.McpServerFeatures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every tool's definition (name, title, description, schemas, annotations, _meta) as the client sees it, one file per
 * tool under src/test/resources/tool-snapshots: any difference fails, so a change of a tool's contract is always a
 * reviewed diff. Also prints the context budget of each toolset (tools/list bytes as on the wire).
 */
class ToolSnapshotTest {
  static final Path DIR = Path.of("src/test/resources/tool-snapshots");
  static final String UPDATE = "UPDATE_TOOL_SNAPSHOTS";
  static final Gson PRETTY = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

  static List<JsonObject> tools(String toolsets, boolean writes) throws IOException {
    ToolRegistry r = ToolRegistry.create(ToolContext.builder().writesEnabled(writes).build(),
        ToolSelection.parse(toolsets, null, false));
    List<JsonObject> out = new ArrayList<>();
    for (McpServerFeatures.SyncToolSpecification s : r.specifications()) {
      out.add(JsonParser.parseString(ServerRuntime.MAPPER.writeValueAsString(s.tool())).getAsJsonObject());
    }
    return out;
  }

  @Test
  void toolDefinitionsMatchTheirSnapshots() throws IOException {
    boolean update = "true".equalsIgnoreCase(System.getenv(UPDATE));
    List<String> diffs = new ArrayList<>();
    Set<String> names = new TreeSet<>();
    Files.createDirectories(DIR);
    for (JsonObject tool : tools("all", true)) {
      String name = tool.get("name").getAsString();
      names.add(name + ".json");
      Path file = DIR.resolve(name + ".json");
      String now = PRETTY.toJson(tool) + "\n";
      String before = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : null;
      if (!now.equals(before)) {
        if (update) {
          Files.writeString(file, now, StandardCharsets.UTF_8);
        } else {
          diffs.add(name + (before == null ? " (no snapshot)" : " (changed)"));
        }
      }
    }
    try (Stream<Path> files = Files.list(DIR)) {
      for (Path f : files.toList()) {
        if (!names.contains(f.getFileName().toString())) {
          if (update) {
            Files.delete(f);
          } else {
            diffs.add(f.getFileName() + " (no such tool any more)");
          }
        }
      }
    }
    assertTrue(diffs.isEmpty(), "tool definitions differ from " + DIR + ": " + diffs + ". If the change is meant,"
        + " run `UPDATE_TOOL_SNAPSHOTS=true ./mvnw -B -o verify -pl ozon-mcp-tools -am` and commit the files.");
  }

  /** tools/list as sent (compact JSON), in bytes. */
  static int listBytes(String toolsets, boolean writes) throws IOException {
    JsonObject list = new JsonObject();
    com.google.gson.JsonArray arr = new com.google.gson.JsonArray();
    for (JsonElement t : tools(toolsets, writes)) {
      arr.add(t);
    }
    list.add("tools", arr);
    return new GsonBuilder().disableHtmlEscaping().create().toJson(list).getBytes(StandardCharsets.UTF_8).length;
  }

  @Test
  void contextBudgetPerToolset() throws IOException {
    StringBuilder table = new StringBuilder("| toolset | tools | tools/list bytes | ~tokens (bytes/4) |\n"
        + "|---|---|---|---|\n");
    for (String set : ToolSelection.TOOLSETS) {
      for (boolean writes : new boolean[] {false, true}) {
        int n = tools(set, writes).size();
        int bytes = listBytes(set, writes);
        table.append(String.format(Locale.ROOT, "| %s%s | %d | %,d | %,d |%n", set, writes ? " + writes" : "", n,
            bytes, bytes / 4));
      }
    }
    System.out.println("Context budget (tools/list, compact JSON):\n" + table);
    // Goals (issue 16): default <= 26 kB, all <= 100 kB, writes included.
    assertTrue(listBytes("default", false) <= 26_000, table.toString());
    assertTrue(listBytes("all", true) <= 100_000, table.toString());
    assertEquals(listBytes("default", false), listBytes(null, false));
  }
}
