package io.github.ozonperf.benchmarks.report;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.reader.FieldMismatchStrategy;
import io.github.ozonperf.client.internal.report.ReportFile;
import io.github.ozonperf.client.internal.report.ReportFileKind;
import io.github.ozonperf.client.internal.report.ReportParsers;
import io.github.ozonperf.client.internal.report.RowIterator;
import io.github.ozonperf.client.report.ReportRow;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * CSV report parsing speed: one op parses a whole generated Ozon-style report file (title line, BOM,
 * {@code ;}, Russian headers, decimal commas, space thousands). MB/s = file MB / (ms/op) × 1000; the file
 * size is printed at setup.
 *
 * <ul>
 *   <li>{@code sdkCsvRows}: our path — FastCSV + header mapping + typed {@link ReportRow} (lenient numbers).
 *   <li>{@code sdkZipRows}: the same rows as a ZIP of 3 CSVs (one per campaign), streamed entry by entry.
 *   <li>{@code fastCsvRecordsOnly}: FastCSV alone, no mapping or numbers — the floor.
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class CsvReportParseBenchmark {
  private static final String HEADER = "\uFEFFКампания по продвижению товаров № 4567, период "
      + "01.10.2026-31.10.2026\nДата;sku;Название товара;Цена товара, ₽;Показы;Клики;CTR (%);В корзину;"
      + "Средняя стоимость клика, ₽;Расход, ₽, с НДС;Заказы;Продажи, ₽\n";

  /** Rows in the generated report. */
  @Param({"200000"})
  public int rows;

  private Path dir;
  private ReportFile csv;
  private ReportFile zip;

  @Setup(Level.Trial)
  public void generate() throws IOException {
    dir = Files.createTempDirectory("ozon-csv-bench-");
    Path csvPath = dir.resolve("4567.csv");
    try (OutputStream out = Files.newOutputStream(csvPath)) {
      writeCsv(out, rows);
    }
    csv = new ReportFile(csvPath, ReportFileKind.CSV, List.of("4567"));
    Path zipPath = dir.resolve("three.zip");
    try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zipPath))) {
      for (String id : List.of("101", "102", "103")) {
        out.putNextEntry(new ZipEntry(id + ".csv"));
        writeCsv(out, rows / 3);
        out.closeEntry();
      }
    }
    zip = new ReportFile(zipPath, ReportFileKind.ZIP, List.of("101", "102", "103"));
    System.out.printf("%n[report bench] CSV %.2f MB, ZIP %.2f MB (%d rows)%n",
        Files.size(csvPath) / 1e6, Files.size(zipPath) / 1e6, rows);
  }

  private static void writeCsv(OutputStream out, int n) throws IOException {
    StringBuilder sb = new StringBuilder(HEADER);
    for (int i = 0; i < n; i++) {
      int day = 1 + i % 31;
      sb.append(day < 10 ? "0" : "").append(day).append(".10.2026;").append(100000000 + i)
          .append(";Чайник электрический ").append(i % 97).append(";1 990,00;")
          .append(1 + i % 5000).append(' ').append(100 + i % 900).append(';').append(i % 300)
          .append(";3,00;").append(i % 7).append(";5,50;").append(i % 1000).append(',')
          .append(10 + i % 90).append(';').append(i % 4).append(';').append(i % 3).append(" 980,00\n");
      if (sb.length() > 1 << 16) {
        out.write(sb.toString().getBytes(StandardCharsets.UTF_8));
        sb.setLength(0);
      }
    }
    out.write(sb.toString().getBytes(StandardCharsets.UTF_8));
  }

  @TearDown(Level.Trial)
  public void delete() throws IOException {
    Files.deleteIfExists(csv.path());
    Files.deleteIfExists(zip.path());
    Files.deleteIfExists(dir);
  }

  @Benchmark
  public long sdkCsvRows(Blackhole bh) throws IOException {
    return consume(csv, bh);
  }

  @Benchmark
  public long sdkZipRows(Blackhole bh) throws IOException {
    return consume(zip, bh);
  }

  @Benchmark
  public long fastCsvRecordsOnly(Blackhole bh) throws IOException {
    long n = 0;
    try (CsvReader<CsvRecord> reader = CsvReader.builder().fieldSeparator(';')
        .extraFieldStrategy(FieldMismatchStrategy.IGNORE)
        .missingFieldStrategy(FieldMismatchStrategy.IGNORE).ofCsvRecord(csv.path())) {
      for (CsvRecord record : reader) {
        bh.consume(record);
        n++;
      }
    }
    return n;
  }

  private static long consume(ReportFile file, Blackhole bh) throws IOException {
    long views = 0;
    try (RowIterator it = ReportParsers.open(file)) {
      while (it.hasNext()) {
        ReportRow row = it.next();
        Long v = row.views();
        views += v == null ? 0 : v;
        bh.consume(row);
      }
    }
    return views;
  }
}
