package io.github.ozonperf.client.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.ozonperf.client.internal.report.DefaultReports;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import mockwebserver3.MockResponseBody;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import okio.BufferedSink;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Run by the dedicated surefire execution with -Xmx64m: a 200 MB report must never sit in memory. */
@Tag("small-heap")
class StreamedDownloadSmallHeapTest {
  private static final long TARGET_BYTES = 200L * 1024 * 1024;
  private static final byte[] HEADER = ("\uFEFFКампания № 4567, период 01.10.2026-31.10.2026\n"
      + "Дата;sku;Название товара;Цена товара, ₽;Показы;Клики;CTR (%);Расход, ₽;Заказы;Продажи, ₽\n")
      .getBytes(StandardCharsets.UTF_8);
  private static final byte[] LINE =
      "01.10.2026;123456789;Чайник электрический;1 990,00;1 200;36;3,00;198,50;2;3 980,00\n"
          .getBytes(StandardCharsets.UTF_8);
  private static final long LINES = (TARGET_BYTES - HEADER.length + LINE.length - 1) / LINE.length;

  @StartStop
  final MockWebServer server = new MockWebServer();

  @TempDir
  Path tempDir;

  @Test
  void twoHundredMegabyteReportStreamsToDiskAndRowsUnderASmallHeap() throws Exception {
    assertTrue(Runtime.getRuntime().maxMemory() <= 96L * 1024 * 1024,
        "run this test with -Xmx64m (surefire execution 'small-heap'), max heap was "
            + Runtime.getRuntime().maxMemory());
    FakeOzon ozon = new FakeOzon();
    ozon.download = uuid -> new MockResponse.Builder()
        .addHeader("Content-Type", "text/csv")
        .body(new MockResponseBody() {
          @Override
          public long getContentLength() {
            return HEADER.length + LINES * LINE.length;
          }

          @Override
          public void writeTo(BufferedSink sink) throws IOException {
            sink.write(HEADER);
            for (long i = 0; i < LINES; i++) {
              sink.write(LINE);
            }
          }
        }).build();
    server.setDispatcher(ozon);
    DefaultReports reports = FakeOzon.reports(server, server.url("/") + "|small-heap",
        ReportOptions.builder().clock(new FakeOzon.FakeClock()).tempDir(tempDir).build());
    ReportRequest request = ReportRequest.builder().campaignIds(List.of("4567"))
        .dateFrom(LocalDate.of(2026, 10, 1)).dateTo(LocalDate.of(2026, 10, 31)).build();

    try (ReportResult result = reports.run(request)) {
      Path file = result.files().get(0);
      assertEquals(HEADER.length + LINES * LINE.length, Files.size(file));
      assertTrue(Files.size(file) >= TARGET_BYTES);
      ReportTotals totals = result.totals();
      assertEquals(LINES, totals.rows());
      assertEquals(LINES * 1200, totals.views());
      assertEquals(LINES * 36, totals.clicks());
      try (Stream<ReportRow> rows = result.rows()) {
        assertEquals("4567", rows.findFirst().orElseThrow().campaignId());
      }
    }
    try (Stream<Path> left = Files.list(tempDir)) {
      assertEquals(0, left.count());
    }
  }
}
