package io.github.ozonperf.client;

/**
 * A paged listing ended with fewer items than the server said it has (for example, pages stopped early or a page
 * kept failing). Rather than silently returning a partial list, the SDK throws this; {@link #expected()} and
 * {@link #received()} give the counts. Usually transient: retry later, or filter by ids.
 */
public class OzonIncompleteResultException extends OzonApiException {
  private static final long serialVersionUID = 1L;

  private final long expected;
  private final long received;

  /**
   * Creates the exception; used by the SDK.
   *
   * @param message the human-readable message naming both counts
   * @param path the URL path of the listing
   * @param expected how many items the server reported
   * @param received how many items were received
   */
  public OzonIncompleteResultException(String message, String path, long expected, long received) {
    super(message, -1, null, null, "GET", path, null, null);
    this.expected = expected;
    this.received = received;
  }

  /**
   * How many items the server reported.
   *
   * @return the server's total
   */
  public long expected() {
    return expected;
  }

  /**
   * How many distinct items were received.
   *
   * @return the count
   */
  public long received() {
    return received;
  }

  /**
   * Always true: a later walk may complete.
   *
   * @return true
   */
  @Override
  public boolean isRetryable() {
    return true;
  }
}
