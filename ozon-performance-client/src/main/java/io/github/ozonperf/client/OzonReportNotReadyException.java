package io.github.ozonperf.client;

import io.github.ozonperf.client.report.ReportState;
import java.util.Objects;

/**
 * A report was asked for download ({@code reports().download(uuid, format)}) before Ozon finished generating it:
 * its state is {@link ReportState#NOT_STARTED}, {@link ReportState#IN_PROGRESS} or a state this SDK does not know.
 * Nothing is lost: poll {@code reports().status(uuid)} until it is {@link ReportState#OK}, then download again.
 * {@link #uuid()} and {@link #state()} say which report and where it stands; retryable.
 */
public class OzonReportNotReadyException extends OzonApiException {
  private static final long serialVersionUID = 1L;

  private final String uuid;
  private final ReportState state;

  /**
   * Creates the exception; used by the report workflow.
   *
   * @param message the human-readable message (no secrets)
   * @param uuid the report UUID
   * @param state the state Ozon reported
   */
  public OzonReportNotReadyException(String message, String uuid, ReportState state) {
    super(message, -1, null, null, "GET", "/api/client/statistics/{UUID}", null, null);
    this.uuid = Objects.requireNonNull(uuid, "uuid == null");
    this.state = Objects.requireNonNull(state, "state == null");
  }

  /**
   * The UUID of the report that is not ready.
   *
   * @return the UUID
   */
  public String uuid() {
    return uuid;
  }

  /**
   * The state Ozon reported for it.
   *
   * @return e.g. {@link ReportState#IN_PROGRESS}
   */
  public ReportState state() {
    return state;
  }

  /**
   * Always true: the report will be ready later.
   *
   * @return true
   */
  @Override
  public boolean isRetryable() {
    return true;
  }
}
