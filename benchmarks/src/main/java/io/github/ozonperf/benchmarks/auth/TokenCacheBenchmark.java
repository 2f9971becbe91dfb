package io.github.ozonperf.benchmarks.auth;

import io.github.ozonperf.auth.AccessToken;
import io.github.ozonperf.auth.ClientCredentials;
import io.github.ozonperf.auth.TokenProvider;
import io.github.ozonperf.auth.TokenRefreshException;
import io.github.ozonperf.auth.TokenStore;
import io.github.ozonperf.auth.TimeSource;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;

/**
 * Warm {@code getToken()}: our lock-free provider versus a {@code synchronized} cache, at 1 and 2 threads, in one
 * run. The provider is warmed from an in-memory {@link TokenStore} so no network is involved. Run with
 * {@code -prof gc} for B/op.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
public class TokenCacheBenchmark {

  /** One provider and one baseline cache shared by all benchmark threads. */
  @State(Scope.Benchmark)
  public static class Caches {
    TokenProvider provider;
    TokenProvider frozenClockProvider;
    SynchronizedTokenCache baseline;

    /** Builds both caches with a token valid for a day. */
    @Setup(Level.Trial)
    public void setUp() throws TokenRefreshException {
      AccessToken token = new AccessToken("benchmark-token", Instant.now().plusSeconds(86_400));
      TokenStore memory = new TokenStore() {
        @Override
        public Optional<AccessToken> load(String key) {
          return Optional.of(token);
        }

        @Override
        public void save(String key, AccessToken t) {
        }

        @Override
        public void delete(String key) {
        }
      };
      provider = TokenProvider.builder()
          .credentials(ClientCredentials.of("bench@advertising.performance.ozon.ru", "bench-secret"))
          .tokenUrl("http://127.0.0.1:9/unused")
          .tokenStore(memory)
          .build();
      provider.getToken();
      // Same provider with a clock that costs nothing: isolates the cache's own cost from System.nanoTime().
      long frozenNanos = System.nanoTime();
      Instant frozenNow = Instant.now();
      frozenClockProvider = TokenProvider.builder()
          .credentials(ClientCredentials.of("bench@advertising.performance.ozon.ru", "bench-secret"))
          .tokenUrl("http://127.0.0.1:9/unused")
          .tokenStore(memory)
          .timeSource(new TimeSource() {
            @Override
            public long nanoTime() {
              return frozenNanos;
            }

            @Override
            public Instant now() {
              return frozenNow;
            }
          })
          .build();
      frozenClockProvider.getToken();
      if (provider.stats().tokenRequests() != 0) {
        throw new IllegalStateException("the warm benchmark must not send token requests");
      }
      baseline = new SynchronizedTokenCache(token, System.nanoTime() + TimeUnit.HOURS.toNanos(20));
    }

    /** Checks that nothing was requested during the run and closes the provider. */
    @TearDown(Level.Trial)
    public void tearDown() {
      if (provider.stats().tokenRequests() != 0) {
        throw new IllegalStateException("token requests during the warm benchmark: " + provider.stats());
      }
      provider.close();
      frozenClockProvider.close();
    }
  }

  /**
   * Our provider, one thread.
   *
   * @param c the caches
   * @return the token
   * @throws TokenRefreshException never (warm)
   */
  @Benchmark
  @Threads(1)
  public AccessToken provider1Thread(Caches c) throws TokenRefreshException {
    return c.provider.getToken();
  }

  /**
   * Our provider, two threads.
   *
   * @param c the caches
   * @return the token
   * @throws TokenRefreshException never (warm)
   */
  @Benchmark
  @Threads(2)
  public AccessToken provider2Threads(Caches c) throws TokenRefreshException {
    return c.provider.getToken();
  }

  /**
   * Synchronized baseline, one thread.
   *
   * @param c the caches
   * @return the token
   */
  @Benchmark
  @Threads(1)
  public AccessToken synchronized1Thread(Caches c) {
    return c.baseline.get();
  }

  /**
   * Synchronized baseline, two threads.
   *
   * @param c the caches
   * @return the token
   */
  @Benchmark
  @Threads(2)
  public AccessToken synchronized2Threads(Caches c) {
    return c.baseline.get();
  }

  /**
   * Reference: one {@link System#nanoTime()} call, the floor of any cache that checks a deadline per call.
   *
   * @return the time
   */
  @Benchmark
  @Threads(1)
  public long nanoTimeFloor() {
    return System.nanoTime();
  }

  /**
   * Our provider with a frozen clock, one thread: the cache's own cost without {@code System.nanoTime()}.
   *
   * @param c the caches
   * @return the token
   * @throws TokenRefreshException never (warm)
   */
  @Benchmark
  @Threads(1)
  public AccessToken providerFrozenClock1Thread(Caches c) throws TokenRefreshException {
    return c.frozenClockProvider.getToken();
  }

  /**
   * Our provider with a frozen clock, two threads.
   *
   * @param c the caches
   * @return the token
   * @throws TokenRefreshException never (warm)
   */
  @Benchmark
  @Threads(2)
  public AccessToken providerFrozenClock2Threads(Caches c) throws TokenRefreshException {
    return c.frozenClockProvider.getToken();
  }
}
