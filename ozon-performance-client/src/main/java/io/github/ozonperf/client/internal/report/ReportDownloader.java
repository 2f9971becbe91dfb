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
 * the partial file.
 */
public final class ReportDownloader {
  private ReportDownloader() {}

  /** Writes the successful response's body to disk; closes the response. */
  public static ReportFile save(Response response, Path dir, String uuid, List<String> campaignIds)
      throws IOException {
    Path target = dir == null ? Path.of(System.getProperty("java.io.tmpdir")) : dir;
    Path part = Files.createTempFile(target, "ozon-report-", ".part");
    boolean done = false;
    try (Response r = response) {
      ResponseBody body = r.body();
      String contentType = r.header("Content-Type");
      try (InputStream in = body.byteStream(); OutputStream out = Files.newOutputStream(part)) {
        in.transferTo(out);
      }
      ReportFileKind kind = ReportFileKind.detect(contentType, part);
      Path finalPath = target.resolve("ozon-report-" + safe(uuid) + "-"
          + UUID.randomUUID().toString().substring(0, 8) + kind.extension());
      try {
        Files.move(part, finalPath, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(part, finalPath);
      }
      done = true;
      return new ReportFile(finalPath, kind, campaignIds);
    } finally {
      if (!done) {
        Files.deleteIfExists(part);
      }
    }
  }

  private static String safe(String uuid) {
    String s = uuid == null ? "" : uuid.replaceAll("[^A-Za-z0-9-]", "");
    return s.length() > 40 ? s.substring(0, 40) : s;
  }
}
