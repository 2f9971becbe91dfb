package io.github.ozonperf.client;

import java.time.Duration;
import java.util.List;

/**
 * A report did not finish within the configured overall timeout. Nothing is lost: {@link #uuids()} lists the
 * UUIDs of the submitted report chunks, so the caller can check them later and download them when ready.
 */
public class OzonReportTimeoutException extends OzonApiException {
  private static final long serialVersionUID = 1L;

  private final List<String> uuids;
  private final Duration elapsed;

  /**
   * Creates the exception; used by the report workflow.
   *
   * @param message the human-readable message (no secrets)
   * @param uuids the UUIDs of every submitted chunk, in order
   * @param elapsed how long the workflow waited
   */
  public OzonReportTimeoutException(String message, List<String> uuids, Duration elapsed) {
    super(message, -1, null, null, null, null, null, null);
    this.uuids = List.copyOf(uuids);
    this.elapsed = elapsed;
  }

  /**
   * The UUIDs of the submitted report chunks, to resume with.
   *
   * @return an immutable list
   */
  public List<String> uuids() {
    return uuids;
  }

  /**
   * How long the workflow waited before giving up.
   *
   * @return the duration, or null if not known
   */
  public Duration elapsed() {
    return elapsed;
  }

  /**
   * Always true: the report may finish later.
   *
   * @return true
   */
  @Override
  public boolean isRetryable() {
    return true;
  }
}
