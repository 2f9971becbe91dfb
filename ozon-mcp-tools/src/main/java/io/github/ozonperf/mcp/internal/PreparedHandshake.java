package io.github.ozonperf.mcp.internal;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import io.modelcontextprotocol.server.transport.StdioServerTransportProvider;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The server's answers to {@code initialize} and {@code tools/list} for the default configurations, recorded at build
 * time from the server itself, so that a fresh server answers the host's handshake while the MCP SDK and the tool
 * definitions are still being built (issue 17: building them was most of the time from spawn to the tools/list
 * answer).
 *
 * <p>The build runs {@link #main} in {@code process-classes}: it starts the real server ({@link Cli} serve mode,
 * this shortcut off) over in-memory pipes for each configuration, sends {@code initialize} and {@code tools/list},
 * and keeps the {@code result} of each answer, byte for byte, under {@value #DIR} in the classes. Nothing is written
 * by hand or kept in git: a change to a tool definition changes the recording in the next build.
 * {@code PreparedHandshakeTest} holds the shortcut's answers to the server's own, byte for byte, for every protocol
 * version and id shape. Configurations other than those recorded (toolsets, single tools, read-only, dynamic
 * toolsets) take the ordinary path, as does every server when the recording is missing or
 * {@value #SWITCH}{@code =false}.
 */
final class PreparedHandshake {
  /** Where the recordings live (a classpath folder). */
  static final String DIR = "/io/github/ozonperf/mcp/handshake/";
  /** Set to {@code false} to answer the handshake through the SDK only (tests compare the two). */
  static final String SWITCH = "OZON_MCP_PREPARED_HANDSHAKE";
  /** The recorded configurations: the default toolset with write tools off, and with them on. */
  static final List<String> KEYS = List.of("default", "default-writes");

  private final List<String> protocolVersions;
  private final String latest;
  /** The initialize result, starting with {@code {"protocolVersion":"<latest>"}. */
  private final String initializeResult;
  private final byte[] toolsListResult;

  private PreparedHandshake(List<String> protocolVersions, String initializeResult, byte[] toolsListResult) {
    this.protocolVersions = List.copyOf(protocolVersions);
    this.latest = protocolVersions.get(protocolVersions.size() - 1);
    this.initializeResult = initializeResult;
    this.toolsListResult = toolsListResult;
  }

  /**
   * The recording for a configuration key, or null when there is none (or it is unreadable): the caller then takes
   * the ordinary path.
   */
  static PreparedHandshake load(String key) {
    if (key == null) {
      return null;
    }
    try (InputStream props = PreparedHandshake.class.getResourceAsStream(DIR + key + ".properties");
        InputStream list = PreparedHandshake.class.getResourceAsStream(DIR + key + ".tools-list.json")) {
      if (props == null || list == null) {
        return null;
      }
      Properties p = new Properties();
      p.load(new InputStreamReader(props, StandardCharsets.UTF_8));
      String versions = p.getProperty("protocolVersions");
      String init = p.getProperty("initializeResult");
      if (versions == null || versions.isBlank() || init == null) {
        return null;
      }
      PreparedHandshake h = new PreparedHandshake(List.of(versions.split(",")), init, list.readAllBytes());
      return init.startsWith(prefix(h.latest)) ? h : null;
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  private static String prefix(String version) {
    return "{\"protocolVersion\":\"" + version + "\"";
  }

  /**
   * The answer to an initialize request, or null when its params are not the plain shape this shortcut answers (the
   * SDK answers those).
   *
   * @param id     the request's id, as {@link JsonRpcRules} accepted it
   * @param params the request's params
   */
  byte[] initializeAnswer(JsonPrimitive id, JsonElement params) {
    if (params == null || !params.isJsonObject()) {
      return null;
    }
    JsonObject p = params.getAsJsonObject();
    JsonElement version = p.get("protocolVersion");
    if (version == null || !version.isJsonPrimitive() || !version.getAsJsonPrimitive().isString()
        || !objectOrAbsent(p.get("capabilities")) || !objectOrAbsent(p.get("clientInfo"))) {
      return null;
    }
    // As the SDK negotiates: the client's version when supported, else the latest.
    String v = protocolVersions.contains(version.getAsString()) ? version.getAsString() : latest;
    String result = prefix(v) + initializeResult.substring(prefix(latest).length());
    return answer(id, result.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * The answer to a tools/list request, or null when it asks for more than the whole list (a cursor).
   *
   * @param id     the request's id
   * @param params the request's params
   */
  byte[] toolsListAnswer(JsonPrimitive id, JsonElement params) {
    if (params != null && !params.isJsonNull()
        && (!params.isJsonObject() || params.getAsJsonObject().has("cursor"))) {
      return null;
    }
    return answer(id, toolsListResult);
  }

  private static boolean objectOrAbsent(JsonElement e) {
    return e == null || e.isJsonObject();
  }

  /**
   * {"jsonrpc":"2.0","id":<id>,"result":<result>} with the id written as the SDK writes it; null for an id the SDK
   * refuses (an integer beyond a long), which the SDK then answers.
   */
  private static byte[] answer(JsonPrimitive id, byte[] result) {
    String idJson = idJson(id);
    if (idJson == null) {
      return null;
    }
    byte[] head = ("{\"jsonrpc\":\"2.0\",\"id\":" + idJson + ",\"result\":").getBytes(StandardCharsets.UTF_8);
    byte[] line = Arrays.copyOf(head, head.length + result.length + 1);
    System.arraycopy(result, 0, line, head.length, result.length);
    line[line.length - 1] = '}';
    return line;
  }

  /** The SDK reads an integer id as a Long (so -0 becomes 0) and refuses a larger one (null here). */
  static String idJson(JsonPrimitive id) {
    if (id.isString()) {
      return id.toString();
    }
    try {
      return Long.toString(Long.parseLong(id.getAsNumber().toString()));
    } catch (NumberFormatException e) {
      return null;
    }
  }

  // ------------------------------------------------------------------ build time

  /**
   * Records the handshake of each configuration into a folder (the build passes
   * {@code target/classes/io/github/ozonperf/mcp/handshake}).
   *
   * @param args the output folder
   * @throws Exception when the server does not answer; the build fails then
   */
  public static void main(String[] args) throws Exception {
    if (args.length != 1) {
      throw new IllegalArgumentException("usage: PreparedHandshake <output folder>");
    }
    Path dir = Path.of(args[0]);
    Files.createDirectories(dir);
    List<String> versions = new StdioServerTransportProvider(ServerRuntime.MAPPER, InputStream.nullInputStream(),
        OutputStream.nullOutputStream()).protocolVersions();
    String latest = versions.get(versions.size() - 1);
    for (String key : KEYS) {
      Map<String, String> env = new HashMap<>();
      env.put(SWITCH, "false");
      if (key.endsWith("-writes")) {
        env.put(Settings.ENABLE_WRITES, "true");
      }
      String[] results = record(env, latest);
      if (!results[0].startsWith(prefix(latest))) {
        throw new IllegalStateException("the initialize result does not start with " + prefix(latest) + ": "
            + results[0].substring(0, Math.min(200, results[0].length())));
      }
      Properties p = new Properties();
      p.setProperty("protocolVersions", String.join(",", versions));
      p.setProperty("initializeResult", results[0]);
      ByteArrayOutputStream props = new ByteArrayOutputStream();
      p.store(new java.io.OutputStreamWriter(props, StandardCharsets.UTF_8), null);
      // Properties.store writes a date comment: drop it, so that equal recordings are equal files.
      String text = props.toString(StandardCharsets.UTF_8).replaceFirst("(?m)^#.*\\R", "");
      Files.writeString(dir.resolve(key + ".properties"), text, StandardCharsets.UTF_8);
      Files.writeString(dir.resolve(key + ".tools-list.json"), results[1], StandardCharsets.UTF_8);
    }
    System.exit(0); // the recorded servers' threads are not waited for
  }

  /** {initialize result, tools/list result} as the server (this shortcut off) writes them. */
  static String[] record(Map<String, String> env, String protocolVersion) throws Exception {
    Pipe stdin = new Pipe();
    Pipe stdout = new Pipe();
    CountDownLatch stopped = new CountDownLatch(1);
    PrintStream out = new PrintStream(stdout.sink, true, StandardCharsets.UTF_8);
    PrintStream err = new PrintStream(OutputStream.nullOutputStream());
    // --sandbox: no credentials needed; the backend is only built after the tools/list answer anyway.
    int code = new Cli(env, stdin.source, out, err, false, false, exit -> stopped.countDown())
        .run(new String[] {"--sandbox"});
    if (code != Cli.SERVING) {
      throw new IllegalStateException("the server did not start (exit code " + code + ")");
    }
    BufferedReader lines = new BufferedReader(new InputStreamReader(stdout.source, StandardCharsets.UTF_8));
    write(stdin, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\""
        + protocolVersion + "\",\"capabilities\":{},\"clientInfo\":{\"name\":\"ozon-mcp-build\",\"version\":\"1\"}}}");
    String init = result(lines.readLine(), 1);
    write(stdin, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
    write(stdin, "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}");
    String list = result(lines.readLine(), 2);
    stdin.sink.close();
    stopped.await(10, TimeUnit.SECONDS);
    return new String[] {init, list};
  }

  private static void write(Pipe stdin, String line) {
    try {
      stdin.sink.write((line + "\n").getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The result part of an answer line, checked to be exactly {"jsonrpc":"2.0","id":<id>,"result":...}. */
  static String result(String line, int id) {
    String head = "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"result\":";
    if (line == null || !line.startsWith(head) || !line.endsWith("}")) {
      throw new IllegalStateException("unexpected answer to request " + id + ": "
          + (line == null ? "none" : line.substring(0, Math.min(300, line.length()))));
    }
    return line.substring(head.length(), line.length() - 1);
  }
}
