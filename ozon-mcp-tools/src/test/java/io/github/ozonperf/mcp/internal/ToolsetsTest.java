package io.github.ozonperf.mcp.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.ozonperf.mcp.tools.ToolContext;
import io.github.ozonperf.mcp.tools.ToolRegistry;
import io.github.ozonperf.mcp.tools.ToolSelection;
import io.modelcontextprotocol.server.McpServerFeatures;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Toolset selection, and the coverage of the spec's operations by the tools' _meta. */
class ToolsetsTest {
  static final Path SPEC = Path.of("../ozon-performance-client/src/main/openapi/ozon-performance.yaml");
  static final String META = "io.github.ozonperf/operations";

  static ToolRegistry registry(String toolsets, String tools, boolean readOnly, boolean writes) {
    return ToolRegistry.create(ToolContext.builder().writesEnabled(writes).build(),
        ToolSelection.parse(toolsets, tools, readOnly));
  }

  /** The operations of the spec ("GET /api/client/campaign"), JSON twins (x-ozon-json-twin) left out. */
  static Set<String> specOperations() throws IOException {
    Set<String> ops = new TreeSet<>();
    String path = null;
    String pending = null;
    Pattern pathLine = Pattern.compile("^  (/\\S+):\\s*$");
    Pattern methodLine = Pattern.compile("^    (get|post|put|patch|delete):\\s*$");
    boolean inPaths = false;
    for (String line : Files.readAllLines(SPEC)) {
      if (line.equals("paths:")) {
        inPaths = true;
        continue;
      }
      if (inPaths && !line.isEmpty() && !line.startsWith(" ") && !line.startsWith("#")) {
        break;
      }
      Matcher p = pathLine.matcher(line);
      Matcher m = methodLine.matcher(line);
      if (p.matches()) {
        add(ops, pending);
        pending = null;
        path = p.group(1);
      } else if (m.matches()) {
        add(ops, pending);
        pending = m.group(1).toUpperCase() + " " + path;
      } else if (line.trim().equals("x-ozon-json-twin: true")) {
        pending = null;
      }
    }
    add(ops, pending);
    return ops;
  }

  private static void add(Set<String> ops, String op) {
    if (op != null) {
      ops.add(op);
    }
  }

  @SuppressWarnings("unchecked")
  static Set<String> reached(ToolRegistry r) {
    Set<String> out = new TreeSet<>();
    for (McpServerFeatures.SyncToolSpecification s : r.specifications()) {
      out.addAll((Collection<String>) s.tool().meta().get(META));
    }
    return out;
  }

  @Test
  void specHas48OperationsBesidesTheJsonTwins() throws IOException {
    assertEquals(48, specOperations().size(), specOperations().toString());
  }

  @Test
  void allToolsetsWithWritesReachEveryOperationOfTheSpec() throws IOException {
    Set<String> missing = new TreeSet<>(specOperations());
    missing.removeAll(reached(registry("all", null, false, true)));
    assertTrue(missing.isEmpty(), "operations of ozon-performance.yaml that no tool reaches: " + missing
        + " — a new operation needs a tool (operation tools are generated; check OperationTools)");
  }

  @Test
  void everyToolNamesTheOperationsItReaches() {
    for (McpServerFeatures.SyncToolSpecification s : registry("all", null, false, true).specifications()) {
      Object ops = s.tool().meta().get(META);
      assertTrue(ops instanceof List<?> l && !l.isEmpty(), s.tool().name());
    }
  }

  @Test
  void defaultIsTheCuratedReadTools() {
    assertEquals(List.of("list_campaigns", "get_campaign_objects", "list_campaign_products", "get_bid_limits",
        "get_daily_statistics", "get_campaign_expense", "get_statistics_report", "get_report_status", "list_reports",
        "download_report"), registry(null, null, false, false).names());
    assertEquals(14, registry("default", null, false, true).names().size());
  }

  @Test
  void aToolsetHoldsItsSectionOnly() {
    ToolRegistry r = registry("vendor", null, false, true);
    assertEquals(Set.of("get_vendor_report_status", "get_vendor_tag", "list_vendor_reports",
        "submit_vendor_statistics_report"), Set.copyOf(r.names()));
  }

  @Test
  void toolsAddAndRemoveSingleTools() {
    List<String> names = registry("default", "+get_vendor_tag,-list_reports", false, false).names();
    assertTrue(names.contains("get_vendor_tag"));
    assertFalse(names.contains("list_reports"));
  }

  @Test
  void writeToolsNeedWritesEnabledAndReadOnlyWins() {
    ToolRegistry off = registry("search_promo", null, false, false);
    assertFalse(off.names().contains("set_search_promo_bids"));
    assertTrue(off.disabledWriteTools().contains("set_search_promo_bids"));
    assertTrue(registry("search_promo", null, false, true).names().contains("set_search_promo_bids"));
    ToolRegistry ro = registry("all", "+set_search_promo_bids", true, true);
    for (McpServerFeatures.SyncToolSpecification s : ro.specifications()) {
      McpSchema.ToolAnnotations a = s.tool().annotations();
      assertTrue(a.readOnlyHint(), s.tool().name());
    }
    assertTrue(ro.disabledWriteTools().isEmpty());
  }

  @Test
  void unknownToolsetOrToolExits2AndListsTheValidNames() {
    String err = run(2, "tools", "--toolsets", "campaigns,nope");
    assertTrue(err.contains("unknown toolset 'nope'") && err.contains("search_promo"), err);
    err = run(2, "tools", "--tools", "+no_such_tool");
    assertTrue(err.contains("unknown tool 'no_such_tool'") && err.contains("get_vendor_tag"), err);
  }

  @Test
  void environmentChoosesToolsetsAndTheCommandLineWins() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Cli cli = new Cli(Map.of("OZON_MCP_TOOLSETS", "vendor"), new ByteArrayInputStream(new byte[0]),
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(new ByteArrayOutputStream()), false,
        false, code -> { });
    assertEquals(0, cli.run(new String[] {"tools"}));
    String listed = out.toString(StandardCharsets.UTF_8);
    assertTrue(listed.contains("get_vendor_tag") && !listed.contains("list_campaigns"), listed);
    out.reset();
    assertEquals(0, cli.run(new String[] {"tools", "--toolsets", "products"}));
    listed = out.toString(StandardCharsets.UTF_8);
    assertTrue(listed.contains("get_competitive_bids") && !listed.contains("get_vendor_tag"), listed);
  }

  private static String run(int expected, String... argv) {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Cli cli = new Cli(Map.of(), new ByteArrayInputStream(new byte[0]), new PrintStream(new ByteArrayOutputStream()),
        new PrintStream(err, true, StandardCharsets.UTF_8), false, false, code -> { });
    int code = cli.run(argv);
    String text = err.toString(StandardCharsets.UTF_8);
    assertEquals(expected, code, text);
    return text;
  }

  static List<String> sorted(Collection<String> c) {
    List<String> l = new ArrayList<>(c);
    l.sort(null);
    return l;
  }
}
