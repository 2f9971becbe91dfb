package io.github.ozonperf.client.internal.report;

import io.github.ozonperf.client.report.ReportRow;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/** Opens a downloaded report file as a lazy stream of rows. */
public final class ReportParsers {
  private ReportParsers() {}

  /** Opens the file; the returned iterator owns it. */
  public static RowIterator open(ReportFile file) throws IOException {
    InputStream in = Files.newInputStream(file.path());
    try {
      return switch (file.kind()) {
        case ZIP -> new ZipRows(in);
        case JSON -> new JsonRows(new InputStreamReader(in, StandardCharsets.UTF_8));
        case CSV -> CsvRows.open(new InputStreamReader(in, StandardCharsets.UTF_8),
            file.campaignIds().size() == 1 ? file.campaignIds().get(0) : null, file.path().getFileName().toString());
      };
    } catch (IOException | RuntimeException e) {
      in.close();
      throw e;
    }
  }

  /** A lazy stream of the file's rows; closing the stream closes the file. */
  public static Stream<ReportRow> stream(ReportFile file) {
    RowIterator rows;
    try {
      rows = open(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open report file " + file.path().getFileName(), e);
    }
    return StreamSupport.stream(
        Spliterators.spliteratorUnknownSize(rows, Spliterator.ORDERED | Spliterator.NONNULL), false)
        .onClose(() -> {
          try {
            rows.close();
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
  }
}
