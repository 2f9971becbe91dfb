package io.github.ozonperf.sandbox;

import java.time.Duration;
import java.util.Objects;

/**
 * Fault injection settings of an {@link OzonSandbox}: random 429/503 answers, connection resets, added latency,
 * forced token expiry and a rate limit on back-to-back campaign pages. Everything is off by default
 * ({@link #none()}).
 *
 * <p>Random faults apply to API paths only, never to the token endpoint, and are drawn from a generator seeded
 * with {@link #seed()}, so one run of a single-threaded test is reproducible.
 *
 * <pre>{@code
 * Faults faults = Faults.builder()
 *     .probability429(0.2).retryAfterSeconds(1)
 *     .pageRateLimit(true).pageInterval(Duration.ofSeconds(9))
 *     .build();
 * }</pre>
 */
public final class Faults {
  private static final Faults NONE = builder().build();

  private final double probability429;
  private final int retryAfterSeconds;
  private final double probability503;
  private final double probabilityReset;
  private final Duration latency;
  private final Duration forceTokenExpiryEvery;
  private final boolean pageRateLimit;
  private final Duration pageInterval;
  private final long seed;

  private Faults(Builder b) {
    this.probability429 = b.probability429;
    this.retryAfterSeconds = b.retryAfterSeconds;
    this.probability503 = b.probability503;
    this.probabilityReset = b.probabilityReset;
    this.latency = b.latency;
    this.forceTokenExpiryEvery = b.forceTokenExpiryEvery;
    this.pageRateLimit = b.pageRateLimit;
    this.pageInterval = b.pageInterval;
    this.seed = b.seed;
  }

  /** Returns settings with every fault off (the default of {@link OzonSandbox.Builder}). */
  public static Faults none() {
    return NONE;
  }

  /** Returns a new builder with every fault off. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns a builder initialised with these settings. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.probability429 = probability429;
    b.retryAfterSeconds = retryAfterSeconds;
    b.probability503 = probability503;
    b.probabilityReset = probabilityReset;
    b.latency = latency;
    b.forceTokenExpiryEvery = forceTokenExpiryEvery;
    b.pageRateLimit = pageRateLimit;
    b.pageInterval = pageInterval;
    b.seed = seed;
    return b;
  }

  /** Probability (0..1) that an API call is answered {@code 429 {"error":"Too Many Requests"}}. */
  public double probability429() {
    return probability429;
  }

  /** Value of the {@code Retry-After} header on random 429s; {@code 0} sends no header (as Ozon does). */
  public int retryAfterSeconds() {
    return retryAfterSeconds;
  }

  /** Probability (0..1) that an API call is answered {@code 503}. */
  public double probability503() {
    return probability503;
  }

  /** Probability (0..1) that the connection is closed instead of answering (the client sees an I/O error). */
  public double probabilityReset() {
    return probabilityReset;
  }

  /** Delay added before the response headers of every API call ({@link Duration#ZERO} = none). */
  public Duration latency() {
    return latency;
  }

  /**
   * Period after which every token is treated as expired regardless of its TTL, measured on the sandbox
   * clock from start; {@code null} = never.
   */
  public Duration forceTokenExpiryEvery() {
    return forceTokenExpiryEvery;
  }

  /**
   * Whether a page after the first of {@code GET /api/client/campaign} is answered 429 (without
   * {@code Retry-After}, like Ozon) when it comes sooner than {@link #pageInterval()} after the previous
   * campaign list request (sandbox clock).
   */
  public boolean pageRateLimit() {
    return pageRateLimit;
  }

  /** Minimum gap between campaign page requests when {@link #pageRateLimit()} is on (default 1 s). */
  public Duration pageInterval() {
    return pageInterval;
  }

  /** Seed of the random generator that draws the probabilistic faults. */
  public long seed() {
    return seed;
  }

  @Override
  public String toString() {
    return "Faults{429=" + probability429 + ", retryAfter=" + retryAfterSeconds + "s, 503=" + probability503
        + ", reset=" + probabilityReset + ", latency=" + latency + ", forceTokenExpiryEvery="
        + forceTokenExpiryEvery + ", pageRateLimit=" + pageRateLimit + "/" + pageInterval + ", seed=" + seed + '}';
  }

  /** Builder of {@link Faults}; every setter validates its argument. */
  public static final class Builder {
    private double probability429;
    private int retryAfterSeconds;
    private double probability503;
    private double probabilityReset;
    private Duration latency = Duration.ZERO;
    private Duration forceTokenExpiryEvery;
    private boolean pageRateLimit;
    private Duration pageInterval = Duration.ofSeconds(1);
    private long seed = 42L;

    private Builder() {}

    /** Sets the probability (0..1) of a random 429 on API calls. */
    public Builder probability429(double p) {
      this.probability429 = probability("probability429", p);
      return this;
    }

    /** Sets the {@code Retry-After} seconds sent with random 429s (0 = no header). */
    public Builder retryAfterSeconds(int seconds) {
      if (seconds < 0) {
        throw new IllegalArgumentException("retryAfterSeconds: must be >= 0, got " + seconds);
      }
      this.retryAfterSeconds = seconds;
      return this;
    }

    /** Sets the probability (0..1) of a random 503 on API calls. */
    public Builder probability503(double p) {
      this.probability503 = probability("probability503", p);
      return this;
    }

    /** Sets the probability (0..1) that an API call's connection is closed without an answer. */
    public Builder probabilityReset(double p) {
      this.probabilityReset = probability("probabilityReset", p);
      return this;
    }

    /** Sets a delay added to every API call (real time: it exists to exercise client timeouts). */
    public Builder latency(Duration latency) {
      Objects.requireNonNull(latency, "latency == null");
      if (latency.isNegative()) {
        throw new IllegalArgumentException("latency: must not be negative, got " + latency);
      }
      this.latency = latency;
      return this;
    }

    /** Expires every token each {@code period} on the sandbox clock; {@code null} turns it off. */
    public Builder forceTokenExpiryEvery(Duration period) {
      if (period != null && (period.isZero() || period.isNegative())) {
        throw new IllegalArgumentException("forceTokenExpiryEvery: must be positive, got " + period);
      }
      this.forceTokenExpiryEvery = period;
      return this;
    }

    /** Turns the back-to-back campaign page rate limit on or off. */
    public Builder pageRateLimit(boolean on) {
      this.pageRateLimit = on;
      return this;
    }

    /** Sets the minimum gap between campaign page requests for {@link #pageRateLimit(boolean)}. */
    public Builder pageInterval(Duration interval) {
      Objects.requireNonNull(interval, "interval == null");
      if (interval.isNegative()) {
        throw new IllegalArgumentException("pageInterval: must not be negative, got " + interval);
      }
      this.pageInterval = interval;
      return this;
    }

    /** Sets the seed of the fault generator. */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /** Builds the immutable settings. */
    public Faults build() {
      if (probability429 + probability503 + probabilityReset > 1.0) {
        throw new IllegalArgumentException("probability429 + probability503 + probabilityReset must be <= 1, got "
            + (probability429 + probability503 + probabilityReset));
      }
      return new Faults(this);
    }

    private static double probability(String name, double p) {
      if (!(p >= 0.0 && p <= 1.0)) {
        throw new IllegalArgumentException(name + ": must be between 0 and 1, got " + p);
      }
      return p;
    }
  }
}
