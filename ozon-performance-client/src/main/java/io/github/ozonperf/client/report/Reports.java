package io.github.ozonperf.client.report;

/**
 * Ozon's asynchronous statistics reports, end to end: submit, wait, download, parse.
 *
 * <p>{@link #run} splits a request into chunks Ozon accepts (at most 10 campaigns and 62 days each: 23
 * campaigns over 100 days make 3 × 2 = 6 reports), runs them one at a time per account (Ozon rejects a
 * second concurrent report with 429 and loses it), polls with growing intervals and streams every file
 * to disk.
 *
 * <p>If the wait exceeds {@link ReportOptions#timeout()}, {@code run} throws
 * {@link ReportTimeoutException} (an {@code OzonReportTimeoutException}) carrying every chunk's UUID and state: finish later with
 * {@link #status(String)} and {@link #download(String, ReportFormat)} instead of generating the report
 * again (each report counts against Ozon's daily quota).
 *
 * <p><b>Cancelling.</b> Interrupt the thread that runs {@code run} (for example {@code future.cancel(true)} on the
 * task that calls it): the run submits nothing more, stops polling, releases the account's report slot, logs the
 * UUIDs submitted so far and throws a {@link ReportTimeoutException} whose {@link ReportTimeoutException#cancelled()}
 * is true, carrying those UUIDs.
 */
public interface Reports {
  /**
   * Generates, downloads and parses a report. Transient failures while polling (5xx, a dropped connection)
   * do not end the run: polling continues on the schedule until the timeout. A download whose body breaks off
   * is retried (it is a GET) a few times within the timeout.
   *
   * @throws io.github.ozonperf.client.OzonReportException when Ozon ends a chunk in ERROR (its reason is
   *     in {@code ozonError()}); files of finished chunks are deleted
   * @throws ReportTimeoutException when {@link ReportOptions#timeout()} passes; nothing is lost
   * @throws io.github.ozonperf.client.OzonApiException for any other failure (e.g. 429 on submit when the
   *     daily report quota is spent)
   * @param request  what to report
   * @param progress receives one event per submission, poll and download
   * @return the result; close it to delete the downloaded files
   */
  ReportResult run(ReportRequest request, ReportProgress progress);

  /** {@link #run(ReportRequest, ReportProgress)} without progress events. */
  default ReportResult run(ReportRequest request) {
    return run(request, ReportProgress.NONE);
  }

  /** Asks Ozon for the state of a report by its UUID (one call, no waiting). */
  ReportStatusView status(String uuid);

  /**
   * Downloads a report that is already {@link ReportState#OK} by its UUID — to resume a run that timed
   * out. The campaign of a single-campaign CSV is taken from its title line when Ozon writes one.
   *
   * @param uuid   the report's UUID
   * @param format the format it was submitted in
   * @return the result; close it to delete the downloaded file
   * @throws io.github.ozonperf.client.OzonReportNotReadyException when the report is not {@link ReportState#OK}
   *     yet (poll {@link #status(String)} first); nothing is lost
   * @throws io.github.ozonperf.client.OzonReportException when Ozon ended the report in {@link ReportState#ERROR}
   * @throws io.github.ozonperf.client.OzonNotFoundException when Ozon does not know the UUID (reports expire)
   * @throws io.github.ozonperf.client.OzonApiException for any other failure
   */
  ReportResult download(String uuid, ReportFormat format);
}
