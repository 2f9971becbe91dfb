package io.github.ozonperf.mcp.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The handshake answered from the build-time recording ({@link PreparedHandshake}) is byte for byte the handshake the
 * server answers through the SDK, for each recorded configuration, protocol version and id shape; and the session
 * goes on normally after it.
 */
class PreparedHandshakeTest {
  private static final String[][] CASES = {
      {"2025-06-18", "1"},
      {"2025-11-25", "\"a\\\"b\""},
      {"2024-11-05", "9223372036854775807"},
      {"1999-01-01", "-0"}, // unsupported: the latest is offered; -0 is answered as 0, as the SDK reads it
  };

  @Test
  void theRecordingIsPartOfTheBuildForEveryKey() {
    for (String key : PreparedHandshake.KEYS) {
      assertNotNull(PreparedHandshake.load(key), "recording " + key + " (made in process-classes)");
    }
    assertNull(PreparedHandshake.load("no-such-configuration"));
  }

  @Test
  void onlyTheDefaultConfigurationsUseIt() {
    assertEquals("default", new Settings(Map.of()).preparedHandshakeKey(null, null, false, false));
    assertEquals("default-writes", new Settings(Map.of(Settings.ENABLE_WRITES, "true"))
        .preparedHandshakeKey(null, null, false, false));
    assertNull(new Settings(Map.of()).preparedHandshakeKey("all", null, false, false));
    assertNull(new Settings(Map.of()).preparedHandshakeKey(null, "+get_vendor_tag", false, false));
    assertNull(new Settings(Map.of()).preparedHandshakeKey(null, null, true, false));
    assertNull(new Settings(Map.of()).preparedHandshakeKey(null, null, false, true));
    assertNull(new Settings(Map.of(Settings.TOOLSETS, "default")).preparedHandshakeKey(null, null, false, false));
    assertNull(new Settings(Map.of(Settings.DYNAMIC_TOOLSETS, "true")).preparedHandshakeKey(null, null, false, false));
    assertNull(new Settings(Map.of(PreparedHandshake.SWITCH, "false")).preparedHandshakeKey(null, null, false, false));
  }

  @Test
  void answersAreTheServersOwnByteForByte() throws Exception {
    for (String key : PreparedHandshake.KEYS) {
      PreparedHandshake prepared = PreparedHandshake.load(key);
      for (String[] c : CASES) {
        List<String> sdk = handshake(key, c[0], c[1]);
        JsonPrimitive id = JsonParser.parseString(c[1]).getAsJsonPrimitive();
        JsonObject params = JsonParser.parseString("{\"protocolVersion\":\"" + c[0] + "\",\"capabilities\":"
            + "{\"roots\":{}},\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}").getAsJsonObject();
        assertEquals(sdk.get(0), new String(prepared.initializeAnswer(id, params), StandardCharsets.UTF_8),
            key + " initialize " + c[0] + " id " + c[1]);
        assertEquals(sdk.get(1), new String(prepared.toolsListAnswer(id, new JsonObject()), StandardCharsets.UTF_8),
            key + " tools/list id " + c[1]);
      }
      assertNull(prepared.initializeAnswer(JsonParser.parseString("12345678901234567890").getAsJsonPrimitive(),
          JsonParser.parseString("{\"protocolVersion\":\"2025-06-18\"}")), "an id the SDK refuses goes to the SDK");
      assertNull(prepared.toolsListAnswer(JsonParser.parseString("1").getAsJsonPrimitive(),
          JsonParser.parseString("{\"cursor\":\"x\"}")), "a cursor goes to the SDK");
      assertNull(prepared.initializeAnswer(JsonParser.parseString("1").getAsJsonPrimitive(),
          JsonParser.parseString("{\"protocolVersion\":1}")), "an odd initialize goes to the SDK");
    }
  }

  @Test
  void theSessionGoesOnAfterARecordedHandshake() throws Exception {
    Session s = new Session(env("default", true));
    s.send("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-06-18\","
        + "\"capabilities\":{},\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}");
    s.send("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
    s.send("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}");
    // sent at once, before the server can have been built: they wait for it, in order
    s.send("{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/call\",\"params\":{\"name\":\"list_campaigns\","
        + "\"arguments\":{\"limit\":1}}}");
    s.send("{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"tools/call\",\"params\":{\"name\":\"update_campaign\","
        + "\"arguments\":{}}}");
    s.send("{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-06-18\","
        + "\"capabilities\":{},\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}");
    s.send("{\"jsonrpc\":\"2.0\",\"id\":6,\"method\":\"ping\"}");
    s.start("--sandbox"); // every line is there before the server starts, as a host writes initialize at spawn
    Map<Integer, JsonObject> answers = new HashMap<>();
    while (answers.size() < 6) {
      JsonObject o = JsonParser.parseString(s.line()).getAsJsonObject();
      if (o.has("id")) {
        assertNull(answers.put(o.get("id").getAsInt(), o), "one answer per request: " + o);
      }
    }
    assertEquals("2025-06-18", answers.get(1).getAsJsonObject("result").get("protocolVersion").getAsString());
    assertEquals(10, answers.get(2).getAsJsonObject("result").getAsJsonArray("tools").size());
    JsonObject call = answers.get(3).getAsJsonObject("result");
    assertFalse(call.get("isError").getAsBoolean(), call.toString());
    assertEquals(1, call.getAsJsonObject("structuredContent").get("returned").getAsInt());
    JsonObject write = answers.get(4).getAsJsonObject("result");
    assertTrue(write.get("isError").getAsBoolean());
    assertTrue(write.toString().contains("OZON_MCP_ENABLE_WRITES"), write.toString());
    assertEquals(-32600, answers.get(5).getAsJsonObject("error").get("code").getAsInt(), "a second initialize");
    assertTrue(answers.get(6).has("result"), "ping");
    s.close();
  }

  @Test
  void aCallFollowedByTheEndOfInputIsAnsweredAsWithoutTheRecording() throws Exception {
    for (boolean recorded : new boolean[] {true, false}) {
      Session s = new Session(env("default", recorded));
      s.send("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":"
          + "\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}");
      s.send("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
      s.send("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}");
      s.send("{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/call\",\"params\":{\"name\":\"list_campaigns\","
          + "\"arguments\":{\"limit\":1}}}");
      s.stdin.sink.close(); // the end of input right behind the call, before the server exists
      s.start("--sandbox");
      List<Integer> ids = new java.util.ArrayList<>();
      // serve mode ends (exit 0, closing stdout) once the answers are out: what was written by then is all there is
      assertTrue(s.stopped.await(30, TimeUnit.SECONDS), "serve mode ends at the end of input");
      for (String l; (l = s.lines.readLine()) != null; ) {
        JsonObject o = JsonParser.parseString(l).getAsJsonObject();
        if (o.has("id")) {
          ids.add(o.get("id").getAsInt());
        }
      }
      assertEquals(List.of(1, 2, 3), ids, "recorded=" + recorded);
    }
  }

  private static Map<String, String> env(String key, boolean recorded) {
    Map<String, String> env = new HashMap<>();
    env.put("OZON_CLIENT_ID", "1-1@advertising.performance.ozon.ru");
    env.put("OZON_CLIENT_SECRET", "s");
    env.put("OZON_API_URL", "http://127.0.0.1:9");
    if (key.endsWith("-writes")) {
      env.put(Settings.ENABLE_WRITES, "true");
    }
    if (!recorded) {
      env.put(PreparedHandshake.SWITCH, "false");
    }
    return env;
  }

  /** The initialize and tools/list answer lines, as written. */
  private static List<String> handshake(String key, String version, String id) throws Exception {
    Session s = new Session(env(key, false)).start();
    s.send("{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"initialize\",\"params\":{\"protocolVersion\":\""
        + version + "\",\"capabilities\":{\"roots\":{}},\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}");
    String init = s.line();
    s.send("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
    s.send("{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"tools/list\",\"params\":{}}");
    String list = s.line();
    s.close();
    return List.of(init, list);
  }

  /** Serve mode over in-memory pipes. */
  private static final class Session {
    final Pipe stdin = new Pipe();
    final Pipe stdout = new Pipe();
    final CountDownLatch stopped = new CountDownLatch(1);
    final BufferedReader lines;

    final Map<String, String> env;

    Session(Map<String, String> env) {
      this.env = env;
      lines = new BufferedReader(new InputStreamReader(stdout.source, StandardCharsets.UTF_8));
    }

    Session start(String... args) {
      PrintStream out = new PrintStream(stdout.sink, true, StandardCharsets.UTF_8);
      PrintStream err = new PrintStream(OutputStream.nullOutputStream());
      // Exiting closes stdout, as the process's end does: what is written after it is lost.
      assertEquals(Cli.SERVING, new Cli(env, stdin.source, out, err, false, false, exit -> {
        try {
          stdout.sink.close();
        } catch (IOException ignored) {
          // an in-memory pipe
        }
        stopped.countDown();
      }).run(args));
      return this;
    }

    void send(String line) throws IOException {
      stdin.sink.write((line + "\n").getBytes(StandardCharsets.UTF_8));
    }

    String line() throws IOException {
      String l = lines.readLine();
      assertNotNull(l, "an answer");
      return l;
    }

    void close() throws IOException, InterruptedException {
      stdin.sink.close();
      assertTrue(stopped.await(30, TimeUnit.SECONDS), "serve mode ends at the end of input");
    }
  }
}
