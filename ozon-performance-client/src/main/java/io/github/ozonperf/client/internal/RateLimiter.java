package io.github.ozonperf.client.internal;

import io.github.ozonperf.auth.TimeSource;
import io.github.ozonperf.client.ClientStats;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.DoubleSupplier;

/**
 * The rate-limit engine shared by every call of one client (one Ozon account). After a 429 it sets one shared
 * cool-down deadline; every call of the client, on any thread, waits until that deadline before it is sent, so a
 * burst of calls waits once together instead of each hammering the API and collecting its own 429.
 *
 * <p>The cool-down is Ozon's {@code Retry-After} when present (capped at {@link #maxCoolDown}); otherwise an
 * exponential backoff (1 s, 2 s, 4 s ... up to 30 s) with jitter in [d/2, d] by the number of consecutive 429s.
 * Several 429s from one burst (calls sent before the cool-down began) extend nothing and do not escalate the
 * backoff: they belong to the same overload. A 2xx-5xx answer other than 429 resets the escalation.
 */
public final class RateLimiter {
  static final Duration BASE_BACKOFF = Duration.ofSeconds(1);
  static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

  private final TimeSource time;
  private final Duration maxCoolDown;
  private final DoubleSupplier random;
  private final Object lock = new Object();

  private volatile long coolDownUntil;
  private volatile boolean coolingDown;
  private long lastCoolDownStartedAt;
  private boolean anyCoolDown;
  private volatile int consecutive429;
  private volatile Duration lastCoolDown = Duration.ZERO;

  private final LongAdder requests = new LongAdder();
  private final LongAdder rateLimited = new LongAdder();
  private final LongAdder coolDownWaits = new LongAdder();
  private final LongAdder coolDownWaitedNanos = new LongAdder();
  private final LongAdder retries = new LongAdder();

  /**
   * Creates an engine.
   *
   * @param time the clocks and sleeper (tests inject a fake)
   * @param maxCoolDown the longest shared cool-down; a longer Retry-After is not waited out
   * @param random jitter source in [0, 1)
   */
  public RateLimiter(TimeSource time, Duration maxCoolDown, DoubleSupplier random) {
    this.time = Objects.requireNonNull(time, "time == null");
    this.maxCoolDown = Objects.requireNonNull(maxCoolDown, "maxCoolDown == null");
    this.random = Objects.requireNonNull(random, "random == null");
  }

  /** The clocks this engine uses. */
  TimeSource time() {
    return time;
  }

  /** The longest cool-down this engine waits out. */
  Duration maxCoolDown() {
    return maxCoolDown;
  }

  /**
   * Blocks until the shared cool-down (if any) has passed. Requests are not counted here but where they go out on
   * the wire ({@link #onSent()}), so that nothing sent escapes the counters.
   *
   * @return the monotonic time at which the caller may send (to pass to {@link #on429})
   * @throws InterruptedIOException if interrupted while waiting
   */
  public long awaitTurn() throws InterruptedIOException {
    boolean counted = false;
    while (coolingDown) {
      long remaining = coolDownUntil - time.nanoTime();
      if (remaining <= 0) {
        break;
      }
      if (!counted) {
        coolDownWaits.increment();
        counted = true;
      }
      coolDownWaitedNanos.add(remaining);
      sleep(Duration.ofNanos(remaining));
    }
    return time.nanoTime();
  }

  /**
   * Counts one request written to the network: called by the client's network interceptor, so every attempt that
   * reaches a connection counts, whoever made it (our retries, a 401 re-send after a token refresh, any follow-up).
   */
  public void onSent() {
    requests.increment();
  }

  /**
   * Records a 429 and extends the shared cool-down.
   *
   * @param sentAt the value {@link #awaitTurn()} returned for the rate-limited attempt
   * @param retryAfter Ozon's Retry-After, or null
   * @return how long from now the cool-down lasts (zero if it has already passed)
   */
  public Duration on429(long sentAt, Duration retryAfter) {
    rateLimited.increment();
    synchronized (lock) {
      long now = time.nanoTime();
      boolean sameBurst = anyCoolDown && sentAt < lastCoolDownStartedAt;
      if (!sameBurst) {
        consecutive429++;
        Duration delay = retryAfter != null ? retryAfter : backoff(consecutive429);
        if (delay.compareTo(maxCoolDown) > 0) {
          delay = maxCoolDown;
        }
        long until = now + delay.toNanos();
        if (!coolingDown || until > coolDownUntil) {
          coolDownUntil = until;
        }
        coolingDown = true;
        anyCoolDown = true;
        lastCoolDownStartedAt = now;
        lastCoolDown = delay;
      } else if (retryAfter != null) {
        // A sibling of the burst with a longer Retry-After still extends the deadline.
        long until = now + min(retryAfter, maxCoolDown).toNanos();
        if (until > coolDownUntil) {
          coolDownUntil = until;
        }
      }
      long remaining = coolDownUntil - now;
      return remaining > 0 ? Duration.ofNanos(remaining) : Duration.ZERO;
    }
  }

  /** Records an answer other than 429: the next 429 starts the backoff from the beginning. */
  public void onAnswer() {
    if (consecutive429 != 0) {
      synchronized (lock) {
        consecutive429 = 0;
      }
    }
  }

  /** Counts one re-sent attempt. */
  public void onRetry() {
    retries.increment();
  }

  /**
   * The last cool-down this engine set (zero if none), used to pace paged walks after a 429.
   *
   * @return the duration
   */
  public Duration lastCoolDown() {
    return lastCoolDown;
  }

  /**
   * Sleeps on the engine's time source.
   *
   * @param d how long
   * @throws InterruptedIOException if interrupted
   */
  public void sleep(Duration d) throws InterruptedIOException {
    try {
      time.sleep(d);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      InterruptedIOException io = new InterruptedIOException("interrupted while waiting for Ozon's rate limit");
      io.initCause(e);
      throw io;
    }
  }

  /**
   * Exponential backoff with jitter for the n-th consecutive failure (n &ge; 1): d = min(30 s, 1 s &times;
   * 2^(n-1)), result uniformly in [d/2, d].
   *
   * @param n the attempt number, from 1
   * @return the delay
   */
  public Duration backoff(int n) {
    long base = BASE_BACKOFF.toNanos() << Math.min(Math.max(n - 1, 0), 20);
    long capped = Math.min(base, MAX_BACKOFF.toNanos());
    long half = capped / 2;
    return Duration.ofNanos(half + (long) (random.getAsDouble() * (capped - half)));
  }

  /**
   * A snapshot of the counters.
   *
   * @return the stats
   */
  public ClientStats stats() {
    return new ClientStats(requests.sum(), rateLimited.sum(), coolDownWaits.sum(),
        Duration.ofNanos(coolDownWaitedNanos.sum()), retries.sum());
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }
}
