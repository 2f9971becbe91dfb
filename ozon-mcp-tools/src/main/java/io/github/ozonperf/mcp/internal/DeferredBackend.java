package io.github.ozonperf.mcp.internal;

import io.github.ozonperf.client.OzonPerformanceClient;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import java.util.function.Supplier;

/**
 * Serve mode's backend (the sandbox, OkHttp, the Ozon client), built once on its own thread when {@link #start()}
 * is first called (after the handshake, at the first tool call, or by a timer), and the one way serve mode ends:
 * {@link #shutdown()} when stdin ends (exit 0, after closing what was built), or a failed build (one line on
 * stderr, exit 2 for configuration errors, 1 otherwise). Whichever comes first decides the exit code; a build
 * that has not started by shutdown never starts.
 */
final class DeferredBackend {
  private static final int NOT_STARTED = 0;
  private static final int STARTED = 1;
  private static final int CLOSED = 2;
  private static final Duration CLOSE_WAIT = Duration.ofSeconds(30);

  private final Supplier<Settings.Backend> build;
  private final PrintStream err;
  private final IntConsumer exit;
  private final AtomicInteger state = new AtomicInteger(NOT_STARTED);
  private final AtomicBoolean exited = new AtomicBoolean();
  private volatile boolean shuttingDown;
  private final AtomicBoolean failureReported = new AtomicBoolean();
  private final CompletableFuture<Settings.Backend> pending = new CompletableFuture<>();

  DeferredBackend(Supplier<Settings.Backend> build, PrintStream err, IntConsumer exit) {
    this.build = Objects.requireNonNull(build, "build == null");
    this.err = Objects.requireNonNull(err, "err == null");
    this.exit = Objects.requireNonNull(exit, "exit == null");
  }

  /** Starts the build on its own thread, once; does nothing after {@link #shutdown()}. */
  void start() {
    if (state.compareAndSet(NOT_STARTED, STARTED)) {
      // Not a daemon: what it starts (sandbox, OkHttp) keeps the JVM up while stdin is open.
      new Thread(() -> {
        try {
          pending.complete(build.get());
        } catch (Throwable e) {
          pending.completeExceptionally(e);
        }
      }, "ozon-mcp-backend").start();
    }
  }

  /** The client, starting the build if needed and waiting for it (what a tool call does). */
  OzonPerformanceClient client() {
    return built().client();
  }

  /** The client of an account of the accounts file, starting the build if needed and waiting for it. */
  OzonPerformanceClient client(String alias) {
    return built().clients().get(alias);
  }

  private Settings.Backend built() {
    start();
    return pending.join();
  }

  /**
   * What happens once the build ends: {@code ready} with the backend, or, when it failed, {@code stopServer}
   * and the exit described above.
   */
  void whenBuilt(Consumer<Settings.Backend> ready, Runnable stopServer) {
    // On a thread of its own: the thread completing the build may be a tool call waiting in client() (a waiter runs
    // the dependents), and stopServer waits for that very call's answer.
    pending.whenCompleteAsync((backend, failure) -> {
      if (failure == null) {
        ready.accept(backend);
      } else if (!(failure instanceof CancellationException)) {
        stopServer.run();
        exitOnce(report(failure));
      }
    }, task -> {
      Thread t = new Thread(task, "ozon-mcp-backend-built");
      t.setDaemon(true);
      t.start();
    });
  }

  /** Stdin ended: closes what was built (waiting for a build in progress), then exits. Call once. */
  void shutdown() {
    shuttingDown = true;
    if (state.compareAndSet(NOT_STARTED, CLOSED)) {
      pending.cancel(false); // a tool call still waiting gets an error instead of waiting forever
      exitOnce(0);
      return;
    }
    int code = 0;
    try {
      pending.get(CLOSE_WAIT.toMillis(), TimeUnit.MILLISECONDS).close();
    } catch (ExecutionException e) {
      code = report(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (TimeoutException | CancellationException e) {
      // a build stuck for 30 s: exit anyway
    }
    exitOnce(code);
  }

  /** Closes what was built, without exiting (an HTTP server's SIGTERM hook: the JVM is exiting already). */
  void closeWithoutExit() {
    shuttingDown = true;
    if (state.compareAndSet(NOT_STARTED, CLOSED)) {
      pending.cancel(false);
      return;
    }
    try {
      pending.get(CLOSE_WAIT.toMillis(), TimeUnit.MILLISECONDS).close();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException | CancellationException e) {
      // nothing (more) to close
    }
  }

  /**
   * Whether stdin has ended: work started on a backend being closed (the token prefetch) fails then, and that is
   * not worth reporting.
   */
  boolean shuttingDown() {
    return shuttingDown;
  }

  private int report(Throwable failure) {
    boolean configuration = failure instanceof IllegalArgumentException; // ConfigurationException, bad URLs
    if (failureReported.compareAndSet(false, true)) {
      err.println(configuration ? "ozon-mcp-tools: " + failure.getMessage()
          : "ozon-mcp-tools: could not start: " + failure);
    }
    return configuration ? 2 : 1;
  }

  private void exitOnce(int code) {
    if (exited.compareAndSet(false, true)) {
      exit.accept(code);
    }
  }
}
