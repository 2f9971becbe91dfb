package io.github.ozonperf.auth;

/**
 * A snapshot of a {@link TokenProvider}'s counters since it was built.
 *
 * @param tokenRequests HTTP requests sent to the token endpoint, retries included
 * @param successes token requests that returned a usable token
 * @param failures token requests that failed (transport error, error status, unusable answer)
 * @param cacheHits {@code getToken()} calls served from the cache without waiting
 * @param cacheMisses {@code getToken()} calls that had to wait for a token request
 * @param refreshesOn401 refreshes caused by a 401 answer to a request that used the cached token
 * @param earlyRefreshes background refreshes started in the advisory window
 * @param storeLoads tokens loaded from the {@link TokenStore} instead of being requested
 */
public record TokenStats(long tokenRequests, long successes, long failures, long cacheHits, long cacheMisses,
    long refreshesOn401, long earlyRefreshes, long storeLoads) {

  /**
   * Share of {@code getToken()} calls served from the cache.
   *
   * @return {@code cacheHits / (cacheHits + cacheMisses)}, or 0 when there were no calls
   */
  public double hitRatio() {
    long total = cacheHits + cacheMisses;
    return total == 0 ? 0.0 : (double) cacheHits / total;
  }
}
