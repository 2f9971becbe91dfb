package io.github.ozonperf.client.internal.report;

import io.github.ozonperf.client.report.ReportRow;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Rows of a ZIP holding one CSV per campaign, read entry by entry (streamed). Entries are named
 * {@code <campaignId>_<dd.mm>-<dd.mm>.csv} by live Ozon (also {@code <campaignId>.csv}): the campaign is the name's
 * leading number.
 */
public final class ZipRows extends RowIterator {
  private final ZipInputStream zip;
  private CsvRows current;

  /** Reads the ZIP from {@code in} (closed by {@link #close()}). */
  public ZipRows(InputStream in) {
    this.zip = new ZipInputStream(in, StandardCharsets.UTF_8);
  }

  @Override
  protected ReportRow fetch() throws IOException {
    while (true) {
      if (current != null) {
        if (current.hasNext()) {
          return current.next();
        }
        sections.addAll(current.sections());
        current = null;
      }
      ZipEntry entry = zip.getNextEntry();
      if (entry == null) {
        return null;
      }
      if (entry.isDirectory()) {
        continue;
      }
      String name = entry.getName();
      name = name.substring(name.lastIndexOf('/') + 1);
      int dot = name.lastIndexOf('.');
      String base = dot > 0 ? name.substring(0, dot) : name;
      String id = base.matches("\\d+") ? base : leadingDigits(base);
      InputStream shield = new FilterInputStream(zip) {
        @Override
        public void close() {
          // the ZIP stream stays open for the next entry
        }
      };
      current = CsvRows.open(new InputStreamReader(shield, StandardCharsets.UTF_8), id, name);
    }
  }

  private static String leadingDigits(String base) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d{3,})").matcher(base);
    return m.find() ? m.group(1) : null;
  }

  @Override
  public void close() throws IOException {
    zip.close();
  }
}
