package io.github.ozonperf.mcp.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Session ownership, limits and idle expiry of the HTTP server, on a clock the test moves. */
class HttpSessionsTest {
  final AtomicLong now = new AtomicLong();
  final HttpSessions sessions = new HttpSessions(2, Duration.ofMinutes(30), now::get);

  void advance(Duration d) {
    now.addAndGet(d.toNanos());
  }

  @Test
  void onlyTheOwnerMayUseASession() {
    assertTrue(sessions.reserve("alice"));
    sessions.created("alice", "s1");
    assertEquals(HttpSessions.Refusal.UNKNOWN, sessions.enter("s1", "bob"));
    assertEquals(HttpSessions.Refusal.UNKNOWN, sessions.enter("s2", "alice"));
    assertEquals(HttpSessions.Refusal.NONE, sessions.enter("s1", "alice"));
    sessions.exit("s1", false);
  }

  @Test
  void atItsLimitAPrincipalsLeastRecentlyUsedIdleSessionMakesRoom() {
    assertTrue(sessions.reserve("alice"));
    sessions.created("alice", "s1");
    advance(Duration.ofSeconds(1));
    assertTrue(sessions.reserve("alice"));
    sessions.created("alice", "s2");
    advance(Duration.ofSeconds(1));
    assertEquals(HttpSessions.Refusal.NONE, sessions.enter("s1", "alice")); // s1 used last, and busy
    sessions.exit("s1", false);
    assertTrue(sessions.reserve("alice"), "s2 is the least recently used idle one");
    sessions.created("alice", "s3");
    assertEquals(1, sessions.evicted());
    assertEquals(HttpSessions.Refusal.UNKNOWN, sessions.enter("s2", "alice"));
    assertEquals(2, sessions.open("alice"));
    assertTrue(sessions.reserve("bob"), "limits are per principal");
    sessions.created("bob", null); // a failed initialize gives its place back
  }

  @Test
  void aPrincipalWhoseSessionsAllHaveCallsInFlightIsRefused() {
    sessions.reserve("alice");
    sessions.created("alice", "s1");
    sessions.reserve("alice");
    sessions.created("alice", "s2");
    assertEquals(HttpSessions.Refusal.NONE, sessions.enter("s1", "alice"));
    assertEquals(HttpSessions.Refusal.NONE, sessions.enter("s2", "alice"));
    assertFalse(sessions.reserve("alice"));
    sessions.exit("s2", true); // DELETE
    assertTrue(sessions.reserve("alice"));
    sessions.exit("s1", false);
  }

  @Test
  void anIdleSessionExpiresButNotWhileACallIsInFlight() {
    sessions.reserve("alice");
    sessions.created("alice", "busy");
    sessions.reserve("alice");
    sessions.created("alice", "idle");
    assertEquals(HttpSessions.Refusal.NONE, sessions.enter("busy", "alice")); // a long report call
    advance(Duration.ofMinutes(31));
    assertEquals(1, sessions.sweep());
    assertEquals(HttpSessions.Refusal.UNKNOWN, sessions.enter("idle", "alice"));
    sessions.exit("busy", false);
    assertEquals(HttpSessions.Refusal.NONE, sessions.enter("busy", "alice"), "its last use was just now");
    sessions.exit("busy", false);
    advance(Duration.ofMinutes(31));
    assertEquals(HttpSessions.Refusal.UNKNOWN, sessions.enter("busy", "alice"), "expired at its next use too");
    assertTrue(sessions.reserve("alice") && sessions.reserve("alice"), "both places are free again");
  }

  @Test
  void theRateLimitRefillsOverTime() {
    HttpGate.Bucket bucket = new HttpGate.Bucket(60, now::get);
    for (int i = 0; i < 60; i++) {
      assertEquals(0, bucket.take());
    }
    long wait = bucket.take();
    assertTrue(wait > 0 && wait <= Duration.ofSeconds(1).toNanos(), "wait " + wait);
    advance(Duration.ofSeconds(1));
    assertEquals(0, bucket.take());
  }
}
