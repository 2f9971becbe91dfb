package io.github.ozonperf.client;

/**
 * A statistics report ended in state {@code ERROR}. {@link #ozonError()} holds Ozon's reason and {@link #uuid()}
 * the report's UUID. Submitting the same request again may succeed if the reason was transient.
 */
public class OzonReportException extends OzonApiException {
  private static final long serialVersionUID = 1L;

  private final String uuid;

  /**
   * Creates the exception; used by the report workflow.
   *
   * @param message the human-readable message (no secrets)
   * @param uuid the report UUID
   * @param ozonError Ozon's reason from the report status, or null
   */
  public OzonReportException(String message, String uuid, String ozonError) {
    super(message, -1, ozonError, null, null, null, null, null);
    this.uuid = uuid;
  }

  /**
   * The UUID of the report that failed.
   *
   * @return the UUID
   */
  public String uuid() {
    return uuid;
  }
}
