package io.github.ozonperf.mcp.internal;

import io.github.ozonperf.mcp.tools.InFlightCalls;
import io.modelcontextprotocol.server.McpSyncServer;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serve mode's start and end in one place, so that the transport only moves messages:
 * <ul>
 *   <li>start: the backend is built after the first tools/list answer ({@link #afterToolsList()}), at the first tool
 *       call, or {@code backendAtTheLatest} after the server is wired, on the injected {@link Scheduler};</li>
 *   <li>end of input and SIGTERM: calls in flight get {@link #ANSWER_WAIT} to finish and be answered (a client that
 *       writes its requests and closes stdin still gets its answers); what still runs is then cancelled (report runs
 *       stop and log their UUIDs) and awaited as long again; then the backend is closed and the process exits 0;</li>
 *   <li>a configuration error found while building: the calls waiting for the backend are answered (with the
 *       error) before the server stops and the process exits 2.</li>
 * </ul>
 */
final class ServeLifecycle {
  private static final Logger log = LoggerFactory.getLogger(ServeLifecycle.class);
  /** How long the end waits for the answers of cancelled or failing calls. */
  static final Duration ANSWER_WAIT = Duration.ofSeconds(5);

  /** Runs a task after a delay (tests pass a manual one). */
  interface Scheduler {
    void schedule(Runnable task, Duration delay);

    /** The real one: a daemon timer. */
    Scheduler SYSTEM = (task, delay) -> CompletableFuture.delayedExecutor(delay.toMillis(), TimeUnit.MILLISECONDS)
        .execute(task);
  }

  private final DeferredBackend backend;
  private final InFlightCalls inFlight;
  private final Scheduler scheduler;
  private final Duration backendAtTheLatest;
  private final AtomicBoolean ended = new AtomicBoolean();

  ServeLifecycle(DeferredBackend backend, InFlightCalls inFlight, Scheduler scheduler, Duration backendAtTheLatest) {
    this.backend = Objects.requireNonNull(backend, "backend == null");
    this.inFlight = Objects.requireNonNull(inFlight, "inFlight == null");
    this.scheduler = Objects.requireNonNull(scheduler, "scheduler == null");
    this.backendAtTheLatest = Objects.requireNonNull(backendAtTheLatest, "backendAtTheLatest == null");
  }

  /** Stdin, watched for its end: the end of input ends serve mode (on its own thread). */
  InputStream watch(InputStream stdin) {
    return new FilterInputStream(stdin) {
      @Override
      public int read() throws IOException {
        int b = super.read();
        if (b < 0) {
          endOfInputSoon();
        }
        return b;
      }

      @Override
      public int read(byte[] buf, int off, int len) throws IOException {
        int n = super.read(buf, off, len);
        if (n < 0) {
          endOfInputSoon();
        }
        return n;
      }
    };
  }

  /** What the transport runs once the first tools/list answer is written: the end of the host's handshake. */
  Runnable afterToolsList() {
    return backend::start;
  }

  /** The server is wired: start the backend timer and decide what happens once the backend is built. */
  void serving(McpSyncServer server, Consumer<Settings.Backend> ready) {
    scheduler.schedule(backend::start, backendAtTheLatest);
    backend.whenBuilt(ready, () -> {
      inFlight.awaitIdle(ANSWER_WAIT); // the calls waiting for the backend get their error answer first
      server.closeGracefully();
    });
  }

  /** For SIGTERM: lets the calls in flight finish, cancels what still runs, waits for the answers. */
  Thread shutdownHook() {
    Thread hook = new Thread(this::cancelInFlight, "ozon-mcp-sigterm");
    hook.setDaemon(true);
    return hook;
  }

  private void endOfInputSoon() {
    if (ended.compareAndSet(false, true)) {
      Thread t = new Thread(() -> {
        cancelInFlight();
        backend.shutdown();
      }, "ozon-mcp-shutdown");
      t.setDaemon(true);
      t.start();
    }
  }

  private void cancelInFlight() {
    if (inFlight.size() == 0 || inFlight.awaitIdle(ANSWER_WAIT)) {
      return; // every call finished and was answered
    }
    int cancelled = inFlight.cancelAll();
    if (cancelled > 0) {
      log.info("Cancelling {} tool call(s) in flight; report UUIDs already submitted are logged by the report run",
          cancelled);
      if (!inFlight.awaitIdle(ANSWER_WAIT)) {
        log.warn("{} tool call(s) did not stop within {} s", inFlight.size(), ANSWER_WAIT.toSeconds());
      }
    }
  }
}
