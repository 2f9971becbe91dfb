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
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
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
  private final AtomicReference<Runnable> afterToolsList;
  private volatile Object toolsListId;
  private volatile McpServerSession session;

  StdioTransport(McpJsonMapper mapper, InputStream in, OutputStream out, Runnable afterToolsList) {
    this.mapper = Objects.requireNonNull(mapper, "mapper == null");
    this.in = Objects.requireNonNull(in, "in == null");
    this.out = Objects.requireNonNull(out, "out == null");
    this.afterToolsList = new AtomicReference<>(Objects.requireNonNull(afterToolsList, "afterToolsList == null"));
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
          writeLine(("{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":{\"code\":-32700,\"message\":"
              + "\"Parse error: every line must be one JSON-RPC message\"}}").getBytes(StandardCharsets.UTF_8));
          continue;
        }
        if (toolsListId == null && message instanceof McpSchema.JSONRPCRequest request
            && McpSchema.METHOD_TOOLS_LIST.equals(request.method())) {
          toolsListId = request.id();
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

  /** Writes one message and its newline in one piece; JSON from the mapper is compact, so it has no raw newline. */
  private void writeLine(byte[] json) throws IOException {
    byte[] line = Arrays.copyOf(json, json.length + 1);
    line[json.length] = '\n';
    synchronized (out) {
      out.write(line);
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
          writeLine(serialize(message));
          if (message instanceof McpSchema.JSONRPCResponse response && toolsListId != null
              && toolsListId.equals(response.id())) {
            Runnable hook = afterToolsList.getAndSet(null);
            if (hook != null) {
              hook.run();
            }
          }
        } catch (IOException e) {
          if (!closing.get()) {
            throw new IllegalStateException("writing to stdout failed", e);
          }
        }
      });
    }

    /** The message as JSON; an answer that cannot be serialised becomes an error answer, so no request hangs. */
    private byte[] serialize(McpSchema.JSONRPCMessage message) throws IOException {
      try {
        return mapper.writeValueAsBytes(message);
      } catch (IOException | RuntimeException e) {
        if (!(message instanceof McpSchema.JSONRPCResponse response)) {
          throw e;
        }
        log.error("the answer to request {} could not be serialised: {}", response.id(), e.toString());
        return mapper.writeValueAsBytes(new McpSchema.JSONRPCResponse(McpSchema.JSONRPC_VERSION, response.id(), null,
            new McpSchema.JSONRPCResponse.JSONRPCError(McpSchema.ErrorCodes.INTERNAL_ERROR,
                "Internal error: the result could not be serialised", null)));
      }
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
