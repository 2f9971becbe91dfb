package io.github.ozonperf.benchmarks.auth;

import io.github.ozonperf.auth.AccessToken;

/**
 * The baseline: the "obvious" cache a hand-written client would have, a {@code synchronized} getter that checks
 * the deadline on {@link System#nanoTime()} and returns the cached token.
 */
final class SynchronizedTokenCache {
  private AccessToken token;
  private long refreshAt;

  SynchronizedTokenCache(AccessToken token, long refreshAt) {
    this.token = token;
    this.refreshAt = refreshAt;
  }

  synchronized AccessToken get() {
    if (System.nanoTime() - refreshAt >= 0) {
      throw new IllegalStateException("benchmark token expired");
    }
    return token;
  }
}
