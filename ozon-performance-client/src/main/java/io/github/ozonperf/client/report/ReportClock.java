package io.github.ozonperf.client.report;

import java.time.Duration;

/**
 * The time source and sleeper report polling uses. Tests inject a fake one to assert the poll schedule
 * without waiting.
 */
public interface ReportClock {
  /** A monotonic reading in nanoseconds (like {@link System#nanoTime()}). */
  long nanoTime();

  /** Blocks for {@code duration}. */
  void sleep(Duration duration) throws InterruptedException;

  /** The system clock: {@link System#nanoTime()} and {@link Thread#sleep}. */
  static ReportClock system() {
    return SystemReportClock.INSTANCE;
  }
}

final class SystemReportClock implements ReportClock {
  static final SystemReportClock INSTANCE = new SystemReportClock();

  @Override
  public long nanoTime() {
    return System.nanoTime();
  }

  @Override
  public void sleep(Duration duration) throws InterruptedException {
    if (!duration.isNegative() && !duration.isZero()) {
      Thread.sleep(duration.toMillis(), (int) (duration.toNanos() % 1_000_000));
    }
  }

  @Override
  public String toString() {
    return "ReportClock.system()";
  }
}
