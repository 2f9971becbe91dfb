package io.github.ozonperf.client.report;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How {@link Reports} waits for and stores reports. Defaults: first poll after 1 s, each next interval
 * × 1.5 up to 30 s, give up after 15 minutes per {@link Reports#run}, temp files in
 * {@code java.io.tmpdir}.
 */
public final class ReportOptions {
  private final Duration initialPollInterval;
  private final double pollMultiplier;
  private final Duration maxPollInterval;
  private final Duration timeout;
  private final Path tempDir;
  private final ReportClock clock;

  private ReportOptions(Builder b) {
    this.initialPollInterval = b.initialPollInterval;
    this.pollMultiplier = b.pollMultiplier;
    this.maxPollInterval = b.maxPollInterval;
    this.timeout = b.timeout;
    this.tempDir = b.tempDir;
    this.clock = b.clock;
  }

  /** The defaults. */
  public static ReportOptions defaults() {
    return builder().build();
  }

  /** A new builder with the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** Wait before the first status poll. */
  public Duration initialPollInterval() {
    return initialPollInterval;
  }

  /** Factor applied to the interval after each poll. */
  public double pollMultiplier() {
    return pollMultiplier;
  }

  /** Upper bound of the poll interval. */
  public Duration maxPollInterval() {
    return maxPollInterval;
  }

  /** Overall limit of one {@link Reports#run} (all chunks, including waiting for the account's slot). */
  public Duration timeout() {
    return timeout;
  }

  /** Directory for downloaded reports; {@code null} means {@code java.io.tmpdir}. */
  public Path tempDir() {
    return tempDir;
  }

  /** Time source and sleeper. */
  public ReportClock clock() {
    return clock;
  }

  /** A builder holding these values. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.initialPollInterval = initialPollInterval;
    b.pollMultiplier = pollMultiplier;
    b.maxPollInterval = maxPollInterval;
    b.timeout = timeout;
    b.tempDir = tempDir;
    b.clock = clock;
    return b;
  }

  @Override
  public String toString() {
    return "ReportOptions{initialPoll=" + initialPollInterval + ", multiplier=" + pollMultiplier
        + ", maxPoll=" + maxPollInterval + ", timeout=" + timeout + ", tempDir=" + tempDir + '}';
  }

  /** Builds {@link ReportOptions}. */
  public static final class Builder {
    private Duration initialPollInterval = Duration.ofSeconds(1);
    private double pollMultiplier = 1.5;
    private Duration maxPollInterval = Duration.ofSeconds(30);
    private Duration timeout = Duration.ofMinutes(15);
    private Path tempDir;
    private ReportClock clock = ReportClock.system();

    private Builder() {}

    /** Wait before the first status poll (positive). */
    public Builder initialPollInterval(Duration value) {
      this.initialPollInterval = positive(value, "initialPollInterval");
      return this;
    }

    /** Factor applied to the interval after each poll (at least 1.0). */
    public Builder pollMultiplier(double value) {
      if (!(value >= 1.0) || Double.isInfinite(value)) {
        throw new IllegalArgumentException("pollMultiplier must be >= 1.0, got " + value);
      }
      this.pollMultiplier = value;
      return this;
    }

    /** Upper bound of the poll interval (positive). */
    public Builder maxPollInterval(Duration value) {
      this.maxPollInterval = positive(value, "maxPollInterval");
      return this;
    }

    /**
     * Overall limit of one {@link Reports#run}. When it passes, the run throws
     * {@link ReportTimeoutException} carrying every chunk's UUID and state so it can be resumed.
     */
    public Builder timeout(Duration value) {
      this.timeout = positive(value, "timeout");
      return this;
    }

    /** Directory for downloaded reports (must exist); {@code null} for {@code java.io.tmpdir}. */
    public Builder tempDir(Path value) {
      this.tempDir = value;
      return this;
    }

    /** Time source and sleeper (tests inject a fake one). */
    public Builder clock(ReportClock value) {
      this.clock = Objects.requireNonNull(value, "clock == null");
      return this;
    }

    /** Builds the options. */
    public ReportOptions build() {
      if (maxPollInterval.compareTo(initialPollInterval) < 0) {
        throw new IllegalArgumentException("maxPollInterval " + maxPollInterval
            + " is shorter than initialPollInterval " + initialPollInterval);
      }
      return new ReportOptions(this);
    }

    private static Duration positive(Duration value, String name) {
      Objects.requireNonNull(value, name + " == null");
      if (value.isNegative() || value.isZero()) {
        throw new IllegalArgumentException(name + " must be positive, got " + value);
      }
      return value;
    }
  }
}
