package io.github.ozonperf.mcp.internal;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * A minimal line-delimited JSON-RPC MCP client: what {@code tools} and {@code call} use to talk to the real
 * server over its stdio transport (in-process, through {@link Pipe}s).
 */
final class PipeClient implements AutoCloseable {
  private static final Gson GSON = new Gson();
  private final OutputStream out;
  private final Map<Long, CompletableFuture<JsonObject>> pending = new ConcurrentHashMap<>();
  private final AtomicLong ids = new AtomicLong();
  private final Consumer<JsonObject> progress;
  private final Thread reader;

  PipeClient(OutputStream toServer, InputStream fromServer, Consumer<JsonObject> progress) {
    this.out = toServer;
    this.progress = progress;
    this.reader = new Thread(() -> readLoop(fromServer), "ozon-mcp-cli-reader");
    reader.setDaemon(true);
    reader.start();
  }

  private void readLoop(InputStream in) {
    try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        if (line.isBlank()) {
          continue;
        }
        JsonObject msg = JsonParser.parseString(line).getAsJsonObject();
        if (msg.has("method")) {
          String method = msg.get("method").getAsString();
          if (msg.has("id")) { // a request from the server (e.g. ping): answer with an empty result
            JsonObject resp = new JsonObject();
            resp.addProperty("jsonrpc", "2.0");
            resp.add("id", msg.get("id"));
            resp.add("result", new JsonObject());
            send(resp);
          } else if (method.equals("notifications/progress") && progress != null && msg.has("params")) {
            progress.accept(msg.getAsJsonObject("params"));
          }
          continue;
        }
        if (msg.has("id") && !msg.get("id").isJsonNull()) {
          CompletableFuture<JsonObject> f = pending.remove(msg.get("id").getAsLong());
          if (f != null) {
            f.complete(msg);
          }
        }
      }
    } catch (IOException | RuntimeException e) {
      pending.values().forEach(f -> f.completeExceptionally(e));
    }
    pending.values().forEach(f -> f.completeExceptionally(new IOException("the server closed the connection")));
  }

  private synchronized void send(JsonObject msg) throws IOException {
    out.write((GSON.toJson(msg) + "\n").getBytes(StandardCharsets.UTF_8));
    out.flush();
  }

  /** Sends a request and waits for its response; returns the "result" or throws with the JSON-RPC error. */
  JsonObject request(String method, JsonObject params, Duration timeout) throws IOException, TimeoutException {
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
    send(msg);
    JsonObject resp;
    try {
      resp = f.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted waiting for " + method, e);
    } catch (ExecutionException e) {
      throw new IOException("no answer to " + method + ": " + e.getCause().getMessage(), e.getCause());
    } finally {
      pending.remove(id);
    }
    if (resp.has("error")) {
      JsonElement err = resp.get("error");
      throw new IOException("server answered " + method + " with an error: " + err);
    }
    return resp.getAsJsonObject("result");
  }

  void notify(String method) throws IOException {
    JsonObject msg = new JsonObject();
    msg.addProperty("jsonrpc", "2.0");
    msg.addProperty("method", method);
    send(msg);
  }

  /** initialize + notifications/initialized. */
  JsonObject initialize(String version) throws IOException, TimeoutException {
    JsonObject params = new JsonObject();
    params.addProperty("protocolVersion", "2025-06-18");
    params.add("capabilities", new JsonObject());
    JsonObject info = new JsonObject();
    info.addProperty("name", "ozon-mcp-tools-cli");
    info.addProperty("version", version);
    params.add("clientInfo", info);
    JsonObject result = request("initialize", params, Duration.ofSeconds(30));
    notify("notifications/initialized");
    return result;
  }

  @Override
  public void close() throws IOException {
    out.close();
  }
}
