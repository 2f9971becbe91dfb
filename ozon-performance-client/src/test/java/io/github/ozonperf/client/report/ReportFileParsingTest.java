package io.github.ozonperf.client.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.github.ozonperf.client.internal.report.CsvRows;
import io.github.ozonperf.client.internal.report.JsonRows;
import io.github.ozonperf.client.internal.report.ReportFileKind;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportFileParsingTest {
  static final String OZON_CSV = "\uFEFFКампания по продвижению товаров № 4567, период 01.10.2026-02.10.2026\n"
      + "Дата;sku;Название товара;Цена товара, ₽;Показы;Клики;CTR (%);В корзину;"
      + "Средняя стоимость клика, ₽;Расход, ₽, с НДС;Заказы;Продажи, ₽;Новая метрика\n"
      + "01.10.2026;111;Чайник;1 990,00;1 200;36;3,00;4;5,50;198,00;2;3 980,00;x\n"
      + "02.10.2026;111;Чайник;1 990,00;800;8;1,00;0;6,25;50,00;0;0,00;y\n"
      + "Всего;;;;2 000;44;2,20;4;;248,00;2;3 980,00;\n";

  static List<ReportRow> read(CsvRows rows) throws Exception {
    List<ReportRow> list = new ArrayList<>();
    try (rows) {
      rows.forEachRemaining(list::add);
    }
    return list;
  }

  @Test
  void csvWithBomTitleLineSemicolonsAndRussianHeadersGivesTypedRows() throws Exception {
    List<ReportRow> rows = read(CsvRows.open(new StringReader(OZON_CSV), null));

    assertEquals(2, rows.size());
    ReportRow first = rows.get(0);
    assertEquals("4567", first.campaignId());
    assertEquals(LocalDate.of(2026, 10, 1), first.date());
    assertEquals("111", first.sku());
    assertEquals("Чайник", first.title());
    assertEquals(1200L, first.views());
    assertEquals(36L, first.clicks());
    assertEquals(new BigDecimal("198.00"), first.spend());
    assertEquals(2L, first.orders());
    assertEquals(new BigDecimal("3980.00"), first.ordersMoney());
    assertEquals(new BigDecimal("5.50"), first.avgCpc());
    assertEquals(new BigDecimal("3.00"), first.ctr());
    assertEquals("4", first.get("toCart"));
    assertEquals("x", first.get("Новая метрика"), "unknown columns keep their original header");
  }

  @Test
  void totalLineIsSkippedAndTotalsAreComputedFromCounts() throws Exception {
    List<ReportRow> rows = read(CsvRows.open(new StringReader(OZON_CSV), "4567"));

    ReportTotals totals = ReportTotals.EMPTY;
    for (ReportRow row : rows) {
      totals = totals.plus(row);
    }
    assertEquals(2, totals.rows());
    assertEquals(2000, totals.views());
    assertEquals(44, totals.clicks());
    assertEquals(new BigDecimal("2.2000"), totals.ctr());
    assertEquals(new BigDecimal("5.6364"), totals.avgCpc());
    assertEquals(new BigDecimal("6.2312"), totals.drr());
  }

  @Test
  void csvWithoutTitleLineAndWithIsoDatesAndEmptyValues() throws Exception {
    String csv = "Дата;Показы;Клики;Расход, ₽\n2026-10-01;10;;\n";

    List<ReportRow> rows = read(CsvRows.open(new StringReader(csv), "9"));

    assertEquals(1, rows.size());
    assertEquals(LocalDate.of(2026, 10, 1), rows.get(0).date());
    assertEquals(10L, rows.get(0).views());
    assertNull(rows.get(0).clicks());
    assertNull(rows.get(0).spend());
  }

  @Test
  void commaSeparatedCsvIsDetectedWhenTheFileHasNoSemicolon() throws Exception {
    String csv = "date,views,clicks,moneySpent\n2026-10-01,5,1,\"2,50\"\n";

    List<ReportRow> rows = read(CsvRows.open(new StringReader(csv), "9"));

    assertEquals(new BigDecimal("2.50"), rows.get(0).spend());
    assertEquals(1L, rows.get(0).clicks());
  }

  @Test
  void jsonReportKeyedByCampaignStreamsRowsAndSkipsOzonTotals() throws Exception {
    String json = "{\"11\":{\"title\":\"A\",\"report\":{\"totals\":{\"views\":\"999\"},\"rows\":["
        + "{\"date\":\"2026-10-01\",\"views\":\"1 000\",\"clicks\":\"10\",\"moneySpent\":\"12,5\","
        + "\"avgBid\":\"1,25\",\"orders\":\"1\",\"ordersMoney\":\"100\",\"extra\":{\"x\":1}}]}},"
        + "\"22\":{\"report\":{\"rows\":[{\"date\":\"2026-10-01\",\"views\":5,\"clicks\":null}]}}}";

    List<ReportRow> rows = new ArrayList<>();
    try (JsonRows it = new JsonRows(new StringReader(json))) {
      it.forEachRemaining(rows::add);
    }

    assertEquals(2, rows.size());
    assertEquals("11", rows.get(0).campaignId());
    assertEquals(1000L, rows.get(0).views());
    assertEquals(new BigDecimal("12.5"), rows.get(0).spend());
    assertEquals(new BigDecimal("1.25"), rows.get(0).avgCpc(), "avgBid of daily/JSON reports is the average cost per click");
    assertFalse(rows.get(0).columns().containsKey("extra"), "nested values are skipped");
    assertEquals("22", rows.get(1).campaignId());
    assertEquals(5L, rows.get(1).views());
    assertNull(rows.get(1).clicks());
  }

  @Test
  void fileKindComesFromMagicBytesBeforeContentType() {
    byte[] zip = {'P', 'K', 3, 4, 0};
    byte[] json = "\uFEFF {\"1\":{}}".getBytes(StandardCharsets.UTF_8);
    byte[] csv = "Дата;Показы".getBytes(StandardCharsets.UTF_8);

    assertEquals(ReportFileKind.ZIP, ReportFileKind.detect("text/csv", zip, zip.length));
    assertEquals(ReportFileKind.JSON, ReportFileKind.detect("application/octet-stream", json, json.length));
    assertEquals(ReportFileKind.CSV, ReportFileKind.detect("text/csv; charset=utf-8", csv, csv.length));
    assertEquals(ReportFileKind.CSV, ReportFileKind.detect(null, csv, csv.length));
  }
}
