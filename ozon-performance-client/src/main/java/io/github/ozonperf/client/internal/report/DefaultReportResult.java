package io.github.ozonperf.client.internal.report;

import io.github.ozonperf.client.report.ReportChunk;
import io.github.ozonperf.client.report.ReportMismatch;
import io.github.ozonperf.client.report.ReportResult;
import io.github.ozonperf.client.report.ReportRow;
import io.github.ozonperf.client.report.ReportTotals;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Rows streamed file after file (never buffered: {@code flatMap} would buffer a file under iterator()). */
public final class DefaultReportResult implements ReportResult {
  private static final Logger LOG = LoggerFactory.getLogger(DefaultReportResult.class);

  private final List<ReportChunk> chunks;
  private final List<ReportFile> files;
  private final Map<String, String> skipped;
  private volatile boolean closed;
  private Summary summary;

  /** A result owning {@code files}: {@link #close()} deletes them. */
  public DefaultReportResult(List<ReportChunk> chunks, List<ReportFile> files) {
    this(chunks, files, Map.of());
  }

  /**
   * A result owning {@code files}: {@link #close()} deletes them.
   *
   * @param skipped campaigns left out of the request, with the reason, in request order
   */
  public DefaultReportResult(List<ReportChunk> chunks, List<ReportFile> files, Map<String, String> skipped) {
    this.chunks = List.copyOf(chunks);
    this.files = List.copyOf(files);
    this.skipped = Collections.unmodifiableMap(new LinkedHashMap<>(skipped));
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
    return summary().totals;
  }

  @Override
  public synchronized Map<String, ReportTotals> totalsByCampaign() {
    return summary().byCampaign;
  }

  @Override
  public synchronized List<ReportMismatch> mismatches() {
    return summary().mismatches;
  }

  @Override
  public Map<String, String> skipped() {
    return skipped;
  }

  /** One pass over every file: the rows' sums, the corrections, and the check against Ozon's totals lines. */
  private Summary summary() {
    if (summary == null) {
      if (closed) {
        throw new IllegalStateException("this ReportResult is closed and its files are deleted");
      }
      ReportTotals sum = ReportTotals.EMPTY;
      Map<String, ReportTotals> byCampaign = new LinkedHashMap<>();
      List<ReportMismatch> mismatches = new ArrayList<>();
      for (ReportFile file : files) {
        try (RowIterator rows = ReportParsers.open(file)) {
          while (rows.hasNext()) {
            rows.next();
          }
          for (ReportSection section : rows.sections()) {
            sum = sum.plus(section.totals());
            byCampaign.merge(section.campaignId(), section.totals(), ReportTotals::plus);
            mismatches.addAll(Reconciliation.check(section));
          }
        } catch (IOException e) {
          throw RowIterator.unreadable(e);
        }
      }
      for (ReportMismatch m : mismatches) {
        LOG.warn("Report rows disagree with Ozon's totals line: {}", m);
      }
      summary = new Summary(sum, Collections.unmodifiableMap(byCampaign), List.copyOf(mismatches));
    }
    return summary;
  }

  private record Summary(ReportTotals totals, Map<String, ReportTotals> byCampaign,
      List<ReportMismatch> mismatches) {}

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
