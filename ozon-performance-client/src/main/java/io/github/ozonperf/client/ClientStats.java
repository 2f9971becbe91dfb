package io.github.ozonperf.client;

import java.time.Duration;
import java.util.Objects;

/**
 * Counters of one {@link OzonPerformanceClient}'s rate-limit engine, since the client was built. Token counters
 * are in {@code client.tokens().stats()}.
 *
 * @param requests HTTP requests written to the network for API calls, counted by a network interceptor: every
 *     retry, the re-send after a 401 and any other follow-up included; token requests and attempts that never got
 *     a connection (refused, unknown host) excluded
 * @param rateLimited answers with status 429
 * @param coolDownWaits calls that waited for the shared cool-down before being sent (one per call that waited)
 * @param coolDownWaited the total time calls spent waiting for the cool-down, summed over calls
 * @param retries attempts re-sent by the SDK (429, 502/503/504 or connection failure on an idempotent call)
 */
public record ClientStats(long requests, long rateLimited, long coolDownWaits, Duration coolDownWaited,
    long retries) {

  /**
   * Validates the counters.
   *
   * @param requests HTTP attempts
   * @param rateLimited 429 answers
   * @param coolDownWaits calls that waited
   * @param coolDownWaited total wait
   * @param retries re-sent attempts
   */
  public ClientStats {
    Objects.requireNonNull(coolDownWaited, "coolDownWaited == null");
  }
}
