package io.github.ozonperf.client.report;

import io.github.ozonperf.client.OzonReportTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link Reports#run} that ran out of time, or was cancelled ({@link #cancelled()}: its thread was interrupted),
 * before every chunk was downloaded.
 * Nothing is lost: {@link #chunks()} holds every chunk's UUID and last state. Chunks in
 * {@link ReportState#OK} can be fetched with {@link Reports#download(String, ReportFormat)}; others can be
 * polled with {@link Reports#status(String)}; {@link ReportState#NOT_SUBMITTED} chunks need a new
 * {@link Reports#run} for their campaigns and dates.
 */
public final class ReportTimeoutException extends OzonReportTimeoutException {
  private static final long serialVersionUID = 1L;

  private final transient List<ReportChunk> chunks;
  private final boolean cancelled;

  /** Creates the exception for a run out of time; {@code chunks} is copied. */
  public ReportTimeoutException(String message, List<ReportChunk> chunks, Duration elapsed) {
    this(message, chunks, elapsed, false);
  }

  /**
   * Creates the exception; {@code chunks} is copied.
   *
   * @param cancelled true when the run was cancelled rather than out of time
   */
  public ReportTimeoutException(String message, List<ReportChunk> chunks, Duration elapsed, boolean cancelled) {
    super(message, uuidsOf(chunks), elapsed);
    this.chunks = List.copyOf(chunks);
    this.cancelled = cancelled;
  }

  /** Whether the run was cancelled (its thread interrupted) rather than out of time. */
  public boolean cancelled() {
    return cancelled;
  }

  /** Every chunk of the request with its UUID ({@code null} if never submitted) and last state. */
  public List<ReportChunk> chunks() {
    return chunks;
  }

  private static List<String> uuidsOf(List<ReportChunk> chunks) {
    List<String> uuids = new ArrayList<>();
    for (ReportChunk chunk : chunks) {
      if (chunk.uuid() != null) {
        uuids.add(chunk.uuid());
      }
    }
    return uuids;
  }
}
