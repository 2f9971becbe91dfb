package io.github.ozonperf.client.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.ozonperf.client.OzonApiException;
import io.github.ozonperf.client.OzonConnectionException;
import io.github.ozonperf.client.OzonMalformedResponseException;
import io.github.ozonperf.client.OzonNotFoundException;
import io.github.ozonperf.client.OzonPermissionException;
import io.github.ozonperf.client.OzonReportNotReadyException;
import io.github.ozonperf.client.OzonReportException;
import io.github.ozonperf.client.OzonReportTimeoutException;
import io.github.ozonperf.client.internal.report.AccountGate;
import io.github.ozonperf.client.internal.report.DefaultReports;
import io.github.ozonperf.client.internal.report.PollSchedule;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import okio.Buffer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;

class DefaultReportsTest {
  @StartStop
  final MockWebServer server = new MockWebServer();

  @TempDir
  Path tempDir;

  final FakeOzon ozon = new FakeOzon();
  final FakeOzon.FakeClock clock = new FakeOzon.FakeClock();
  DefaultReports reports;

  @BeforeEach
  void setUp(TestInfo info) {
    server.setDispatcher(ozon);
    reports = FakeOzon.reports(server, server.url("/") + info.getDisplayName(), options().build());
  }

  ReportOptions.Builder options() {
    return ReportOptions.builder().clock(clock).tempDir(tempDir).timeout(Duration.ofMinutes(10));
  }

  static ReportRequest request(int campaigns, LocalDate from, LocalDate to, ReportFormat format) {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < campaigns; i++) {
      ids.add(String.valueOf(101 + i));
    }
    return ReportRequest.builder().campaignIds(ids).dateFrom(from).dateTo(to).format(format).build();
  }

  static final LocalDate OCT_1 = LocalDate.of(2026, 10, 1);

  static MockResponse file(String contentType, byte[] bytes) {
    return new MockResponse.Builder().code(200).addHeader("Content-Type", contentType)
        .body(new Buffer().write(bytes)).build();
  }

  static byte[] zipOf(Map<String, String> entries) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      for (Map.Entry<String, String> e : entries.entrySet()) {
        zip.putNextEntry(new ZipEntry(e.getKey()));
        zip.write(e.getValue().getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
      }
    }
    return bytes.toByteArray();
  }

  static String csv(String campaign, int views, int clicks, String spend) {
    return "Кампания № " + campaign + ", период 01.10.2026-01.10.2026\n"
        + "Дата;Показы;Клики;Расход, ₽\n01.10.2026;" + views + ";" + clicks + ";" + spend + "\n"
        + "Всего;" + views + ";" + clicks + ";" + spend + "\n";
  }

  List<Path> filesLeft() throws IOException {
    try (Stream<Path> files = Files.list(tempDir)) {
      return files.collect(Collectors.toList());
    }
  }

  @Test
  void pollsWithIntervalsGrowingFromOneSecondByOnePointFive() {
    ozon.status = (uuid, n) -> FakeOzon.state(n < 7 ? "IN_PROGRESS" : "OK");
    ozon.download = uuid -> file("text/csv", csv("101", 1, 0, "0").getBytes(StandardCharsets.UTF_8));
    List<ReportProgressEvent> events = new ArrayList<>();

    try (ReportResult result = reports.run(request(1, OCT_1, OCT_1, ReportFormat.CSV), events::add)) {
      assertEquals(List.of(ms(1000), ms(1500), ms(2250), ms(3375), us(5_062_500), us(7_593_750),
          ns(11_390_625_000L)), clock.sleeps);
      assertEquals(7, ozon.statusCalls.get());
      assertEquals(1, ozon.submits.get());
      assertEquals(9, events.size(), "submit + 7 polls + download");
      assertEquals(ReportState.NOT_STARTED, events.get(0).state());
      assertEquals(ReportState.IN_PROGRESS, events.get(1).state());
      assertEquals(ReportState.OK, events.get(8).state());
      assertEquals(Duration.ofNanos(32_171_875_000L), events.get(8).elapsed());
      assertEquals("r-1", events.get(8).uuid());
      assertEquals(1, events.get(8).chunkCount());
      assertEquals(1, result.totals().rows());
    }
  }

  @Test
  void interruptingARunCancelsItNoNewSubmitNoFurtherPollSlotReleasedUuidsKept(TestInfo info) throws Exception {
    java.util.concurrent.atomic.AtomicReference<Throwable> failure = new java.util.concurrent.atomic.AtomicReference<>();
    Thread runner = new Thread(() -> {
      try (ReportResult ignored = reports.run(request(11, OCT_1, OCT_1, ReportFormat.CSV))) {
        failure.set(new AssertionError("the run finished"));
      } catch (Throwable e) {
        failure.set(e);
      }
    });
    ozon.status = (uuid, n) -> {
      if (n == 3) {
        runner.interrupt(); // what the MCP layer does on notifications/cancelled (future.cancel(true))
      }
      return FakeOzon.state("IN_PROGRESS");
    };
    runner.start();
    runner.join(10_000);

    assertFalse(runner.isAlive(), "the run stopped");
    ReportTimeoutException e = assertInstanceOf(ReportTimeoutException.class, failure.get());
    assertTrue(e.cancelled(), e.getMessage());
    assertEquals(List.of("r-1"), e.uuids(), "the submitted report is kept");
    assertTrue(e.getMessage().contains("r-1=IN_PROGRESS"), e.getMessage());
    assertEquals(1, ozon.submits.get(), "the second chunk is never submitted");
    assertEquals(3, ozon.statusCalls.get(), "no poll after the cancel");
    assertEquals(0, ozon.downloads.get());
    assertEquals(1, AccountGate.slot(server.url("/") + info.getDisplayName()).availablePermits(),
        "the account's report slot is released");
    assertEquals(List.of(), filesLeft());
  }

  @Test
  void aRunOnAnInterruptedThreadSubmitsNothingAndSaysItWasCancelled() {
    Thread.currentThread().interrupt();
    ReportTimeoutException e;
    try {
      e = assertThrows(ReportTimeoutException.class, () -> reports.run(request(1, OCT_1, OCT_1, ReportFormat.CSV)));
    } finally {
      Thread.interrupted();
    }
    assertTrue(e.cancelled());
    assertEquals(0, ozon.submits.get());
    assertTrue(e.getMessage().contains("cancelled"), e.getMessage());
  }

  @Test
  void pollIntervalStopsGrowingAtThirtySeconds() {
    PollSchedule schedule = new PollSchedule(Duration.ofSeconds(1), 1.5, Duration.ofSeconds(30));
    List<Duration> intervals = new ArrayList<>();
    for (int i = 0; i < 11; i++) {
      intervals.add(schedule.next());
    }
    assertEquals(ns(25_628_906_250L), intervals.get(8));
    assertEquals(Duration.ofSeconds(30), intervals.get(9));
    assertEquals(Duration.ofSeconds(30), intervals.get(10));
  }

  @Test
  void honoursRetryAfterOn429WhilePolling() {
    ozon.status = (uuid, n) -> n == 1
        ? new MockResponse.Builder().code(429).addHeader("Retry-After", "7")
            .body("{\"error\":\"too many requests\"}").build()
        : FakeOzon.state(n == 2 ? "IN_PROGRESS" : "OK");
    ozon.download = uuid -> file("text/csv", csv("101", 1, 0, "0").getBytes(StandardCharsets.UTF_8));

    try (ReportResult result = reports.run(request(1, OCT_1, OCT_1, ReportFormat.CSV))) {
      assertEquals(List.of(ms(1000), ms(7000), ms(1500)), clock.sleeps);
      assertEquals(3, ozon.statusCalls.get());
      assertEquals(ReportState.OK, result.chunks().get(0).state());
    }
  }

  @Test
  void submitRejectedBecauseAnotherReportIsGeneratingIsRetriedOnTheSchedule() {
    ozon.submitScript = n -> n <= 2 ? FakeOzon.json(429,
        "{\"error\":\"Превышен лимит активных запросов (максимум 1)\"}") : null;
    ozon.download = uuid -> file("text/csv", csv("101", 1, 0, "0").getBytes(StandardCharsets.UTF_8));

    try (ReportResult result = reports.run(request(1, OCT_1, OCT_1, ReportFormat.CSV))) {
      assertEquals(3, ozon.submits.get());
      assertEquals("r-1", result.chunks().get(0).uuid());
      // two waits before the accepted submit, then the first status poll
      assertEquals(List.of(ms(1000), ms(1500), ms(1000)), clock.sleeps);
    }
  }

  @Test
  void submitRejectedForTheDailyQuotaIsSurfacedAtOnce() {
    ozon.submitScript = n -> FakeOzon.json(429, "{\"error\":\"daily report limit exceeded\"}");

    io.github.ozonperf.client.OzonRateLimitException e = assertThrows(
        io.github.ozonperf.client.OzonRateLimitException.class,
        () -> reports.run(request(1, OCT_1, OCT_1, ReportFormat.CSV)));

    assertEquals("daily report limit exceeded", e.ozonError());
    assertEquals(1, ozon.submits.get());
    assertEquals(List.of(), clock.sleeps);
  }

  @Test
  void singleCampaignCsvWithTitleLineBomAndRussianHeadersIsParsed() throws Exception {
    ozon.download = uuid -> file("text/csv; charset=utf-8",
        ReportFileParsingTest.OZON_CSV.getBytes(StandardCharsets.UTF_8));
    ReportRequest request = ReportRequest.builder().campaignIds(List.of("4567")).dateFrom(OCT_1)
        .dateTo(OCT_1.plusDays(1)).build();

    try (ReportResult result = reports.run(request)) {
      List<ReportRow> rows;
      try (Stream<ReportRow> stream = result.rows()) {
        rows = stream.collect(Collectors.toList());
      }
      assertEquals(2, rows.size());
      assertEquals("4567", rows.get(0).campaignId());
      assertEquals(1200L, rows.get(0).views());
      assertEquals(new BigDecimal("248.00"), result.totals().spend());
      assertEquals(new BigDecimal("2.2000"), result.totals().ctr());
      assertEquals("r-1", result.chunks().get(0).uuid());
      assertEquals(ReportState.OK, result.chunks().get(0).state());
    }
    String body = ozon.submitBodies.get(0);
    assertTrue(body.contains("\"campaigns\":[\"4567\"]"), body);
    assertTrue(body.contains("\"dateFrom\":\"2026-10-01\""), body);
    assertTrue(body.contains("\"dateTo\":\"2026-10-02\""), body);
    assertTrue(body.contains("\"groupBy\":\"DATE\""), body);
    assertTrue(ozon.downloadAccepts.get(0).contains("application/zip"), ozon.downloadAccepts.get(0));
    assertEquals(0, ozon.jsonSubmits.get());
  }

  @Test
  void zipWithThreeCsvsGivesRowsOfEachCampaign() throws Exception {
    byte[] zip = zipOf(Map.of("101.csv", csv("101", 100, 3, "30,00"), "102.csv",
        csv("102", 200, 4, "40,50"), "103.csv", csv("103", 300, 5, "1 000,25")));
    ozon.download = uuid -> file("application/zip", zip);

    try (ReportResult result = reports.run(request(3, OCT_1, OCT_1, ReportFormat.CSV))) {
      Map<String, Long> viewsByCampaign;
      try (Stream<ReportRow> rows = result.rows()) {
        viewsByCampaign = rows.collect(Collectors.toMap(ReportRow::campaignId, ReportRow::views));
      }
      assertEquals(Map.of("101", 100L, "102", 200L, "103", 300L), viewsByCampaign);
      ReportTotals totals = result.totals();
      assertEquals(3, totals.rows());
      assertEquals(600, totals.views());
      assertEquals(12, totals.clicks());
      assertEquals(new BigDecimal("1070.75"), totals.spend());
      assertEquals(1, result.files().size());
      assertTrue(result.files().get(0).toString().endsWith(".zip"));
    }
  }

  @Test
  void zipLabelledAsOctetStreamIsDetectedByMagicBytes() throws Exception {
    byte[] zip = zipOf(Map.of("101.csv", csv("101", 1, 1, "1"), "102.csv", csv("102", 2, 1, "1")));
    ozon.download = uuid -> file("application/octet-stream", zip);

    try (ReportResult result = reports.run(request(2, OCT_1, OCT_1, ReportFormat.CSV))) {
      assertEquals(3, result.totals().views());
    }
  }

  @Test
  void jsonReportIsSubmittedToTheJsonTwinAndParsed() {
    String json = "{\"101\":{\"report\":{\"rows\":[{\"date\":\"2026-10-01\",\"views\":\"1 500\","
        + "\"clicks\":\"15\",\"moneySpent\":\"75,5\",\"orders\":\"3\",\"ordersMoney\":\"3 020\"}],"
        + "\"totals\":{\"views\":\"1 500\"}}},\"102\":{\"report\":{\"rows\":[{\"date\":\"2026-10-01\","
        + "\"views\":\"500\",\"clicks\":\"5\",\"moneySpent\":\"24,5\"}]}}}";
    ozon.download = uuid -> file("application/json", json.getBytes(StandardCharsets.UTF_8));

    try (ReportResult result = reports.run(request(2, OCT_1, OCT_1, ReportFormat.JSON))) {
      ReportTotals totals = result.totals();
      assertEquals(2000, totals.views());
      assertEquals(20, totals.clicks());
      assertEquals(new BigDecimal("100.0"), totals.spend());
      assertEquals(new BigDecimal("5.0000"), totals.avgCpc());
      assertEquals(new BigDecimal("1.0000"), totals.ctr());
    }
    assertEquals(1, ozon.jsonSubmits.get());
  }

  @Test
  void errorStateRaisesOzonReportExceptionWithOzonsReason() throws Exception {
    ozon.status = (uuid, n) -> FakeOzon.json(200,
        "{\"UUID\":\"" + uuid + "\",\"state\":\"ERROR\",\"error\":\"campaign 101 not found\"}");

    OzonReportException e = assertThrows(OzonReportException.class,
        () -> reports.run(request(1, OCT_1, OCT_1, ReportFormat.CSV)));

    assertEquals("campaign 101 not found", e.ozonError());
    assertEquals("r-1", e.uuid());
    assertTrue(e.getMessage().contains("campaign 101 not found"), e.getMessage());
    assertEquals(0, ozon.downloads.get());
  }

  @Test
  void failedSecondChunkDeletesTheFirstChunksFile() throws Exception {
    ozon.status = (uuid, n) -> uuid.equals("r-1") ? FakeOzon.state("OK")
        : FakeOzon.json(200, "{\"state\":\"ERROR\",\"error\":\"internal\"}");
    ozon.download = uuid -> file("text/csv", csv("101", 1, 0, "0").getBytes(StandardCharsets.UTF_8));

    assertThrows(OzonReportException.class,
        () -> reports.run(request(1, OCT_1, OCT_1.plusDays(70), ReportFormat.CSV)));

    assertEquals(1, ozon.downloads.get());
    assertEquals(List.of(), filesLeft());
  }

  @Test
  void timeoutKeepsEveryChunksUuidAndState() throws Exception {
    reports = FakeOzon.reports(server, server.url("/") + "timeout",
        options().timeout(Duration.ofSeconds(10)).build());
    ozon.status = (uuid, n) -> FakeOzon.state("IN_PROGRESS");

    ReportTimeoutException e = assertThrows(ReportTimeoutException.class,
        () -> reports.run(request(12, OCT_1, OCT_1, ReportFormat.CSV)));

    assertEquals(2, e.chunks().size());
    assertEquals("r-1", e.chunks().get(0).uuid());
    assertEquals(ReportState.IN_PROGRESS, e.chunks().get(0).state());
    assertEquals(10, e.chunks().get(0).campaignIds().size());
    assertNull(e.chunks().get(1).uuid());
    assertEquals(ReportState.NOT_SUBMITTED, e.chunks().get(1).state());
    assertEquals(List.of("r-1"), ((OzonReportTimeoutException) e).uuids());
    assertEquals(Duration.ofSeconds(10), e.elapsed());
    assertTrue(e.getMessage().contains("r-1=IN_PROGRESS"), e.getMessage());
    assertEquals(1, ozon.submits.get());
    // 1 + 1.5 + 2.25 + 3.375 = 8.125 s, then the last wait is cut to the 1.875 s left
    assertEquals(List.of(ms(1000), ms(1500), ms(2250), ms(3375), ms(1875)), clock.sleeps);
    assertEquals(List.of(), filesLeft());
  }

  @Test
  void timedOutReportIsResumedByUuid() {
    ozon.status = (uuid, n) -> FakeOzon.json(200, "{\"UUID\":\"" + uuid + "\",\"state\":\"OK\","
        + "\"request\":{\"campaigns\":[\"77\"],\"dateFrom\":\"2026-10-01\",\"dateTo\":\"2026-10-03\"}}");
    ozon.download = uuid -> file("text/csv",
        "Дата;Показы;Клики;Расход, ₽\n01.10.2026;10;1;2,50\n".getBytes(StandardCharsets.UTF_8));

    assertEquals(new ReportStatusView("r-old", ReportState.OK, null), reports.status("r-old"));
    try (ReportResult result = reports.download("r-old", ReportFormat.CSV)) {
      List<ReportRow> rows;
      try (Stream<ReportRow> stream = result.rows()) {
        rows = stream.collect(Collectors.toList());
      }
      assertEquals(1, rows.size());
      assertEquals("77", rows.get(0).campaignId());
      assertEquals(List.of("77"), result.chunks().get(0).campaignIds());
      assertEquals(LocalDate.of(2026, 10, 3), result.chunks().get(0).dateTo());
    }
    assertEquals(0, ozon.submits.get());
  }

  @Test
  void downloadOfAnUnfinishedReportIsAnOzonApiExceptionSayingToPollFirst() {
    ozon.status = (uuid, n) -> FakeOzon.state("IN_PROGRESS");

    OzonReportNotReadyException e = assertThrows(OzonReportNotReadyException.class,
        () -> reports.download("r-9", ReportFormat.CSV));
    assertEquals("r-9", e.uuid());
    assertEquals(ReportState.IN_PROGRESS, e.state());
    assertTrue(e.isRetryable());
    assertEquals(-1, e.statusCode());
    assertEquals("report r-9 is IN_PROGRESS at Ozon, not OK yet: poll reports().status(uuid) until it is OK, "
        + "then download it (nothing is lost meanwhile)", e.getMessage());
    assertEquals(0, ozon.downloads.get());
  }

  @Test
  void downloadOfAFailedReportRaisesOzonReportExceptionWithTheReason() {
    ozon.status = (uuid, n) -> FakeOzon.json(200, "{\"state\":\"ERROR\",\"error\":\"no data\"}");

    OzonReportException e = assertThrows(OzonReportException.class,
        () -> reports.download("r-9", ReportFormat.CSV));
    assertEquals("no data", e.ozonError());
    assertEquals(0, ozon.downloads.get());
  }

  @Test
  void aTransientServerErrorWhilePollingDoesNotLoseTheReport() {
    ozon.status = (uuid, n) -> n == 1 ? FakeOzon.json(503, "{\"error\":\"unavailable\"}") : FakeOzon.state("OK");
    ozon.download = uuid -> file("text/csv", csv("101", 1, 0, "0").getBytes(StandardCharsets.UTF_8));

    try (ReportResult result = reports.run(request(1, OCT_1, OCT_1, ReportFormat.CSV))) {
      assertEquals(2, ozon.statusCalls.get());
      assertEquals(List.of(ms(1000), ms(1500)), clock.sleeps, "the failed poll is followed by the next interval");
      assertEquals(1, result.totals().rows());
    }
  }

  @Test
  void persistentPollFailuresEndInATimeoutThatKeepsTheUuid() {
    reports = FakeOzon.reports(server, server.url("/") + "poll-fails",
        options().timeout(Duration.ofSeconds(5)).build());
    ozon.status = (uuid, n) -> FakeOzon.json(502, "{}");

    ReportTimeoutException e = assertThrows(ReportTimeoutException.class,
        () -> reports.run(request(1, OCT_1, OCT_1, ReportFormat.CSV)));
    assertEquals(List.of("r-1"), e.uuids());
    assertEquals(ReportState.NOT_STARTED, e.chunks().get(0).state());
  }

  @Test
  void aDownloadThatBreaksOffMidBodyIsRetried() throws Exception {
    byte[] body = csv("101", 7, 1, "2").getBytes(StandardCharsets.UTF_8);
    java.util.concurrent.atomic.AtomicInteger attempts = new java.util.concurrent.atomic.AtomicInteger();
    ozon.download = uuid -> attempts.incrementAndGet() == 1
        ? new MockResponse.Builder().addHeader("Content-Type", "text/csv").body(new Buffer().write(new byte[64 * 1024]))
            .onResponseBody(new mockwebserver3.SocketEffect.CloseSocket()).build()
        : file("text/csv", body);

    try (ReportResult result = reports.run(request(1, OCT_1, OCT_1, ReportFormat.CSV))) {
      assertEquals(7, result.totals().views());
    }
    assertEquals(2, ozon.downloads.get());
    assertEquals(List.of(ms(1000), ms(1000)), clock.sleeps, "one poll, then one wait before the second download");
    assertTrue(filesLeft().isEmpty(), "no .part file is left behind: " + filesLeft());
  }

  @Test
  void aDownloadThatKeepsBreakingOffNamesTheUuidToResumeWith() throws Exception {
    ozon.download = uuid -> new MockResponse.Builder().addHeader("Content-Type", "text/csv")
        .body(new Buffer().write(new byte[64 * 1024]))
        .onResponseBody(new mockwebserver3.SocketEffect.CloseSocket()).build();

    OzonConnectionException e = assertThrows(OzonConnectionException.class,
        () -> reports.run(request(1, OCT_1, OCT_1, ReportFormat.CSV)));
    assertEquals(3, ozon.downloads.get());
    assertTrue(e.getMessage().contains("reports().download(\"r-1\", ReportFormat.CSV)"), e.getMessage());
    assertTrue(filesLeft().isEmpty(), filesLeft().toString());
  }

  @Test
  void aMissingTempDirIsReportedAsALocalProblemNotAConnectionFailure() {
    Path missing = tempDir.resolve("does-not-exist");
    reports = FakeOzon.reports(server, server.url("/") + "no-dir", options().tempDir(missing).build());
    ozon.download = uuid -> file("text/csv", csv("101", 1, 0, "0").getBytes(StandardCharsets.UTF_8));

    OzonApiException e = assertThrows(OzonApiException.class,
        () -> reports.run(request(1, OCT_1, OCT_1, ReportFormat.CSV)));
    assertFalse(e instanceof OzonConnectionException, e.toString());
    assertFalse(e.isRetryable());
    assertTrue(e.getMessage().contains("ReportOptions.tempDir"), e.getMessage());
    assertTrue(e.getMessage().contains("reports().download(\"r-1\""), e.getMessage());
    assertEquals(1, ozon.downloads.get());
  }

  @Test
  void aCorruptZipSurfacesAsMalformedResponseWhileReadingRows() throws Exception {
    byte[] zip = zipOf(Map.of("101.csv", csv("101", 1, 1, "1"), "102.csv", csv("102", 2, 1, "1")));
    byte[] broken = java.util.Arrays.copyOf(zip, 40); // a local header, then the data breaks off
    ozon.download = uuid -> file("application/zip", broken);

    try (ReportResult result = reports.run(request(2, OCT_1, OCT_1, ReportFormat.CSV))) {
      OzonMalformedResponseException e = assertThrows(OzonMalformedResponseException.class, result::totals);
      assertTrue(e.getMessage().contains("could not be parsed"), e.getMessage());
    }
  }

  @Test
  void aJsonReportOfTheWrongShapeIsMalformedNotADiskProblem() {
    ozon.download = uuid -> file("application/json", "{\"101\":{\"report\":{\"rows\":[{\"views\":"
        .getBytes(StandardCharsets.UTF_8));

    try (ReportResult result = reports.run(request(1, OCT_1, OCT_1, ReportFormat.JSON))) {
      assertThrows(OzonMalformedResponseException.class, result::totals);
    }
  }

  @Test
  void aReportFileDeletedUnderneathIsALocalFileProblem() throws Exception {
    ozon.download = uuid -> file("text/csv", csv("101", 1, 0, "0").getBytes(StandardCharsets.UTF_8));

    try (ReportResult result = reports.run(request(1, OCT_1, OCT_1, ReportFormat.CSV))) {
      Files.delete(result.files().get(0));
      OzonApiException e = assertThrows(OzonApiException.class, result::totals);
      assertFalse(e instanceof OzonMalformedResponseException, e.toString());
      assertTrue(e.getMessage().contains("reports().download(uuid, format)"), e.getMessage());
    }
  }

  @Test
  void errorsOfTheGeneratedClientNeverCarryHeadersOrBodiesInTheirCauses() {
    ozon.status = (uuid, n) -> new MockResponse.Builder().code(403).addHeader("Content-Type", "application/json")
        .addHeader("X-Secret-Header", "HEADER-MARKER").body("{\"error\":\"forbidden\",\"x\":\"BODY-MARKER\"}")
        .build();

    OzonPermissionException e = assertThrows(OzonPermissionException.class, () -> reports.status("u-1"));
    assertEquals("forbidden", e.ozonError());
    for (Throwable t = e; t != null; t = t.getCause()) {
      assertFalse(String.valueOf(t.getMessage()).contains("HEADER-MARKER"), t.toString());
      assertFalse(String.valueOf(t.getMessage()).contains("BODY-MARKER"), t.toString());
    }
  }

  @Test
  void unknownReportUuidMapsToNotFoundWithOzonsText() {
    ozon.status = (uuid, n) -> FakeOzon.json(404, "{\"error\":\"report not found\"}");

    OzonNotFoundException e = assertThrows(OzonNotFoundException.class, () -> reports.status("nope"));
    assertEquals(404, e.statusCode());
    assertEquals("report not found", e.ozonError());
  }

  @Test
  void closeDeletesTheDownloadedFiles() throws Exception {
    ozon.download = uuid -> file("text/csv", csv("101", 1, 0, "0").getBytes(StandardCharsets.UTF_8));
    ReportResult result = reports.run(request(1, OCT_1, OCT_1.plusDays(70), ReportFormat.CSV));
    assertEquals(2, filesLeft().size());
    assertTrue(filesLeft().stream().noneMatch(p -> p.toString().endsWith(".part")));

    result.close();

    assertEquals(List.of(), filesLeft());
    assertThrows(IllegalStateException.class, result::rows);
  }

  @Test
  void unknownStateIsTreatedAsStillRunning() {
    ozon.status = (uuid, n) -> FakeOzon.state(n == 1 ? "QUEUED_SOMEWHERE_NEW" : "OK");
    ozon.download = uuid -> file("text/csv", csv("101", 1, 0, "0").getBytes(StandardCharsets.UTF_8));

    try (ReportResult result = reports.run(request(1, OCT_1, OCT_1, ReportFormat.CSV))) {
      assertEquals(2, ozon.statusCalls.get());
      assertFalse(result.chunks().isEmpty());
    }
  }

  static Duration ms(long millis) {
    return Duration.ofMillis(millis);
  }

  static Duration us(long micros) {
    return Duration.ofNanos(micros * 1000);
  }

  static Duration ns(long nanos) {
    return Duration.ofNanos(nanos);
  }
}
