package io.github.ozonperf.client.internal.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.UUID;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * Streams a report body to {@code <dir>/ozon-report-*.part} and renames it atomically to its final name, so
 * a reader never sees a half-written file and the report never sits in memory. A failed download deletes
 * the partial file. Failures on our side (temp dir missing, disk full) are thrown as {@link StorageException}
 * so that they are not mistaken for network failures.
 */
public final class ReportDownloader {
  private static final int BUFFER = 64 * 1024;

  private ReportDownloader() {}

  /** A local file-system failure while saving a report (as opposed to a failure reading Ozon's answer). */
  public static final class StorageException extends IOException {
    private static final long serialVersionUID = 1L;
    private final transient Path dir;

    StorageException(Path dir, IOException cause) {
      super(cause.getClass().getSimpleName(), cause);
      this.dir = dir;
    }

    /** The directory the report was being written to. */
    public Path dir() {
      return dir;
    }
  }

  /** Writes the successful response's body to disk; closes the response. */
  public static ReportFile save(Response response, Path dir, String uuid, List<String> campaignIds)
      throws IOException {
    Path target = dir == null ? Path.of(System.getProperty("java.io.tmpdir")) : dir;
    try (Response r = response) {
      Path part;
      try {
        part = Files.createTempFile(target, "ozon-report-", ".part");
      } catch (IOException e) {
        throw new StorageException(target, e);
      }
      boolean done = false;
      try {
        ResponseBody body = r.body();
        String contentType = r.header("Content-Type");
        OutputStream out;
        try {
          out = Files.newOutputStream(part);
        } catch (IOException e) {
          throw new StorageException(target, e);
        }
        try (InputStream in = body.byteStream(); OutputStream o = out) {
          byte[] buffer = new byte[BUFFER];
          int n;
          while ((n = in.read(buffer)) >= 0) { // a read failure is a network failure: propagated as is
            try {
              o.write(buffer, 0, n);
            } catch (IOException e) {
              throw new StorageException(target, e);
            }
          }
        }
        ReportFileKind kind;
        Path finalPath = null;
        try {
          kind = ReportFileKind.detect(contentType, part);
          finalPath = target.resolve("ozon-report-" + safe(uuid) + "-"
              + UUID.randomUUID().toString().substring(0, 8) + kind.extension());
          try {
            Files.move(part, finalPath, StandardCopyOption.ATOMIC_MOVE);
          } catch (AtomicMoveNotSupportedException e) {
            Files.move(part, finalPath);
          }
        } catch (IOException e) {
          throw new StorageException(target, e);
        }
        done = true;
        return new ReportFile(finalPath, kind, campaignIds);
      } finally {
        if (!done) {
          Files.deleteIfExists(part);
        }
      }
    }
  }

  private static String safe(String uuid) {
    String s = uuid == null ? "" : uuid.replaceAll("[^A-Za-z0-9-]", "");
    return s.length() > 40 ? s.substring(0, 40) : s;
  }
}
