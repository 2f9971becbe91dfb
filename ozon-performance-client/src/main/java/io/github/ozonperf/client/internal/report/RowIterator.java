package io.github.ozonperf.client.internal.report;

import io.github.ozonperf.client.OzonApiException;
import io.github.ozonperf.client.OzonMalformedResponseException;
import io.github.ozonperf.client.internal.ErrorMapping;
import io.github.ozonperf.client.report.ReportRow;
import java.io.Closeable;
import java.io.IOException;
import java.nio.channels.ClosedChannelException;
import java.nio.file.FileSystemException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * A closeable, lazily reading iterator of report rows. Failures surface as {@link OzonApiException}s like every
 * other failure of the SDK: content that cannot be parsed (broken ZIP or JSON, a truncated file) as
 * {@link OzonMalformedResponseException}, a local file that cannot be read as
 * {@link ReportErrors.LocalFileException}. Messages name the exception type only, never file content.
 */
public abstract class RowIterator implements Iterator<ReportRow>, Closeable {
  /** The sections read so far (one per campaign report in the file), in file order; filled while rows are read. */
  protected final List<ReportSection> sections = new ArrayList<>();
  private ReportRow next;
  private boolean done;

  /** The sections read so far; complete once {@link #hasNext()} has returned {@code false}. */
  public List<ReportSection> sections() {
    return Collections.unmodifiableList(sections);
  }

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
    } catch (OzonApiException e) {
      throw e;
    } catch (ReportLayoutException e) {
      throw new OzonMalformedResponseException(e.getMessage(), -1, null, null, "GET",
          "/api/client/statistics/report", null, null);
    } catch (IOException e) {
      throw unreadable(e);
    } catch (RuntimeException e) {
      throw malformed(e);
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

  /** Maps an I/O failure while reading a downloaded report: broken content, or the local file itself. */
  static OzonApiException unreadable(IOException e) {
    // The file system's own failures are local problems; everything else (ZipException, EOFException, gson's
    // MalformedJsonException, a JSON report of the wrong shape ...) means the content is not what we expect.
    if (!(e instanceof FileSystemException) && !(e instanceof ClosedChannelException)) {
      return malformed(e);
    }
    return new ReportErrors.LocalFileException("reading the downloaded report file failed ("
        + ErrorMapping.describe(e) + "). The file may have been deleted (is the ReportResult closed?) or the disk "
        + "failed; download the report again with reports().download(uuid, format).", e);
  }

  private static OzonApiException malformed(Exception e) {
    RuntimeException sanitized = new RuntimeException(ErrorMapping.describe(e));
    sanitized.setStackTrace(e.getStackTrace());
    return new OzonMalformedResponseException("the downloaded report could not be parsed ("
        + ErrorMapping.describe(e) + "). Ozon may have changed the report format: report it to the SDK's "
        + "maintainers; the raw file is in ReportResult.files() until the result is closed.", -1, null, null, "GET",
        "/api/client/statistics/report", null, sanitized);
  }

  /** A report whose layout cannot be read: its message names the line and says what is missing (no secrets). */
  static final class ReportLayoutException extends IOException {
    ReportLayoutException(String message) {
      super(message);
    }
  }
}
