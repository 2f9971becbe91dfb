package io.github.ozonperf.client;

import io.github.ozonperf.auth.TimeSource;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/** A manual clock: time moves only through {@link #sleep} (which records the delay) or {@link #advance}. */
class FakeTime implements TimeSource {
  static final Instant EPOCH = Instant.parse("2026-11-23T00:00:00Z");
  private static final long ORIGIN = 7_000_000_000_000L;
  final AtomicLong nanos = new AtomicLong(ORIGIN);
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
  public void sleep(Duration duration) throws InterruptedException {
    sleeps.add(duration);
    advance(duration);
  }

  void advance(Duration d) {
    nanos.addAndGet(d.toNanos());
  }
}
