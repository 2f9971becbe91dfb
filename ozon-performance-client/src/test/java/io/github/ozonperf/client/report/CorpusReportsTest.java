package io.github.ozonperf.client.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.ozonperf.client.OzonMalformedResponseException;
import io.github.ozonperf.client.internal.report.DefaultReportResult;
import io.github.ozonperf.client.internal.report.ReportFile;
import io.github.ozonperf.client.internal.report.ReportFileKind;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every CSV of the evidence corpus ({@code src/test/resources/corpus}, modeled on what live accounts send; see its
 * README and SOURCES.md files) parses to what a person reading it writes down in its {@code .expected.properties}:
 * rows, views, clicks, spend, orders, revenue, corrections, and Ozon's own {@code Всего} line with no mismatch.
 */
class CorpusReportsTest {
  static final Path CORPUS = Path.of("src", "test", "resources", "corpus");

  @TempDir
  Path tmp;

  static Stream<Path> corpusCsvFiles() throws IOException {
    try (Stream<Path> files = Files.walk(CORPUS)) {
      List<Path> csv = files.filter(p -> p.toString().endsWith(".csv")).sorted().collect(Collectors.toList());
      assertTrue(csv.size() >= 8, "the corpus is missing: " + csv);
      return csv.stream();
    }
  }

  static Properties expected(Path csv) throws IOException {
    Path props = csv.resolveSibling(csv.getFileName().toString().replace(".csv", ".expected.properties"));
    Properties p = new Properties();
    try (InputStream in = Files.newInputStream(props)) {
      p.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return p;
  }

  static DefaultReportResult result(Path file, ReportFileKind kind, List<String> ids) {
    return new DefaultReportResult(List.of(), List.of(new ReportFile(file, kind, ids)));
  }

  /** A copy, because the result owns (and deletes) its files. */
  Path copy(Path csv) throws IOException {
    Path to = tmp.resolve(csv.getFileName());
    Files.copy(csv, to, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    return to;
  }

  @ParameterizedTest
  @MethodSource("corpusCsvFiles")
  void everyCorpusCsvGivesTheNumbersAPersonReadsInIt(Path csv) throws IOException {
    Properties want = expected(csv);
    try (DefaultReportResult result = result(copy(csv), ReportFileKind.CSV, List.of())) {
      ReportTotals totals = result.totals();
      String file = csv.getFileName().toString();
      assertEquals(Long.parseLong(want.getProperty("rows")), totals.rows(), file + ": rows");
      assertEquals(Long.parseLong(want.getProperty("views", "0")), totals.views(), file + ": views");
      assertEquals(Long.parseLong(want.getProperty("clicks", "0")), totals.clicks(), file + ": clicks");
      assertMoney(want.getProperty("spend"), totals.spend(), file + ": spend");
      assertEquals(Long.parseLong(want.getProperty("orders", "0")), totals.orders(), file + ": orders");
      assertMoney(want.getProperty("ordersMoney", "0"), totals.ordersMoney(), file + ": revenue");
      assertMoney(want.getProperty("corrections", "0"), totals.corrections(), file + ": corrections");
      assertEquals(List.of(), result.mismatches(), file + ": the rows agree with Ozon's Всего line");
      try (Stream<ReportRow> rows = result.rows()) {
        for (ReportRow row : (Iterable<ReportRow>) rows::iterator) {
          assertFalse(row.columns().values().stream().anyMatch(v -> v.startsWith("Корректировка")),
              file + ": a correction line is not a row");
          assertTrue(row.views() == null || row.clicks() == null || row.clicks() <= row.views(),
              file + ": clicks <= views in " + row);
          assertTrue(row.spend() == null || row.spend().signum() >= 0, file + ": a row's spend is not negative");
          if (csv.getParent().getFileName().toString().contains("nogroup")) {
            assertNull(row.date(), file + ": reports grouped by nothing have no date column");
          }
        }
      }
    }
  }

  @ParameterizedTest
  @MethodSource("corpusCsvFiles")
  void ozonsTotalsLineEqualsTheRowsWithTheirCorrections(Path csv) throws IOException {
    Properties want = expected(csv);
    if (want.getProperty("total.spend") == null) {
      return;
    }
    try (DefaultReportResult result = result(copy(csv), ReportFileKind.CSV, List.of())) {
      assertMoney(want.getProperty("total.spend"), result.totals().spendWithCorrections(), csv + ": Всего spend");
      if (want.getProperty("total.views") != null) {
        assertEquals(Long.parseLong(want.getProperty("total.views")), result.totals().views());
      }
    }
  }

  @Test
  void sku2026HeaderReadsOrdersRevenueAndEveryColumnInEnglish() throws IOException {
    Path csv = CORPUS.resolve("sku-csv/sku-2026-date.csv");
    try (DefaultReportResult result = result(copy(csv), ReportFileKind.CSV, List.of());
         Stream<ReportRow> rows = result.rows()) {
      ReportRow first = rows.findFirst().orElseThrow();
      assertEquals("24681357", first.campaignId(), "from the title line");
      assertEquals(java.time.LocalDate.of(2026, 10, 1), first.date());
      assertEquals(3L, first.orders());
      assertEquals(new BigDecimal("3870.00"), first.ordersMoney());
      assertEquals(1L, first.modelOrders());
      assertEquals(new BigDecimal("1290.00"), first.modelOrdersMoney());
      assertEquals(new BigDecimal("15480.00"), first.allOrdersMoney());
      assertEquals(9L, first.toCart());
      for (String column : first.columns().keySet()) {
        assertTrue(column.matches("[a-zA-Z0-9]+"), "every 2026 SKU column has an English name: " + column);
      }
    }
  }

  @Test
  void bannerLayoutHasEnglishNamesForReachCpmAndPlatform() throws IOException {
    Path csv = CORPUS.resolve("banner-csv/banner-2026-date.csv");
    try (DefaultReportResult result = result(copy(csv), ReportFileKind.CSV, List.of());
         Stream<ReportRow> rows = result.rows()) {
      ReportRow first = rows.findFirst().orElseThrow();
      assertEquals("602634", first.get(ReportRow.BANNER_ID));
      assertEquals(70110L, first.reach());
      assertEquals(new BigDecimal("30.00"), first.decimal(ReportRow.CPM));
      assertEquals("Мобильное приложение", first.get(ReportRow.PLATFORM));
      assertEquals(new BigDecimal("4536.60"), first.spend());
    }
  }

  @Test
  void zipOfSeveralCampaignsEqualsTheirCsvsEachAlone() throws IOException {
    List<Path> parts = List.of(CORPUS.resolve("sku-nogroup-csv/33960604_30.07-30.08.csv"),
        CORPUS.resolve("sku-nogroup-csv/40171488_30.07-30.08.csv"));
    Path zip = tmp.resolve("report.zip");
    try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream z = new ZipOutputStream(out)) {
      for (Path part : parts) {
        z.putNextEntry(new ZipEntry(part.getFileName().toString()));
        Files.copy(part, z);
        z.closeEntry();
      }
    }
    ReportTotals alone = ReportTotals.EMPTY;
    java.util.Map<String, ReportTotals> each = new java.util.LinkedHashMap<>();
    for (Path part : parts) {
      try (DefaultReportResult one = result(copy(part), ReportFileKind.CSV, List.of())) {
        alone = alone.plus(one.totals());
        each.putAll(one.totalsByCampaign());
      }
    }
    try (DefaultReportResult both = result(zip, ReportFileKind.ZIP, List.of("33960604", "40171488"))) {
      assertEquals(alone, both.totals());
      assertEquals(each, both.totalsByCampaign(), "per campaign, corrections included");
      assertEquals(new BigDecimal("-206.51"), both.totalsByCampaign().get("33960604").corrections());
      assertEquals(List.of(), both.mismatches());
      try (Stream<ReportRow> rows = both.rows()) {
        assertEquals(List.of("33960604", "40171488"), rows.map(ReportRow::campaignId).distinct().toList(),
            "the campaign is the leading number of the entry name <id>_<dd.mm>-<dd.mm>.csv");
      }
    }
  }

  @Test
  void aTotalsLineThatDisagreesWithTheRowsIsReportedNotHidden() throws IOException {
    String csv = "День;Показы;Клики;Расход, ₽\n01.10.2026;100;5;10,00\n02.10.2026;50;1;5,00\n"
        + "Всего;150;6;99,00\n";
    Path file = tmp.resolve("x.csv");
    Files.writeString(file, csv);
    try (DefaultReportResult result = result(file, ReportFileKind.CSV, List.of("7"))) {
      List<ReportMismatch> mismatches = result.mismatches();
      assertEquals(1, mismatches.size(), mismatches.toString());
      ReportMismatch m = mismatches.get(0);
      assertEquals("7", m.campaignId());
      assertEquals(ReportRow.SPEND, m.column());
      assertEquals(new BigDecimal("15.00"), m.rowsSum());
      assertEquals(new BigDecimal("99.00"), m.ozonTotal());
      assertTrue(m.toString().contains("campaign 7"), m.toString());
    }
  }

  @Test
  void aLayoutWithoutASpendColumnIsAnErrorNamingTheHeaderLine() throws IOException {
    Path file = tmp.resolve("x.csv");
    Files.writeString(file, ";Кампания № 5\nДень;Показы;Клики;Деньги потрачены\n01.10.2026;1;1;1,00\n");
    try (DefaultReportResult result = result(file, ReportFileKind.CSV, List.of())) {
      OzonMalformedResponseException e = assertThrows(OzonMalformedResponseException.class, result::totals);
      assertTrue(e.getMessage().contains("no spend column"), e.getMessage());
      assertTrue(e.getMessage().contains("День;Показы;Клики;Деньги потрачены"), e.getMessage());
    }
  }

  @Test
  void aFileWithLinesButNoKnownHeaderIsAnErrorNotAnEmptyReport() throws IOException {
    Path file = tmp.resolve("x.csv");
    Files.writeString(file, "Колонка А;Колонка Б\n1;2\n3;4\n");
    try (DefaultReportResult result = result(file, ReportFileKind.CSV, List.of())) {
      OzonMalformedResponseException e = assertThrows(OzonMalformedResponseException.class, result::totals);
      assertTrue(e.getMessage().contains("no header line of a known report layout"), e.getMessage());
    }
  }

  @Test
  void jsonReportTotalsAndCorrectionsAreReadAndChecked() throws IOException {
    String json = "{\"11\":{\"report\":{\"rows\":[{\"views\":\"10\",\"clicks\":\"1\",\"moneySpent\":\"5,00\"},"
        + "{\"views\":\"20\",\"clicks\":\"2\",\"moneySpent\":\"7,50\"}],"
        + "\"totals\":{\"views\":\"30\",\"clicks\":\"3\",\"moneySpent\":\"10,00\",\"corrections\":\"-2,50\"}}}}";
    Path file = tmp.resolve("r.json");
    Files.writeString(file, json);
    try (DefaultReportResult result = result(file, ReportFileKind.JSON, List.of("11"))) {
      assertEquals(new BigDecimal("12.50"), result.totals().spend());
      assertEquals(new BigDecimal("-2.50"), result.totals().corrections());
      assertEquals(new BigDecimal("10.00"), result.totals().spendWithCorrections());
      assertEquals(List.of(), result.mismatches(), "Ozon's total includes the correction");
    }
  }

  @Test
  void theCorpusJsonReportGivesItsRowsPerPageType() throws IOException {
    Path json = CORPUS.resolve("report-json/statistics-json-report.json");
    try (DefaultReportResult result = result(copy(json), ReportFileKind.JSON, List.of())) {
      assertEquals(List.of(), result.mismatches());
      assertEquals(new BigDecimal("586.75"), result.totals().spend());
      try (Stream<ReportRow> rows = result.rows()) {
        List<String> pages = new ArrayList<>();
        rows.forEach(r -> pages.add(r.get(ReportRow.PAGE_TYPE)));
        assertEquals(List.of("Категории", "Поиск"), pages);
      }
    }
  }

  static void assertMoney(String expected, BigDecimal actual, String what) {
    assertEquals(0, new BigDecimal(expected).compareTo(actual), what + ": expected " + expected + ", got " + actual);
  }
}
