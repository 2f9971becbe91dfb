package io.github.ozonperf.mcp.tools;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The tool calls the server has received and not answered yet, by JSON-RPC id, so that a call can be cancelled
 * ({@code notifications/cancelled}, the end of input, SIGTERM) and so that shutdown can wait for the answers.
 *
 * <p>The transport {@link #received registers} a {@code tools/call} and tells the handler its id through the
 * request's {@code _meta} ({@link #META_KEY}); the handler {@link #bind binds} its thread to it, so that
 * {@link #cancel} interrupts the work (the SDK's report runs stop on an interrupt: no new submission, polling
 * stops, the report slot is released, the submitted UUIDs are logged); the transport drops the answer of a cancelled
 * call ({@link #shouldAnswer}), as the MCP specification asks, and calls {@link #answered} once an answer is written
 * or dropped.
 */
public final class InFlightCalls {
  /** The {@code _meta} key carrying the JSON-RPC id of a tools/call to its handler. */
  public static final String META_KEY = "io.github.ozonperf/requestId";

  private final Map<String, Call> calls = new ConcurrentHashMap<>();

  private static final class Call {
    volatile Thread thread;
    volatile boolean cancelled;
  }

  /** A tools/call with this id arrived. */
  public void received(Object id) {
    calls.put(key(id), new Call());
  }

  /** Whether the answer for {@code id} should be written: false for a cancelled call, whose answer is dropped. */
  public boolean shouldAnswer(Object id) {
    Call call = calls.get(key(id));
    return call == null || !call.cancelled;
  }

  /** The answer for {@code id} was written (or dropped): forgets the call and wakes {@link #awaitIdle}. */
  public void answered(Object id) {
    calls.remove(key(id));
    synchronized (this) {
      notifyAll();
    }
  }

  /** Cancels a call: interrupts its handler (now, or when it binds). Unknown or finished ids are ignored. */
  public void cancel(Object id) {
    Call call = calls.get(key(id));
    if (call != null) {
      cancel(call);
    }
  }

  private static void cancel(Call call) {
    call.cancelled = true;
    Thread t = call.thread;
    if (t != null) {
      t.interrupt();
    }
  }

  /** Cancels every call in flight; returns how many there were. */
  public int cancelAll() {
    // The calls themselves, not their keys: a key passed to cancel(id) would be keyed again and match nothing.
    List<Call> all = List.copyOf(calls.values());
    all.forEach(InFlightCalls::cancel);
    return all.size();
  }

  /** Waits until every call is answered or dropped, at most {@code timeout}; whether none is left. */
  public boolean awaitIdle(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (this) {
      while (!calls.isEmpty()) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        try {
          wait(Math.max(1, left / 1_000_000));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return calls.isEmpty();
        }
      }
    }
    return true;
  }

  /** Calls received and not answered. */
  public int size() {
    return calls.size();
  }

  /**
   * Binds the current thread to the call with {@code id} (from the request's {@code _meta}); a call cancelled before
   * its handler started is interrupted at once. Returns a handle that unbinds and clears the interrupt, so the pooled
   * thread goes back clean.
   */
  AutoCloseable bind(Object id) {
    Call call = id == null ? null : calls.get(key(id));
    if (call == null) {
      return () -> { };
    }
    call.thread = Thread.currentThread();
    if (call.cancelled) {
      Thread.currentThread().interrupt();
    }
    return () -> {
      call.thread = null;
      Thread.interrupted();
    };
  }

  /** Ids as the transport sees them (a string or an integer) and as they come back from _meta agree. */
  private static String key(Object id) {
    if (id instanceof Number n) {
      return "n:" + new java.math.BigDecimal(n.toString()).stripTrailingZeros().toPlainString();
    }
    return "s:" + id;
  }
}
