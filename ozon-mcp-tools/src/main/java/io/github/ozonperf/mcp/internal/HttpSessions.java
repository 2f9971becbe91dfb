package io.github.ozonperf.mcp.internal;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

/**
 * Which principal owns which MCP session, how many sessions each principal has (at its limit its least recently used
 * idle session makes room), and when a session has been idle too long. A session id is never a credential: a request
 * must carry its owner's token, and another principal's request for it gets the same answer as an unknown id. The
 * clock is injected (tests advance their own).
 */
final class HttpSessions {
  /** Why a request for a session id was refused. */
  enum Refusal { NONE, UNKNOWN }

  private static final class Session {
    final String principal;
    volatile long lastUsed;
    final AtomicInteger inFlight = new AtomicInteger();

    Session(String principal, long now) {
      this.principal = principal;
      this.lastUsed = now;
    }
  }

  private final Map<String, Session> sessions = new ConcurrentHashMap<>();
  private final AtomicInteger evicted = new AtomicInteger();
  /** Open sessions plus initializations in progress, by principal. */
  private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();
  private final int maxPerPrincipal;
  private final long idleNanos;
  private final LongSupplier nanoTime;

  HttpSessions(int maxPerPrincipal, Duration idle, LongSupplier nanoTime) {
    this.maxPerPrincipal = maxPerPrincipal;
    this.idleNanos = idle.toNanos();
    this.nanoTime = nanoTime;
  }

  /**
   * Reserves a place for a new session of {@code principal}. At its limit, the principal's least recently used session
   * without a call in flight is ended to make room (hosts rarely end sessions with DELETE, and a reconnecting host
   * should not lock itself out for the idle time); false when every one of its sessions has a call in flight.
   */
  boolean reserve(String principal) {
    AtomicInteger n = counts.computeIfAbsent(principal, k -> new AtomicInteger());
    while (true) {
      int c = n.get();
      if (c >= maxPerPrincipal) {
        if (!evictLeastRecentlyUsed(principal)) {
          return false;
        }
        continue;
      }
      if (n.compareAndSet(c, c + 1)) {
        return true;
      }
    }
  }

  /** Sessions ended to make room for new ones (logs, tests). */
  int evicted() {
    return evicted.get();
  }

  private boolean evictLeastRecentlyUsed(String principal) {
    String oldestId = null;
    Session oldest = null;
    for (Map.Entry<String, Session> e : sessions.entrySet()) {
      Session s = e.getValue();
      if (s.principal.equals(principal) && s.inFlight.get() == 0 && (oldest == null || s.lastUsed < oldest.lastUsed)) {
        oldest = s;
        oldestId = e.getKey();
      }
    }
    if (oldest == null) {
      return false;
    }
    synchronized (oldest) {
      if (oldest.inFlight.get() == 0 && forget(oldestId, oldest)) {
        evicted.incrementAndGet();
      }
    }
    return true; // evicted it, or it went away meanwhile: look again
  }

  /** The initialization that {@link #reserve reserved} a place created {@code sessionId} (or failed: null). */
  void created(String principal, String sessionId) {
    if (sessionId == null) {
      release(principal);
    } else {
      sessions.put(sessionId, new Session(principal, nanoTime.getAsLong()));
    }
  }

  /**
   * A request of {@code principal} for {@code sessionId} begins: refused unless the session exists, belongs to that
   * principal and has not been idle too long; else it counts as in flight until {@link #exit}.
   */
  Refusal enter(String sessionId, String principal) {
    Session s = sessions.get(sessionId);
    if (s == null || !s.principal.equals(principal)) {
      return Refusal.UNKNOWN;
    }
    long now = nanoTime.getAsLong();
    synchronized (s) {
      if (s.inFlight.get() == 0 && now - s.lastUsed > idleNanos) {
        forget(sessionId, s);
        return Refusal.UNKNOWN;
      }
      s.inFlight.incrementAndGet();
      s.lastUsed = now;
    }
    return Refusal.NONE;
  }

  /** The request that {@link #enter entered} ended; {@code ended} when it ended the session (DELETE). */
  void exit(String sessionId, boolean ended) {
    Session s = sessions.get(sessionId);
    if (s == null) {
      return;
    }
    synchronized (s) {
      s.inFlight.decrementAndGet();
      s.lastUsed = nanoTime.getAsLong();
    }
    if (ended) {
      forget(sessionId, s);
    }
  }

  /** Forgets the sessions idle for longer than the limit; returns how many. */
  int sweep() {
    long now = nanoTime.getAsLong();
    int n = 0;
    for (Map.Entry<String, Session> e : sessions.entrySet()) {
      Session s = e.getValue();
      synchronized (s) {
        if (s.inFlight.get() == 0 && now - s.lastUsed > idleNanos && forget(e.getKey(), s)) {
          n++;
        }
      }
    }
    return n;
  }

  /** Open sessions of a principal (tests, logs). */
  int open(String principal) {
    return (int) sessions.values().stream().filter(s -> s.principal.equals(principal)).count();
  }

  private boolean forget(String sessionId, Session s) {
    if (sessions.remove(sessionId, s)) {
      release(s.principal);
      return true;
    }
    return false;
  }

  private void release(String principal) {
    AtomicInteger n = counts.get(principal);
    if (n != null) {
      n.decrementAndGet();
    }
  }
}
