package io.github.ozonperf.mcp.internal;

import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.TypeRef;
import io.modelcontextprotocol.server.transport.StdioServerTransportProvider;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpServerSession;
import io.modelcontextprotocol.spec.McpServerTransport;
import io.modelcontextprotocol.spec.McpServerTransportProvider;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * Newline-delimited JSON-RPC over a stream pair, like the SDK's {@link StdioServerTransportProvider}, but safe
 * for concurrent senders. Why: SDK 2.1.0's stdio transport enqueues outgoing messages into a Reactor unicast
 * sink that tolerates only ~100 ms of contention; with tool calls running in parallel (and report progress
 * notifications sent from worker threads) messages were dropped ("Failed to enqueue message") and the session
 * died. Here each message is written whole under a lock, and each inbound message is handed to the session
 * without waiting for the previous one to finish, so a long report never holds up other requests.
 */
final class StdioTransport implements McpServerTransportProvider {
  private static final Logger log = LoggerFactory.getLogger(StdioTransport.class);

  private final McpJsonMapper mapper;
  private final InputStream in;
  private final OutputStream out;
  private final AtomicBoolean closing = new AtomicBoolean();
  private volatile McpServerSession session;

  StdioTransport(McpJsonMapper mapper, InputStream in, OutputStream out) {
    this.mapper = Objects.requireNonNull(mapper, "mapper == null");
    this.in = Objects.requireNonNull(in, "in == null");
    this.out = Objects.requireNonNull(out, "out == null");
  }

  @Override
  public List<String> protocolVersions() {
    return new StdioServerTransportProvider(mapper, InputStream.nullInputStream(), OutputStream.nullOutputStream())
        .protocolVersions();
  }

  @Override
  public void setSessionFactory(McpServerSession.Factory factory) {
    session = factory.create(new SessionTransport());
    // Not a daemon: in serve mode main() returns, and this thread is what keeps the JVM up until stdin ends.
    Thread reader = new Thread(this::readLoop, "mcp-stdio-reader");
    reader.start();
  }

  private void readLoop() {
    try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      while (!closing.get() && (line = r.readLine()) != null) {
        if (line.isBlank()) {
          continue;
        }
        McpSchema.JSONRPCMessage message;
        try {
          message = McpSchema.deserializeJsonRpcMessage(mapper, line);
        } catch (IOException | RuntimeException e) {
          // One bad line must not end the session (the SDK's transport stops reading here): answer it with
          // JSON-RPC's parse error and go on.
          log.warn("a stdin line is not a JSON-RPC message: {}", e.getMessage());
          writeLine("{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":{\"code\":-32700,\"message\":"
              + "\"Parse error: every line must be one JSON-RPC message\"}}");
          continue;
        }
        session.handle(message).subscribe(null, e -> log.warn("handling a message failed: {}", e.toString()));
      }
    } catch (IOException e) {
      if (!closing.get()) {
        log.warn("reading stdin failed: {}", e.getMessage());
      }
    } finally {
      closing.set(true);
      session.close();
    }
  }

  private void writeLine(String json) throws IOException {
    byte[] bytes = (json + "\n").getBytes(StandardCharsets.UTF_8);
    synchronized (out) {
      out.write(bytes);
      out.flush();
    }
  }

  @Override
  public Mono<Void> notifyClients(String method, Object params) {
    McpServerSession s = session;
    return s == null ? Mono.error(new IllegalStateException("no session")) : s.sendNotification(method, params);
  }

  @Override
  public Mono<Void> closeGracefully() {
    McpServerSession s = session;
    return s == null ? Mono.empty() : s.closeGracefully();
  }

  private final class SessionTransport implements McpServerTransport {
    @Override
    public Mono<Void> sendMessage(McpSchema.JSONRPCMessage message) {
      return Mono.fromRunnable(() -> {
        if (closing.get() && message instanceof McpSchema.JSONRPCNotification) {
          return;
        }
        try {
          String json = mapper.writeValueAsString(message).replace("\r\n", "\\n").replace("\n", "\\n")
              .replace("\r", "\\n");
          writeLine(json);
        } catch (IOException e) {
          if (!closing.get()) {
            throw new IllegalStateException("writing to stdout failed", e);
          }
        }
      });
    }

    @Override
    public <T> T unmarshalFrom(Object data, TypeRef<T> typeRef) {
      return mapper.convertValue(data, typeRef);
    }

    @Override
    public Mono<Void> closeGracefully() {
      return Mono.fromRunnable(() -> closing.set(true));
    }

    @Override
    public void close() {
      closing.set(true);
    }
  }
}
