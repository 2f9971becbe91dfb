package io.github.ozonperf.mcp;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The shaded jar serving {@code --http 127.0.0.1:0}, driven by the MCP Java SDK's own Streamable HTTP client
 * ({@link HttpClientStreamableHttpTransport}) with a bearer token. Answers are handed back as the JSON-RPC messages
 * {@link McpProcess} returns, so the stdio scenarios run unchanged.
 */
final class McpHttpProcess extends McpProcess {
  static final String TOKEN = "it-http-token-5c0ffee5c0ffee5c0ffee";
  private static final Pattern LISTENING = Pattern.compile("MCP Streamable HTTP at (http://[^ ]+/mcp)");
  private static final McpJsonMapper MAPPER = McpJsonDefaults.getMapper();

  final String url;
  private final String token;
  private final List<McpSyncClient> clients = new ArrayList<>();
  private final AtomicLong ids = new AtomicLong();
  private volatile McpSyncClient client;

  McpHttpProcess(Map<String, String> env, String... args) throws Exception {
    this(withToken(env), TOKEN, List.of(args));
  }

  /** The server with its own tokens (env); {@code token} is what {@link #initialize()} sends. */
  McpHttpProcess(Map<String, String> env, String token, List<String> args) throws Exception {
    super(env, concat(args.toArray(new String[0]), "--http", "127.0.0.1:0"));
    this.token = token;
    this.url = awaitUrl(this);
  }

  private static Map<String, String> withToken(Map<String, String> env) {
    Map<String, String> m = new HashMap<>(env);
    m.putIfAbsent("OZON_MCP_HTTP_TOKEN", TOKEN);
    return m;
  }

  private static String[] concat(String[] a, String... b) {
    String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  /** The URL the server prints on stderr once it listens. */
  static String awaitUrl(McpProcess p) throws Exception {
    for (int i = 0; i < 600; i++) {
      Matcher m = LISTENING.matcher(p.stderr());
      if (m.find()) {
        return m.group(1);
      }
      if (!p.process.isAlive()) {
        throw new AssertionError("the server exited (" + p.process.exitValue() + "); stderr:\n" + p.stderr());
      }
      Thread.sleep(100);
    }
    throw new AssertionError("the server did not listen within 60 s; stderr:\n" + p.stderr());
  }

  /** A new SDK client session with this token (null: none). */
  McpSyncClient newClient(String bearer) {
    HttpClientStreamableHttpTransport.Builder t = HttpClientStreamableHttpTransport.builder(url.replace("/mcp", ""))
        .endpoint("/mcp");
    if (bearer != null) {
      t.httpRequestCustomizer((request, method, uri, body, context) -> request.header("Authorization",
          "Bearer " + bearer));
    }
    McpSyncClient c = McpClient.sync(t.build())
        .requestTimeout(Duration.ofSeconds(120))
        .initializationTimeout(Duration.ofSeconds(60))
        .clientInfo(new McpSchema.Implementation("it-http", "1"))
        .progressConsumer(n -> progress.add(JsonParser.parseString(json(n)).getAsJsonObject()))
        .build();
    synchronized (clients) {
      clients.add(c);
    }
    return c;
  }

  @Override
  JsonObject initialize() {
    client = newClient(token);
    return envelope(client.initialize());
  }

  @Override
  JsonObject request(String method, JsonObject params) throws Exception {
    McpSyncClient c = client;
    Object result = switch (method) {
      case "tools/list" -> c.listTools();
      case "ping" -> c.ping();
      case "tools/call" -> c.callTool(MAPPER.readValue(params.toString(), McpSchema.CallToolRequest.class));
      default -> throw new UnsupportedOperationException(method + " over the SDK client");
    };
    return envelope(result);
  }

  @Override
  synchronized void send(String json) {
    throw new UnsupportedOperationException("raw lines are a stdio thing");
  }

  private JsonObject envelope(Object result) {
    JsonObject msg = new JsonObject();
    msg.addProperty("jsonrpc", "2.0");
    msg.addProperty("id", ids.incrementAndGet());
    JsonElement r = JsonParser.parseString(json(result));
    msg.add("result", r);
    return msg;
  }

  static String json(Object o) {
    try {
      return MAPPER.writeValueAsString(o);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** SIGTERM, as a service manager stops it; returns the exit code. */
  @Override
  int closeAndWait() throws Exception {
    closeClients();
    process.toHandle().destroy(); // SIGTERM; Process.destroy() would also close our end of its stderr
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("the server did not exit within 60 s after SIGTERM");
    }
    awaitOutput();
    return process.exitValue();
  }

  private void closeClients() {
    synchronized (clients) {
      for (McpSyncClient c : clients) {
        try {
          c.close();
        } catch (RuntimeException ignored) {
          // best effort
        }
      }
      clients.clear();
    }
  }

  @Override
  public void close() throws Exception {
    closeClients();
    if (process.isAlive()) {
      process.destroy();
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    }
  }
}
