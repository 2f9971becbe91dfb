package io.github.ozonperf.mcp.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.ozonperf.sandbox.OzonSandbox;
import io.github.ozonperf.sandbox.SandboxData;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every subcommand through the command line, with captured stdout/stderr and exit codes. */
class CliTest {
  record Run(int code, String out, String err) {
  }

  static Run run(Map<String, String> env, String... args) {
    return run(env, false, InputStream.nullInputStream(), () -> { }, args);
  }

  static Run run(Map<String, String> env, boolean terminal, InputStream stdin, Runnable onClosed, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code;
    try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
      code = new Cli(env, stdin, o, e, terminal, false, exit -> onClosed.run()).run(args);
    }
    return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void helpListsCommandsEveryVariableTheHostSnippetAndExitCodes() {
    Run r = run(Map.of(), "--help");
    assertEquals(0, r.code());
    for (String s : List.of("serve", "tools", "call <tool>", "OZON_CLIENT_ID", "OZON_CLIENT_SECRET", "OAUTH_CLIENT_ID",
        "OZON_API_URL", "OZON_TOKEN_URL", "OZON_TOKEN_FORMAT", "OZON_MCP_ENABLE_WRITES", "OZON_TOKEN_CACHE_DIR",
        "mcpServers", "Exit codes")) {
      assertTrue(r.out().contains(s), "help lacks " + s);
    }
  }

  @Test
  void versionPrintsTheVersion() {
    Run r = run(Map.of(), "--version");
    assertEquals(0, r.code());
    assertTrue(r.out().startsWith("ozon-mcp-tools "), r.out());
  }

  @Test
  void unknownFlagIsAOneLineErrorPlusUsageAndExit2() {
    Run r = run(Map.of(), "--bogus");
    assertEquals(2, r.code());
    assertEquals("ozon-mcp-tools: unknown option '--bogus'", r.err().lines().findFirst().orElseThrow());
    assertTrue(r.err().contains("Usage:"));
    assertEquals("", r.out());
  }

  @Test
  void callWithoutAToolNameIsAUsageError() {
    assertEquals(2, run(Map.of(), "call").code());
  }

  @Test
  void toolsPrintsATableOfReadOnlyToolsWithoutCredentials() {
    Run r = run(Map.of(), "tools");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().lines().anyMatch(l -> l.startsWith("list_campaigns") && l.contains(" read ")), r.out());
    assertFalse(r.out().lines().anyMatch(l -> l.startsWith("set_product_bids")), r.out());
    assertTrue(r.out().contains("OZON_MCP_ENABLE_WRITES=true"));
  }

  @Test
  void toolsJsonPrintsTheToolsListPayloadIncludingWriteToolsWhenEnabled() {
    Run r = run(Map.of("OZON_MCP_ENABLE_WRITES", "true"), "tools", "--json");
    assertEquals(0, r.code(), r.err());
    JsonArray tools = JsonParser.parseString(r.out()).getAsJsonObject().getAsJsonArray("tools");
    assertEquals(14, tools.size());
    JsonObject bids = null;
    for (var t : tools) {
      if (t.getAsJsonObject().get("name").getAsString().equals("set_product_bids")) {
        bids = t.getAsJsonObject();
      }
    }
    assertFalse(bids.getAsJsonObject("annotations").get("readOnlyHint").getAsBoolean());
    assertTrue(bids.has("inputSchema") && bids.has("outputSchema"));
  }

  @Test
  void callListCampaignsOnTheSandboxPrintsStructuredJson() {
    Run r = run(Map.of(), "call", "list_campaigns", "--sandbox", "--arg", "limit=3", "--text");
    assertEquals(0, r.code(), r.err());
    JsonObject out = JsonParser.parseString(r.out()).getAsJsonObject();
    assertEquals(3, out.getAsJsonArray("campaigns").size());
    assertEquals(SandboxData.CAMPAIGN_COUNT, out.get("total").getAsInt());
    assertTrue(r.err().contains("3 of " + SandboxData.CAMPAIGN_COUNT + " campaigns"), r.err());
  }

  @Test
  void callWhoseToolReturnsAnErrorExits1WithTheMessageOnStderr() {
    Run r = run(Map.of(), "call", "get_daily_statistics", "--sandbox", "--json",
        "{\"campaignIds\":[\"1\"],\"dateFrom\":\"2026-11-10\",\"dateTo\":\"2026-11-01\"}");
    assertEquals(1, r.code());
    assertTrue(r.err().contains("dateTo (2026-11-01) is before dateFrom (2026-11-10)"), r.err());
    assertEquals("validation", JsonParser.parseString(r.out()).getAsJsonObject().get("type").getAsString());
  }

  @Test
  void callWithoutCredentialsExits2NamingTheVariables() {
    Run r = run(Map.of(), "call", "list_campaigns");
    assertEquals(2, r.code());
    assertTrue(r.err().contains("OZON_CLIENT_ID") && r.err().contains("--sandbox"), r.err());
  }

  @Test
  void callUnknownToolExits2AndListsTheTools() {
    Run r = run(Map.of(), "call", "drop_everything", "--sandbox");
    assertEquals(2, r.code());
    assertTrue(r.err().contains("unknown tool 'drop_everything'") && r.err().contains("list_campaigns"), r.err());
  }

  @Test
  void callGetStatisticsReportShowsProgressAndWritesTheCompleteReportToOut(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("report.csv");
    Run r = run(Map.of(), "call", "get_statistics_report", "--sandbox", "--arg", "campaignIds=[\"" + firstId() + "\"]",
        "--arg", "dateFrom=2026-10-01", "--arg", "dateTo=2026-10-31", "--arg", "maxRows=2", "--out", file.toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(r.err().lines().anyMatch(l -> l.startsWith("progress: chunk 1/1 ")), r.err());
    List<String> lines = Files.readAllLines(file);
    assertEquals("campaignId;date;sku;bannerId;views;clicks;spend;orders;ordersMoney", lines.get(0));
    List<String[]> rows = lines.subList(1, lines.size()).stream().map(l -> l.split(";", -1)).toList();
    long days = rows.stream().map(c -> c[1]).distinct().count();
    long skus = rows.stream().map(c -> c[2]).distinct().count();
    assertEquals(31, days, "every day of October");
    assertTrue(rows.stream().noneMatch(c -> c[2].isEmpty()), "every row names its product");
    assertEquals(days * skus, rows.size(), "one row per product and day");
    assertTrue(r.err().contains("wrote " + rows.size() + " rows to "), r.err());
    try (var files = Files.list(dir)) {
      assertEquals(List.of(file), files.toList(), "no temporary file left behind");
    }
  }

  @Test
  void outIsRefusedForToolsWithoutAReport() {
    assertEquals(2, run(Map.of(), "call", "list_campaigns", "--sandbox", "--out", "x.csv").code());
  }

  @Test
  void serveByHandPrintsTheHintOnStderrOnlyAndStopsWhenStdinEnds() throws Exception {
    Pipe stdin = new Pipe();
    CountDownLatch closed = new CountDownLatch(1);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
      int code = new Cli(Map.of(), stdin.source, o, e, true, false, exit -> closed.countDown())
          .run(new String[] {"--sandbox"});
      assertEquals(Cli.SERVING, code);
      stdin.sink.close();
      assertTrue(closed.await(30, TimeUnit.SECONDS), "stdin end must stop the server");
    }
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("waiting for an MCP client on stdin"));
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("call list_campaigns --sandbox"));
    assertEquals("", out.toString(StandardCharsets.UTF_8), "stdout is reserved for JSON-RPC");
  }

  @Test
  void serveWithoutCredentialsExits2() {
    Run r = run(Map.of(), "serve");
    assertEquals(2, r.code());
    assertEquals(1, r.err().strip().lines().count(), r.err());
  }

  @Test
  void argValuesAreJsonWhenTheyParseAndStringsOtherwise() {
    assertTrue(Cli.argValue("42").getAsJsonPrimitive().isNumber());
    assertTrue(Cli.argValue("true").getAsJsonPrimitive().isBoolean());
    assertTrue(Cli.argValue("[\"1\",2]").isJsonArray());
    assertEquals("2026-11-01", Cli.argValue("2026-11-01").getAsString());
    assertEquals("CAMPAIGN_STATE_RUNNING", Cli.argValue("CAMPAIGN_STATE_RUNNING").getAsString());
    assertTrue(Cli.argValue("CAMPAIGN_STATE_RUNNING").getAsJsonPrimitive().isString());
  }

  private static String firstId() {
    try (OzonSandbox s = OzonSandbox.builder().start()) {
      return s.data().campaigns().get(0).id();
    }
  }
}
