package io.github.ozonperf.it.support;

import io.github.ozonperf.auth.TimeSource;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A clock for the SDK that follows the system clock until a scenario jumps it forward with {@link #advance}: lets
 * a scenario push a token past its expiry without waiting 30 minutes, on either target. Sleeps really sleep (the
 * SDK's retry back-off must still give a real server time).
 */
public final class ManualTime implements TimeSource {
  private final AtomicLong offsetNanos = new AtomicLong();

  @Override
  public long nanoTime() {
    return System.nanoTime() + offsetNanos.get();
  }

  @Override
  public Instant now() {
    return Instant.now().plusNanos(offsetNanos.get());
  }

  /** Moves this clock forward. */
  public void advance(Duration d) {
    offsetNanos.addAndGet(d.toNanos());
  }
}
