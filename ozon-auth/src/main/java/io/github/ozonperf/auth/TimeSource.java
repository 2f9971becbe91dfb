package io.github.ozonperf.auth;

import java.time.Duration;
import java.time.Instant;

/**
 * The clocks the token cache reads. Deadlines are computed on the monotonic {@link #nanoTime()} anchored at the
 * moment a token request was sent; {@link #now()} only labels tokens with a wall-clock expiry (for events and
 * token stores). Tests inject a fake to move time without sleeping.
 */
public interface TimeSource {

  /**
   * Monotonic time, as {@link System#nanoTime()}; only differences are meaningful.
   *
   * @return nanoseconds
   */
  long nanoTime();

  /**
   * Wall-clock time.
   *
   * @return the current instant
   */
  Instant now();

  /**
   * Waits between retries. The default sleeps the current thread; a fake can advance its clock instead.
   *
   * @param duration how long to wait; zero or negative returns at once
   * @throws InterruptedException if the thread is interrupted while waiting
   */
  default void sleep(Duration duration) throws InterruptedException {
    long nanos = duration.toNanos();
    if (nanos > 0) {
      Thread.sleep(nanos / 1_000_000L, (int) (nanos % 1_000_000L));
    }
  }

  /**
   * The system clocks: {@link System#nanoTime()} and {@link Instant#now()}.
   *
   * @return the shared system time source
   */
  static TimeSource system() {
    return SystemTimeSource.INSTANCE;
  }
}

/** The system clocks. */
enum SystemTimeSource implements TimeSource {
  INSTANCE;

  @Override
  public long nanoTime() {
    return System.nanoTime();
  }

  @Override
  public Instant now() {
    return Instant.now();
  }
}
