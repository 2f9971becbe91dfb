package io.github.ozonperf.client.internal.report;

import io.github.ozonperf.client.report.ReportRow;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.NoSuchElementException;

/** A closeable, lazily reading iterator of report rows. I/O failures surface as {@link UncheckedIOException}. */
public abstract class RowIterator implements Iterator<ReportRow>, Closeable {
  private ReportRow next;
  private boolean done;

  /** The next row, or {@code null} at the end. */
  protected abstract ReportRow fetch() throws IOException;

  @Override
  public final boolean hasNext() {
    if (next != null) {
      return true;
    }
    if (done) {
      return false;
    }
    try {
      next = fetch();
    } catch (IOException e) {
      throw new UncheckedIOException("reading the report file failed: " + e.getMessage(), e);
    }
    if (next == null) {
      done = true;
    }
    return next != null;
  }

  @Override
  public final ReportRow next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    ReportRow row = next;
    next = null;
    return row;
  }
}
