package io.github.ozonperf.mcp;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The shaded jar as a subprocess, driven over its real stdio transport. Records every stdout line (to check
 * that all of them are JSON-RPC), all of stderr, and every progress notification.
 */
class McpProcess implements AutoCloseable {
  static Path jar() {
    Path jar = Path.of(System.getProperty("ozon.mcp.jar", "target/ozon-mcp-tools.jar"));
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException("no runnable jar at " + jar.toAbsolutePath() + ": run `mvn package` first");
    }
    return jar;
  }

  final Process process;
  final List<String> stdoutLines = new CopyOnWriteArrayList<>();
  final List<JsonObject> progress = new CopyOnWriteArrayList<>();
  private final StringBuffer stderr = new StringBuffer();
  private final Map<Long, CompletableFuture<JsonObject>> pending = new ConcurrentHashMap<>();
  private final AtomicLong ids = new AtomicLong(100);
  private final OutputStream stdin;
  private final Thread outReader;
  private final Thread errReader;

  McpProcess(Map<String, String> env, String... args) throws IOException {
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-XX:TieredStopAtLevel=1", "-jar", jar().toString()));
    Collections.addAll(cmd, args);
    ProcessBuilder pb = new ProcessBuilder(cmd);
    pb.environment().keySet().removeIf(k -> k.startsWith("OZON_") || k.startsWith("OAUTH_"));
    pb.environment().putAll(env);
    process = pb.start();
    stdin = process.getOutputStream();
    outReader = new Thread(() -> readStdout(process.getInputStream()), "mcp-stdout");
    errReader = new Thread(() -> readStderr(process.getErrorStream()), "mcp-stderr");
    outReader.setDaemon(true);
    errReader.setDaemon(true);
    outReader.start();
    errReader.start();
  }

  private void readStdout(InputStream in) {
    try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        stdoutLines.add(line);
        JsonObject msg;
        try {
          msg = JsonParser.parseString(line).getAsJsonObject();
        } catch (RuntimeException e) {
          continue; // recorded; the purity test reports it
        }
        if (msg.has("method") && msg.get("method").getAsString().equals("notifications/progress")) {
          progress.add(msg.getAsJsonObject("params"));
        } else if (msg.has("id") && !msg.get("id").isJsonNull() && !msg.has("method")) {
          CompletableFuture<JsonObject> f = pending.remove(msg.get("id").getAsLong());
          if (f != null) {
            f.complete(msg);
          }
        }
      }
    } catch (IOException ignored) {
      // process ended
    }
  }

  private void readStderr(InputStream in) {
    try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        stderr.append(line).append('\n');
      }
    } catch (IOException ignored) {
      // process ended
    }
  }

  String stderr() {
    return stderr.toString();
  }

  synchronized void send(String json) throws IOException {
    try {
      stdin.write((json + "\n").getBytes(StandardCharsets.UTF_8));
      stdin.flush();
    } catch (IOException e) {
      throw new AssertionError("cannot write to the server (alive: " + process.isAlive() + "); stderr:\n" + stderr(), e);
    }
  }

  /** Sends a request and returns the whole response message (with result or error). */
  JsonObject request(String method, JsonObject params) throws Exception {
    long id = ids.incrementAndGet();
    CompletableFuture<JsonObject> f = new CompletableFuture<>();
    pending.put(id, f);
    JsonObject msg = new JsonObject();
    msg.addProperty("jsonrpc", "2.0");
    msg.addProperty("id", id);
    msg.addProperty("method", method);
    if (params != null) {
      msg.add("params", params);
    }
    send(msg.toString());
    for (int waited = 0; waited < 600; waited++) { // 60 s at most; fail fast when the process died
      try {
        return f.get(100, TimeUnit.MILLISECONDS);
      } catch (java.util.concurrent.TimeoutException e) {
        if (!process.isAlive()) {
          throw new AssertionError("the server exited (" + process.exitValue() + ") before answering " + method
              + "; stderr:\n" + stderr());
        }
      }
    }
    throw new AssertionError("no answer to " + method + " within 60 s; stderr:\n" + stderr());
  }

  JsonObject initialize() throws Exception {
    JsonObject params = JsonParser.parseString("{\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},"
        + "\"clientInfo\":{\"name\":\"it\",\"version\":\"1\"}}").getAsJsonObject();
    JsonObject resp = request("initialize", params);
    send("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
    return resp;
  }

  /** tools/call; returns the result object (content, structuredContent, isError). */
  JsonObject call(String tool, String argumentsJson) throws Exception {
    return call(tool, argumentsJson, null);
  }

  JsonObject call(String tool, String argumentsJson, String progressToken) throws Exception {
    JsonObject params = new JsonObject();
    params.addProperty("name", tool);
    params.add("arguments", JsonParser.parseString(argumentsJson));
    if (progressToken != null) {
      JsonObject meta = new JsonObject();
      meta.addProperty("progressToken", progressToken);
      params.add("_meta", meta);
    }
    JsonObject resp = request("tools/call", params);
    if (!resp.has("result")) {
      throw new AssertionError(tool + " answered with a protocol error instead of a result: " + resp);
    }
    return resp.getAsJsonObject("result");
  }

  static JsonObject structured(JsonObject result) {
    JsonElement s = result.get("structuredContent");
    if (s == null || !s.isJsonObject()) {
      throw new AssertionError("no structuredContent in " + result);
    }
    return s.getAsJsonObject();
  }

  static boolean isError(JsonObject result) {
    return result.has("isError") && result.get("isError").getAsBoolean();
  }

  static String text(JsonObject result) {
    StringBuilder sb = new StringBuilder();
    result.getAsJsonArray("content").forEach(c -> sb.append(c.getAsJsonObject().get("text").getAsString()));
    return sb.toString();
  }

  /** Closes stdin and waits for the process to end; returns its exit code. */
  int closeAndWait() throws Exception {
    try {
      stdin.close();
    } catch (IOException ignored) {
      // the process already ended
    }
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("the server did not exit within 30 s after stdin closed");
    }
    outReader.join(5000);
    errReader.join(5000);
    return process.exitValue();
  }

  /** Waits until stdout and stderr are read to their end (after the process ended). */
  void awaitOutput() throws InterruptedException {
    outReader.join(5000);
    errReader.join(5000);
  }

  /** Waits for the output readers after the process ended on its own; returns stderr. */
  String closeAndWaitStderr() throws Exception {
    closeAndWait();
    return stderr();
  }

  @Override
  public void close() throws Exception {
    if (process.isAlive()) {
      try {
        stdin.close();
      } catch (IOException ignored) {
        // already closed
      }
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    }
  }
}
