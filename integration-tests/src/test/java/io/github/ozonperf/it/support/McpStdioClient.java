package io.github.ozonperf.it.support;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonSyntaxException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A minimal MCP host: starts {@code ozon-mcp-tools.jar} as a subprocess with {@code java -jar}, exactly as Claude
 * Desktop or VS Code would, and speaks newline-delimited JSON-RPC 2.0 over its stdin/stdout. Every stdout line is
 * parsed; a line that is not a JSON-RPC message is kept in {@link #protocolViolations()}. Stderr is drained into
 * a buffer so scenarios can check it for secrets.
 */
public final class McpStdioClient implements AutoCloseable {
  /** System property naming the runnable jar (set by the module's failsafe configuration). */
  public static final String JAR_PROPERTY = "ozon.mcp.jar";
  /** Bound on any single wait for an answer: guards against hangs, not a performance assertion. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

  private final Process process;
  private final OutputStream stdin;
  private final AtomicInteger ids = new AtomicInteger();
  private final Map<String, CompletableFuture<JsonObject>> pending = new ConcurrentHashMap<>();
  private final List<JsonObject> notifications = new CopyOnWriteArrayList<>();
  private final List<String> violations = new CopyOnWriteArrayList<>();
  private final StringBuffer stderr = new StringBuffer();
  private final Thread stdoutReader;
  private final Thread stderrReader;
  private volatile boolean killed;

  private McpStdioClient(Process process) {
    this.process = process;
    this.stdin = process.getOutputStream();
    this.stdoutReader = new Thread(this::readStdout, "mcp-stdout");
    this.stderrReader = new Thread(() -> drain(process.getErrorStream()), "mcp-stderr");
    stdoutReader.setDaemon(true);
    stderrReader.setDaemon(true);
    stdoutReader.start();
    stderrReader.start();
  }

  /** The runnable jar, or a failure that says how to build it. */
  public static Path jar() {
    String configured = System.getProperty(JAR_PROPERTY);
    if (configured == null) {
      throw new IllegalStateException("System property " + JAR_PROPERTY + " is not set: run the suite with "
          + "./mvnw -B verify (or pass -D" + JAR_PROPERTY + "=/path/to/ozon-mcp-tools.jar)");
    }
    Path jar = Path.of(configured).toAbsolutePath().normalize();
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(jar + " does not exist: build it first with "
          + "./mvnw -B -q -pl ozon-mcp-tools -am package -DskipTests");
    }
    return jar;
  }

  /**
   * Starts the server.
   *
   * @param args program arguments (e.g. {@code --sandbox})
   * @param environment the child's complete environment (the parent's is NOT inherited, so a developer's
   *     credentials cannot leak into a sandbox run)
   * @return a client connected to the running process
   * @throws IOException if the process cannot be started
   */
  public static McpStdioClient start(List<String> args, Map<String, String> environment) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    // C1 only: on 2 shared cores the C2 compiler competes with the work (see build-notes.md).
    command.add("-XX:TieredStopAtLevel=1");
    command.add("-jar");
    command.add(jar().toString());
    command.addAll(args);
    ProcessBuilder pb = new ProcessBuilder(command);
    pb.environment().clear();
    pb.environment().putAll(environment);
    return new McpStdioClient(pb.start());
  }

  /**
   * Sends a request and waits for its response.
   *
   * @param method JSON-RPC method
   * @param params params object (may be null)
   * @return the whole response message (with {@code result} or {@code error})
   */
  public JsonObject request(String method, JsonObject params) throws IOException {
    return request(method, params, DEFAULT_TIMEOUT);
  }

  /** As {@link #request(String, JsonObject)} with an explicit bound on the wait. */
  public JsonObject request(String method, JsonObject params, Duration timeout) throws IOException {
    String id = Integer.toString(ids.incrementAndGet());
    CompletableFuture<JsonObject> answer = new CompletableFuture<>();
    pending.put(id, answer);
    JsonObject message = new JsonObject();
    message.addProperty("jsonrpc", "2.0");
    message.addProperty("id", Integer.parseInt(id));
    message.addProperty("method", method);
    if (params != null) {
      message.add("params", params);
    }
    send(message);
    try {
      return answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      throw new IOException("no answer to " + method + " within " + timeout + "; server alive=" + process.isAlive()
          + "; stderr tail:\n" + tail(stderr()), e);
    } catch (ExecutionException e) {
      throw new IOException("server closed while waiting for " + method + "; stderr tail:\n" + tail(stderr()),
          e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    } finally {
      pending.remove(id);
    }
  }

  /** Sends a notification (no answer expected). */
  public void notify(String method, JsonObject params) throws IOException {
    JsonObject message = new JsonObject();
    message.addProperty("jsonrpc", "2.0");
    message.addProperty("method", method);
    if (params != null) {
      message.add("params", params);
    }
    send(message);
  }

  /** The MCP handshake: {@code initialize} then {@code notifications/initialized}; returns the initialize result. */
  public JsonObject initialize() throws IOException {
    JsonObject params = new JsonObject();
    params.addProperty("protocolVersion", "2025-06-18");
    params.add("capabilities", new JsonObject());
    JsonObject info = new JsonObject();
    info.addProperty("name", "ozon-integration-tests");
    info.addProperty("version", "1");
    params.add("clientInfo", info);
    JsonObject response = request("initialize", params);
    notify("notifications/initialized", null);
    return response;
  }

  /**
   * Calls a tool.
   *
   * @param name tool name
   * @param arguments tool arguments
   * @param progressToken the {@code _meta.progressToken} to send, or null
   * @return the whole response message
   */
  public JsonObject callTool(String name, JsonObject arguments, String progressToken, Duration timeout)
      throws IOException {
    JsonObject params = new JsonObject();
    params.addProperty("name", name);
    params.add("arguments", arguments == null ? new JsonObject() : arguments);
    if (progressToken != null) {
      JsonObject meta = new JsonObject();
      meta.addProperty("progressToken", progressToken);
      params.add("_meta", meta);
    }
    return request("tools/call", params, timeout);
  }

  /** Notifications received so far, in order. */
  public List<JsonObject> notifications() {
    return List.copyOf(notifications);
  }

  /** Stdout lines that were not JSON-RPC messages (must stay empty: stdout belongs to the protocol). */
  public List<String> protocolViolations() {
    return List.copyOf(violations);
  }

  /** Everything the server wrote to stderr so far. */
  public String stderr() {
    return stderr.toString();
  }

  /** The underlying process. */
  public Process process() {
    return process;
  }

  private synchronized void send(JsonObject message) throws IOException {
    stdin.write((message.toString() + "\n").getBytes(StandardCharsets.UTF_8));
    stdin.flush();
  }

  private void readStdout() {
    try (BufferedReader in = new BufferedReader(
        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line; (line = in.readLine()) != null; ) {
        if (line.isBlank()) {
          continue;
        }
        JsonObject message;
        try {
          JsonElement parsed = JsonParser.parseString(line);
          if (!parsed.isJsonObject() || !parsed.getAsJsonObject().has("jsonrpc")) {
            violations.add(line);
            continue;
          }
          message = parsed.getAsJsonObject();
        } catch (JsonSyntaxException e) {
          violations.add(line);
          continue;
        }
        dispatch(message);
      }
    } catch (IOException ignored) {
      // process ended
    } finally {
      IOException closed = new IOException("stdout closed");
      pending.values().forEach(f -> f.completeExceptionally(closed));
    }
  }

  private void dispatch(JsonObject message) throws IOException {
    boolean hasId = message.has("id") && !message.get("id").isJsonNull();
    if (message.has("method")) {
      if (hasId) {
        answerServerRequest(message);
      } else {
        notifications.add(message);
      }
      return;
    }
    if (hasId) {
      CompletableFuture<JsonObject> f = pending.get(message.get("id").getAsString());
      if (f != null) {
        f.complete(message);
      } else {
        violations.add("response to unknown id: " + message);
      }
    }
  }

  /** Server-to-client requests: answer ping, refuse everything else (this host has no roots or sampling). */
  private void answerServerRequest(JsonObject request) throws IOException {
    JsonObject answer = new JsonObject();
    answer.addProperty("jsonrpc", "2.0");
    answer.add("id", request.get("id"));
    if ("ping".equals(request.get("method").getAsString())) {
      answer.add("result", new JsonObject());
    } else {
      JsonObject error = new JsonObject();
      error.addProperty("code", -32601);
      error.addProperty("message", "not supported by the test host");
      answer.add("error", error);
    }
    send(answer);
  }

  private void drain(InputStream in) {
    byte[] buf = new byte[8192];
    try {
      for (int n; (n = in.read(buf)) >= 0; ) {
        stderr.append(new String(buf, 0, n, StandardCharsets.UTF_8));
      }
    } catch (IOException ignored) {
      // process ended
    }
  }

  private static String tail(String s) {
    return s.length() <= 4000 ? s : s.substring(s.length() - 4000);
  }

  /** Closes stdin (the MCP way to end a stdio session) and waits for the process to exit; kills it if it won't. */
  @Override
  public void close() throws IOException {
    try {
      stdin.close();
    } catch (IOException ignored) {
      // already gone
    }
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        killed = true;
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
      stdoutReader.join(5_000);
      stderrReader.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Whether the process ended on its own within 10 s of stdin closing (call after {@link #close()}). */
  public boolean exited() {
    return !killed && !process.isAlive();
  }
}
