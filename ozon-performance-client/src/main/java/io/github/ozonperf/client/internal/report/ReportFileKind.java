package io.github.ozonperf.client.internal.report;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** What a downloaded report file holds. */
public enum ReportFileKind {
  CSV(".csv"), ZIP(".zip"), JSON(".json");

  private final String extension;

  ReportFileKind(String extension) {
    this.extension = extension;
  }

  /** The file name extension, with the dot. */
  public String extension() {
    return extension;
  }

  /**
   * Magic bytes first (a ZIP starts with {@code PK\3\4}, a JSON report with <code>{</code>), the
   * Content-Type next, CSV otherwise: servers label ZIPs {@code application/octet-stream} at times.
   */
  public static ReportFileKind detect(String contentType, byte[] head, int length) {
    if (length >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4) {
      return ZIP;
    }
    int i = 0;
    if (length >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF) {
      i = 3;
    }
    while (i < length && Character.isWhitespace(head[i])) {
      i++;
    }
    if (i < length && head[i] == '{') {
      return JSON;
    }
    String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
    if (type.contains("zip")) {
      return ZIP;
    }
    if (type.contains("json") && i < length && head[i] == '[') {
      return JSON;
    }
    return CSV;
  }

  /** Detects the kind of a file on disk. */
  public static ReportFileKind detect(String contentType, Path file) throws IOException {
    byte[] head = new byte[64];
    int n = 0;
    try (InputStream in = Files.newInputStream(file)) {
      int r;
      while (n < head.length && (r = in.read(head, n, head.length - n)) > 0) {
        n += r;
      }
    }
    return detect(contentType, head, n);
  }
}
