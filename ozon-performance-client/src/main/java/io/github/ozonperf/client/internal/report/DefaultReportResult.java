package io.github.ozonperf.client.internal.report;

import io.github.ozonperf.client.report.ReportChunk;
import io.github.ozonperf.client.report.ReportResult;
import io.github.ozonperf.client.report.ReportRow;
import io.github.ozonperf.client.report.ReportTotals;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/** Rows streamed file after file (never buffered: {@code flatMap} would buffer a file under iterator()). */
public final class DefaultReportResult implements ReportResult {
  private final List<ReportChunk> chunks;
  private final List<ReportFile> files;
  private volatile boolean closed;
  private ReportTotals totals;

  /** A result owning {@code files}: {@link #close()} deletes them. */
  public DefaultReportResult(List<ReportChunk> chunks, List<ReportFile> files) {
    this.chunks = List.copyOf(chunks);
    this.files = List.copyOf(files);
  }

  @Override
  public List<ReportChunk> chunks() {
    return chunks;
  }

  @Override
  public Stream<ReportRow> rows() {
    if (closed) {
      throw new IllegalStateException("this ReportResult is closed and its files are deleted");
    }
    ConcatRows rows = new ConcatRows(files);
    return StreamSupport.stream(
        Spliterators.spliteratorUnknownSize(rows, Spliterator.ORDERED | Spliterator.NONNULL), false)
        .onClose(() -> {
          try {
            rows.close();
          } catch (IOException ignored) {
            // closing a read-only file: nothing to lose, and a stream's close must not fail the caller
          }
        });
  }

  @Override
  public synchronized ReportTotals totals() {
    if (totals == null) {
      ReportTotals sum = ReportTotals.EMPTY;
      try (Stream<ReportRow> rows = rows()) {
        for (ReportRow row : (Iterable<ReportRow>) rows::iterator) {
          sum = sum.plus(row);
        }
      }
      totals = sum;
    }
    return totals;
  }

  @Override
  public List<Path> files() {
    List<Path> paths = new ArrayList<>();
    for (ReportFile file : files) {
      paths.add(file.path());
    }
    return paths;
  }

  @Override
  public void close() {
    closed = true;
    deleteAll(files);
  }

  /** Deletes files, ignoring ones already gone. */
  public static void deleteAll(List<ReportFile> files) {
    for (ReportFile file : files) {
      try {
        Files.deleteIfExists(file.path());
      } catch (IOException ignored) {
        // best effort: an open handle on Windows; the OS temp cleaner gets it
      }
    }
  }

  @Override
  public String toString() {
    return "ReportResult{chunks=" + chunks.size() + ", files=" + files.size() + ", closed=" + closed + '}';
  }

  private static final class ConcatRows extends RowIterator {
    private final List<ReportFile> files;
    private int nextFile;
    private RowIterator current;

    ConcatRows(List<ReportFile> files) {
      this.files = files;
    }

    @Override
    protected ReportRow fetch() throws IOException {
      while (true) {
        if (current != null) {
          if (current.hasNext()) {
            return current.next();
          }
          current.close();
          current = null;
        }
        if (nextFile >= files.size()) {
          return null;
        }
        current = ReportParsers.open(files.get(nextFile++));
      }
    }

    @Override
    public void close() throws IOException {
      if (current != null) {
        current.close();
        current = null;
      }
      nextFile = files.size();
    }
  }
}
