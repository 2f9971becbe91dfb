package io.github.ozonperf.mcp.tools;

import com.google.gson.GsonBuilder;
import io.github.ozonperf.client.OzonPerformanceClient;
import io.github.ozonperf.client.report.ReportFormat;
import io.github.ozonperf.client.report.ReportResult;
import io.github.ozonperf.client.report.ReportRow;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Writes the complete, merged rows of finished reports to a file (CSV, or JSON when the name ends in .json)
 * atomically: what {@code call get_statistics_report --out file} does, since MCP answers are truncated.
 */
public final class ReportExport {
  private ReportExport() {
  }

  /**
   * Downloads every report and writes all rows to {@code target} (via a temporary file and an atomic rename).
   *
   * @param client the client to download with
   * @param uuids  report UUIDs, in order
   * @param target the file to write; its parent directory must exist
   * @return the number of rows written
   * @throws IOException when the file cannot be written
   */
  public static long write(OzonPerformanceClient client, List<String> uuids, Path target) throws IOException {
    Objects.requireNonNull(client, "client == null");
    Objects.requireNonNull(uuids, "uuids == null");
    Path abs = target.toAbsolutePath();
    boolean json = abs.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json");
    Path tmp = Files.createTempFile(abs.getParent(), "." + abs.getFileName(), ".tmp");
    long count = 0;
    try {
      try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
        w.write(json ? "[\n" : "campaignId;date;sku;bannerId;views;clicks;spend;orders;ordersMoney\n");
        var gson = new GsonBuilder().disableHtmlEscaping().create();
        for (String uuid : uuids) {
          try (ReportResult result = client.reports().download(uuid, ReportFormat.CSV); Stream<ReportRow> rows = result.rows()) {
            Iterator<ReportRow> it = rows.iterator();
            while (it.hasNext()) {
              Map<String, Object> r = ReportTools.rowOf(it.next());
              if (json) {
                w.write((count > 0 ? ",\n" : "") + "  " + gson.toJson(r));
              } else {
                w.write(String.join(";", cell(r, "campaignId"), cell(r, "date"), cell(r, "sku"),
                    cell(r, "bannerId"), cell(r, "views"),
                    cell(r, "clicks"), cell(r, "spend"), cell(r, "orders"), cell(r, "ordersMoney")) + "\n");
              }
              count++;
            }
          }
        }
        w.write(json ? "\n]\n" : "");
      }
      try {
        Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(tmp);
    }
    return count;
  }

  private static String cell(Map<String, Object> r, String key) {
    Object v = r.get(key);
    return v == null ? "" : v.toString();
  }
}
