package io.github.ozonperf.client.internal.report;

import java.time.Duration;

/** Growing poll intervals: initial, × multiplier each time, capped at max. Not thread-safe (one per wait). */
public final class PollSchedule {
  private final double multiplier;
  private final Duration max;
  private Duration next;

  /** Starts at {@code initial}; each {@link #next()} multiplies by {@code multiplier}, capped at {@code max}. */
  public PollSchedule(Duration initial, double multiplier, Duration max) {
    this.multiplier = multiplier;
    this.max = max;
    this.next = initial;
  }

  /** The next interval; advances the schedule. */
  public Duration next() {
    Duration current = next;
    double grown = current.toNanos() * multiplier;
    next = grown >= max.toNanos() ? max : Duration.ofNanos((long) grown);
    return current;
  }
}
