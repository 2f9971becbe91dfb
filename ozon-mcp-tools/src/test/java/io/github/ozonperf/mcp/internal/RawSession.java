package io.github.ozonperf.mcp.internal;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.ozonperf.mcp.tools.ToolRegistry;
import io.modelcontextprotocol.server.McpSyncServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** The real server over in-memory pipes, driven line by line, with every line it writes kept in order. */
final class RawSession implements AutoCloseable {
  static final String INITIALIZE = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":"
      + "{\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}";
  static final String INITIALIZED = "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}";

  private final Pipe toServer = new Pipe();
  private final Pipe fromServer = new Pipe();
  private final McpSyncServer server;
  private final LinkedBlockingQueue<JsonObject> lines = new LinkedBlockingQueue<>();
  final List<JsonObject> seen = new ArrayList<>();

  RawSession(ToolRegistry registry) {
    server = ServerRuntime.start(registry, toServer.source, fromServer.sink, "test");
    Thread reader = new Thread(() -> {
      try (BufferedReader r = new BufferedReader(new InputStreamReader(fromServer.source, StandardCharsets.UTF_8))) {
        for (String line; (line = r.readLine()) != null; ) {
          lines.add(JsonParser.parseString(line).getAsJsonObject());
        }
      } catch (IOException ignored) {
        // closed
      }
    }, "raw-session-reader");
    reader.setDaemon(true);
    reader.start();
  }

  RawSession initialized() throws Exception {
    send(INITIALIZE);
    next();
    send(INITIALIZED);
    return this;
  }

  void send(String line) throws IOException {
    toServer.sink.write((line + "\n").getBytes(StandardCharsets.UTF_8));
  }

  /** The next line the server writes (answers and notifications alike), within 30 s. */
  JsonObject next() throws InterruptedException {
    JsonObject o = lines.poll(30, TimeUnit.SECONDS);
    if (o == null) {
      throw new AssertionError("no answer within 30 s; seen so far: " + seen);
    }
    seen.add(o);
    return o;
  }

  /** The next answer (a line with an id and no method), skipping notifications. */
  JsonObject answer() throws InterruptedException {
    while (true) {
      JsonObject o = next();
      if (!o.has("method")) {
        return o;
      }
    }
  }

  @Override
  public void close() throws IOException {
    toServer.sink.close();
    server.closeGracefully();
  }
}
