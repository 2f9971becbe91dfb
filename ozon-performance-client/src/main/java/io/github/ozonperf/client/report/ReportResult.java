package io.github.ozonperf.client.report;

import java.io.Closeable;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * A finished report: its chunks and their downloaded files. Rows are streamed from the files on disk, so
 * reports of any size fit in a small heap. Close it to delete the files.
 *
 * <pre>{@code
 * try (ReportResult result = client.reports().run(request, ReportProgress.NONE);
 *      Stream<ReportRow> rows = result.rows()) {
 *   rows.forEach(row -> System.out.println(row.date() + " " + row.clicks()));
 * }
 * }</pre>
 */
public interface ReportResult extends Closeable {
  /** Every chunk with its UUID and final state. */
  List<ReportChunk> chunks();

  /**
   * The rows of all chunks, read lazily from the downloaded files. Close the stream (try-with-resources)
   * when you do not read it to the end. While the stream is read, a file that cannot be parsed surfaces as
   * {@link io.github.ozonperf.client.OzonMalformedResponseException}, one that cannot be read from disk as an
   * {@link io.github.ozonperf.client.OzonApiException} naming the file problem.
   *
   * @throws IllegalStateException after {@link #close()}
   */
  Stream<ReportRow> rows();

  /**
   * Totals computed from the rows, with Ozon's corrections apart ({@link ReportTotals#corrections()}); reads the
   * files once, together with {@link #mismatches()}, then cached.
   */
  ReportTotals totals();

  /**
   * {@link #totals()} per campaign, in file order (one campaign's chunks of several date windows are added up);
   * a file that does not say its campaign counts under an empty id. Read in the same pass as {@link #totals()}.
   */
  java.util.Map<String, ReportTotals> totalsByCampaign();

  /**
   * Where the sums of the rows disagree with Ozon's own totals lines ({@code Всего}), per campaign and column;
   * empty when they agree or the files have none. Each one is also logged as a warning. Read together with
   * {@link #totals()}.
   */
  List<ReportMismatch> mismatches();

  /**
   * Campaigns of the request that were left out because this kind of report cannot include them (Ozon answers
   * {@code 400 generation of this type of report is forbidden} for the whole request otherwise), with the reason and
   * what to use instead; in request order. Empty when every campaign was reported.
   */
  java.util.Map<String, String> skipped();

  /** The downloaded files (CSV, ZIP or JSON), deleted by {@link #close()}. */
  List<Path> files();

  /** Deletes the downloaded files. Idempotent. */
  @Override
  void close();
}
