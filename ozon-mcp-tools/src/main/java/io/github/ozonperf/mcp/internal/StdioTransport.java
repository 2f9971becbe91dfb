package io.github.ozonperf.mcp.internal;

import io.github.ozonperf.mcp.internal.JsonRpcRules.Inbound;
import io.github.ozonperf.mcp.tools.InFlightCalls;
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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;
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
  private final InFlightCalls inFlight;
  private volatile Set<String> disabledWriteTools;
  private final AtomicBoolean initialized = new AtomicBoolean();
  private volatile Object toolsListId;
  private volatile McpServerSession session;
  /** The recorded handshake answers, or null: see {@link #startEarly}. */
  private final PreparedHandshake prepared;
  /** Guards {@link #session} becoming set and {@link #early}: lines read before the session exist wait here. */
  private final Object lock = new Object();
  /** Lines read before the session existed, in order; the prepared initialize is marked. */
  private final List<Early> early = new ArrayList<>();
  private boolean reading;
  /** Whether the initialize was answered from the recording (then tools/list may be too). */
  private boolean preparedInitialize;
  /** The id of an initialize the prepared answer went out for: the SDK's own answer to it is dropped. */
  private volatile Object answeredInitializeId;

  private record Early(String line, boolean answeredInitialize) {
  }

  /**
   * @param afterToolsList     run once, after the first tools/list answer is written
   * @param inFlight           the tool calls in flight (registered here, cancelled on notifications/cancelled)
   * @param disabledWriteTools write tools that are off: a call to one is answered with an error naming
   *                           OZON_MCP_ENABLE_WRITES instead of the SDK's "unknown tool"
   */
  StdioTransport(McpJsonMapper mapper, InputStream in, OutputStream out, Runnable afterToolsList,
      InFlightCalls inFlight, Set<String> disabledWriteTools) {
    this(mapper, in, out, afterToolsList, inFlight, disabledWriteTools, null);
  }

  /**
   * Like the other constructor, with recorded handshake answers for {@link #startEarly}.
   *
   * @param prepared the recorded initialize and tools/list answers of this configuration, or null
   */
  StdioTransport(McpJsonMapper mapper, InputStream in, OutputStream out, Runnable afterToolsList,
      InFlightCalls inFlight, Set<String> disabledWriteTools, PreparedHandshake prepared) {
    this.prepared = prepared;
    this.mapper = Objects.requireNonNull(mapper, "mapper == null");
    this.in = Objects.requireNonNull(in, "in == null");
    this.out = Objects.requireNonNull(out, "out == null");
    this.afterToolsList = new AtomicReference<>(Objects.requireNonNull(afterToolsList, "afterToolsList == null"));
    this.inFlight = Objects.requireNonNull(inFlight, "inFlight == null");
    this.disabledWriteTools = Set.copyOf(disabledWriteTools);
  }

  @Override
  public List<String> protocolVersions() {
    return new StdioServerTransportProvider(mapper, InputStream.nullInputStream(), OutputStream.nullOutputStream())
        .protocolVersions();
  }

  /**
   * Starts reading stdin before the MCP server exists (it is built meanwhile): with recorded answers, a well-formed
   * initialize and then tools/list are answered at once; every other line waits, in order, until the server is
   * there. The SDK still sees the initialize (its own answer is dropped), so its session is the same as without
   * this. Issue 17: building the SDK server and the tool definitions was most of the time from spawn to the
   * tools/list answer.
   */
  void startEarly() {
    startReader();
  }

  /** The write tools that are off, once the registry is known (lines read before wait for it). */
  void disabledWriteTools(Set<String> names) {
    disabledWriteTools = Set.copyOf(names);
  }

  @Override
  public void setSessionFactory(McpServerSession.Factory factory) {
    McpServerSession created = factory.create(new SessionTransport());
    synchronized (lock) {
      for (Early e : early) {
        if (e.answeredInitialize()) {
          handOver(created, e.line());
        } else {
          process(created, e.line());
        }
      }
      early.clear();
      session = created;
      lock.notifyAll(); // a reader waiting for the server goes on
    }
    if (closing.get()) {
      created.close(); // stdin ended before the server existed: as the reader does at the end of input
      return;
    }
    startReader();
  }

  private void startReader() {
    synchronized (lock) {
      if (reading) {
        return;
      }
      reading = true;
    }
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
        McpServerSession s = session;
        if (s == null) {
          synchronized (lock) {
            s = session;
            if (s == null) {
              Verdict verdict = answeredEarly(line);
              if (verdict == Verdict.ANSWERED) {
                continue;
              }
              early.add(new Early(line, false));
              if (verdict == Verdict.QUEUED) {
                continue;
              }
              // A request the recording cannot answer: read nothing more until the server has it, as before this
              // shortcut, so that the end of input that may follow still finds it in flight.
              while (session == null && !closing.get()) {
                lock.wait();
              }
              continue;
            }
          }
        }
        process(s, line);
      }
    } catch (IOException e) {
      if (!closing.get()) {
        log.warn("reading stdin failed: {}", e.getMessage());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      closing.set(true);
      McpServerSession s;
      synchronized (lock) {
        s = session;
        early.clear();
      }
      if (s != null) {
        s.close();
      }
    }
  }

  /** What {@link #answeredEarly} made of a line read before the server exists. */
  private enum Verdict {
    /** answered from the recording */
    ANSWERED,
    /** a notification, handed to the server once it exists; reading goes on */
    QUEUED,
    /** anything else, handed to the server once it exists; reading waits for it */
    WAIT
  }

  /**
   * Before the server exists: answers a plain initialize, and after it tools/list, from the recording (under the
   * lock); tells notifications, which may wait, from everything else, which the server must see before more is read.
   */
  private Verdict answeredEarly(String line) throws IOException {
    if (prepared == null) {
      return Verdict.WAIT;
    }
    Inbound checked = JsonRpcRules.check(line, initialized.get(), Set.of());
    if (checked.answer() == null && checked.id() == null) {
      return Verdict.QUEUED; // a notification (notifications/initialized, a cancellation)
    }
    if (checked.answer() != null || checked.json() == null) {
      return Verdict.WAIT; // answered in order, once the server is there
    }
    com.google.gson.JsonObject o = com.google.gson.JsonParser.parseString(checked.json()).getAsJsonObject();
    String method = o.get("method").getAsString();
    if (McpSchema.METHOD_INITIALIZE.equals(method) && !initialized.get()) {
      byte[] answer = prepared.initializeAnswer(checked.id(), o.get("params"));
      if (answer == null) {
        return Verdict.WAIT;
      }
      initialized.set(true);
      preparedInitialize = true;
      early.add(new Early(checked.json(), true));
      writeLine(answer);
      return Verdict.ANSWERED;
    }
    if (McpSchema.METHOD_TOOLS_LIST.equals(method) && preparedInitialize) {
      byte[] answer = prepared.toolsListAnswer(checked.id(), o.get("params"));
      if (answer == null) {
        return Verdict.WAIT;
      }
      writeLine(answer);
      Runnable hook = afterToolsList.getAndSet(null);
      if (hook != null) {
        hook.run();
      }
      return Verdict.ANSWERED;
    }
    return Verdict.WAIT;
  }

  private void process(McpServerSession s, String line) {
    try {
      Inbound checked = JsonRpcRules.check(line, initialized.get(), disabledWriteTools);
      if (checked.answer() != null) {
        // One bad line must not end the session (the SDK's transport stops reading there): it is answered, under
        // its id when it has a readable one, and reading goes on.
        writeLine(checked.answer().getBytes(StandardCharsets.UTF_8));
        return;
      }
      if (checked.json() == null) { // notifications/cancelled
        if (checked.cancelledId() != null) {
          inFlight.cancel(checked.cancelledId());
        }
        return;
      }
      McpSchema.JSONRPCMessage message;
      try {
        message = checked.request() != null ? JsonRpcRules.request(checked.request())
            : McpSchema.deserializeJsonRpcMessage(mapper, checked.json());
      } catch (IOException | RuntimeException e) {
        log.warn("a stdin line is not a JSON-RPC message: {}", ErrorText.bounded(e.getMessage()));
        writeLine(JsonRpcRules.error(checked.id(), JsonRpcRules.INVALID_REQUEST,
            "Invalid request: not a JSON-RPC 2.0 message of this server").getBytes(StandardCharsets.UTF_8));
        return;
      }
      if (message instanceof McpSchema.JSONRPCRequest request) {
        if (McpSchema.METHOD_INITIALIZE.equals(request.method())) {
          initialized.set(true);
        } else if (McpSchema.METHOD_TOOLS_CALL.equals(request.method())) {
          inFlight.received(request.id());
        } else if (toolsListId == null && McpSchema.METHOD_TOOLS_LIST.equals(request.method())) {
          toolsListId = request.id();
        }
      }
      s.handle(message).subscribe(null, e -> log.warn("handling a message failed: {}", e.toString()));
    } catch (IOException e) {
      if (!closing.get()) {
        log.warn("writing stdout failed: {}", e.getMessage());
      }
    }
  }

  /** Hands the SDK an initialize that was answered from the recording: its own answer is dropped. */
  private void handOver(McpServerSession s, String json) {
    try {
      McpSchema.JSONRPCMessage message = McpSchema.deserializeJsonRpcMessage(mapper, json);
      if (message instanceof McpSchema.JSONRPCRequest request) {
        answeredInitializeId = request.id();
      }
      s.handle(message).subscribe(null, e -> log.warn("handling a message failed: {}", e.toString()));
    } catch (IOException | RuntimeException e) {
      log.warn("the SDK could not read the initialize request answered at start-up: {}",
          ErrorText.bounded(e.getMessage()));
    }
  }

  /** Writes a line that already ends in its newline, in one piece. */
  private void writeLine(byte[] line, int length) throws IOException {
    synchronized (out) {
      out.write(line, 0, length);
      out.flush();
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
        Object answerId = message instanceof McpSchema.JSONRPCResponse answer ? answer.id() : null;
        if (answerId != null && answerId.equals(answeredInitializeId)) {
          answeredInitializeId = null; // the recorded answer went out at start-up
          if (((McpSchema.JSONRPCResponse) message).error() != null) {
            log.warn("the SDK refused the initialize answered at start-up: {}",
                ErrorText.bounded(((McpSchema.JSONRPCResponse) message).error().message()));
          }
          return;
        }
        if (answerId != null && !inFlight.shouldAnswer(answerId)) {
          inFlight.answered(answerId);
          return; // a cancelled call: the MCP specification asks for no answer
        }
        try {
          AnswerWriter direct = AnswerWriter.get();
          if (message instanceof McpSchema.JSONRPCResponse response && direct.toolResult(response)) {
            writeLine(direct.buffer(), direct.length()); // a tool's answer: straight to UTF-8 (AnswerWriter)
          } else {
            writeLine(serialize(message));
          }
          if (answerId != null) {
            inFlight.answered(answerId); // after the write: shutdown waits for answers to be out
          }
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
      if (message instanceof McpSchema.JSONRPCResponse response && response.error() != null
          && response.error().code() == McpSchema.ErrorCodes.INTERNAL_ERROR) {
        // The SDK puts the exception's text (class names, Gson paths) into -32603: log it, answer plainly.
        log.warn("internal error answering request {}: {}", response.id(),
            ErrorText.bounded(response.error().message()));
        message = new McpSchema.JSONRPCResponse(McpSchema.JSONRPC_VERSION, response.id(), null,
            new McpSchema.JSONRPCResponse.JSONRPCError(McpSchema.ErrorCodes.INTERNAL_ERROR,
                "Internal error: the server failed on this request; the details are in its log", null));
      }
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
