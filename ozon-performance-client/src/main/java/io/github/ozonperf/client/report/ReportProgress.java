package io.github.ozonperf.client.report;

/**
 * Receives progress of {@link Reports#run}: called on the calling thread after every submission, every
 * status poll and every finished download. Keep it fast; an exception thrown here aborts the run.
 */
@FunctionalInterface
public interface ReportProgress {
  /** Ignores every event. */
  ReportProgress NONE = event -> { };

  /** Called for each progress step. */
  void onProgress(ReportProgressEvent event);
}
