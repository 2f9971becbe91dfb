package io.github.ozonperf.auth;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/** A manual clock: time moves only via {@link #advance} or {@link #sleep} (which records the delay). */
final class FakeTime implements TimeSource {
  static final Instant EPOCH = Instant.parse("2026-11-23T00:00:00Z");
  private static final long ORIGIN = 5_000_000_000_000L;
  private final AtomicLong nanos = new AtomicLong(ORIGIN);
  final List<Duration> sleeps = new CopyOnWriteArrayList<>();

  @Override
  public long nanoTime() {
    return nanos.get();
  }

  @Override
  public Instant now() {
    return EPOCH.plusNanos(nanos.get() - ORIGIN);
  }

  @Override
  public void sleep(Duration duration) {
    sleeps.add(duration);
    advance(duration);
  }

  void advance(Duration d) {
    nanos.addAndGet(d.toNanos());
  }

  void advanceSeconds(long s) {
    advance(Duration.ofSeconds(s));
  }
}
