package io.github.ozonperf.client;

import static io.github.ozonperf.client.OzonTestServer.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.ozonperf.client.model.Campaign;
import io.github.ozonperf.client.model.CampaignList;
import io.github.ozonperf.client.model.CampaignState;
import io.github.ozonperf.client.model.GroupBy;
import io.github.ozonperf.client.model.ProductBid;
import io.github.ozonperf.client.model.ReportState;
import io.github.ozonperf.client.model.ReportStatus;
import io.github.ozonperf.client.model.StatisticsRequest;
import io.github.ozonperf.client.model.UpdateProductBidsRequest;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The facade against a loopback server: wire format, tolerance, error mapping, auth. */
class OzonPerformanceClientTest {
  @StartStop
  final MockWebServer mock = new MockWebServer();
  final OzonTestServer ozon = new OzonTestServer(mock);
  final FakeTime time = new FakeTime();
  OzonPerformanceClient client;

  @AfterEach
  void close() {
    if (client != null) {
      client.close();
    }
  }

  private OzonPerformanceClient client() {
    client = ozon.clientBuilder(time).maxRetries(0).build();
    return client;
  }

  @Test
  void listCampaignsSendsExplodedCampaignIdsAndTheBearerToken() {
    ozon.enqueue(json(200, "{\"list\":[]}"));
    client().campaigns().listCampaigns(List.of("1", "2"), "SKU", CampaignState.CAMPAIGN_STATE_RUNNING, 1L, 100L);

    RecordedRequest r = ozon.apiCalls.get(0);
    HttpUrl url = r.getUrl();
    assertEquals("GET", r.getMethod());
    assertEquals("/api/client/campaign", url.encodedPath());
    assertEquals(Set.of("1", "2"), new HashSet<>(url.queryParameterValues("campaignIds")));
    assertFalse(url.toString().contains("%5B"), "no bracket form: " + url);
    assertEquals("CAMPAIGN_STATE_RUNNING", url.queryParameter("state"));
    assertEquals("SKU", url.queryParameter("advObjectType"));
    assertEquals("Bearer tok-1", r.getHeaders().get("Authorization"));
    assertTrue(r.getHeaders().get("User-Agent").startsWith("ozon-performance-sdk-java/"));
  }

  @Test
  void uint64IdsAndAmountsRoundTripAsExactStrings() {
    String maxU64 = "18446744073709551615";
    ozon.enqueue(json(200, "{\"list\":[{\"id\":\"" + maxU64 + "\",\"budget\":\"9007199254740993\"}]}"),
        new MockResponse.Builder().code(200).build());
    Campaign c = client().campaigns().listCampaigns(null, null, null, null, null).getList().get(0);
    assertEquals(maxU64, c.getId());
    assertEquals("9007199254740993", c.getBudget());

    client.products().updateProductBids(maxU64, new UpdateProductBidsRequest()
        .bids(List.of(new ProductBid().sku(maxU64).bid("9007199254740993"))));
    RecordedRequest put = ozon.apiCalls.get(1);
    assertEquals("PUT", put.getMethod());
    assertEquals("/api/client/campaign/" + maxU64 + "/products", put.getUrl().encodedPath());
    JsonObject bid = JsonParser.parseString(put.getBody().utf8()).getAsJsonObject()
        .getAsJsonArray("bids").get(0).getAsJsonObject();
    assertTrue(bid.get("sku").getAsJsonPrimitive().isString());
    assertEquals(maxU64, bid.get("sku").getAsString());
    assertEquals("9007199254740993", bid.get("bid").getAsString());
  }

  @Test
  void statisticsRequestSerializesDatesAndGroupByAsOzonExpects() {
    ozon.enqueue(json(200, "{\"UUID\":\"u-1\",\"vendor\":false}"));
    String uuid = client().statistics().submitStatisticsReport(new StatisticsRequest()
        .campaigns(List.of("48949")).dateFrom(LocalDate.of(2024, 1, 1)).dateTo(LocalDate.of(2024, 1, 31))
        .groupBy(GroupBy.DATE)).getUUID();
    assertEquals("u-1", uuid);
    JsonObject body = JsonParser.parseString(ozon.apiCalls.get(0).getBody().utf8()).getAsJsonObject();
    assertEquals("2024-01-01", body.get("dateFrom").getAsString());
    assertEquals("2024-01-31", body.get("dateTo").getAsString());
    assertEquals("DATE", body.get("groupBy").getAsString());
    assertEquals("48949", body.getAsJsonArray("campaigns").get(0).getAsString());
  }

  @Test
  void unknownEnumValueIsKeptAsSentInsteadOfFailing() {
    ozon.enqueue(json(200, "{\"UUID\":\"u\",\"state\":\"QUEUED_ON_MARS\",\"kind\":\"NEW_KIND\"}"));
    ReportStatus status = client().statistics().getReportStatus("u");
    assertEquals("QUEUED_ON_MARS", status.getState().getValue());
    assertFalse(status.getState().isKnown());
    assertEquals("NEW_KIND", status.getKind().toString());
    assertEquals(ReportState.OK, ReportState.fromValue("OK"), "known values are the constants");
    assertTrue(ReportState.OK.isKnown());
  }

  @Test
  void unknownFieldsAndPlacementAsArrayAreTolerated() {
    ozon.enqueue(json(200, "{\"list\":[{\"id\":\"7\",\"brandNewField\":{\"x\":[1,2]},"
        + "\"placement\":[\"PLACEMENT_PDP\",\"PLACEMENT_TOP_PROMOTION\"],\"PaymentType\":\"CPC\","
        + "\"createdAt\":\"2024-05-01T10:00:00.123Z\"}],\"extra\":1}"));
    CampaignList list = client().campaigns().listCampaigns(null, null, null, null, null);
    Campaign c = list.getList().get(0);
    assertEquals("7", c.getId());
    assertEquals(List.of("PLACEMENT_PDP", "PLACEMENT_TOP_PROMOTION"), c.getPlacement());
    assertEquals("CPC", c.getPaymentType(), "live lists send PaymentType with a capital P");
    assertFalse(c.getAdditionalProperties() != null && c.getAdditionalProperties().containsKey("PaymentType"));
    assertNotNull(c.getCreatedAt());
  }

  @Test
  void csvStatisticsAskForCsvAndReturnTheText() {
    String csv = "\uFEFFОтчёт;\nДата;Показы\n01.01.2024;1 110\n";
    ozon.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "text/csv; charset=utf-8")
        .body(csv).build());
    String text = client().statistics().getDailyStatistics(List.of("1"), LocalDate.of(2024, 1, 1),
        LocalDate.of(2024, 1, 2));
    assertEquals(csv.substring(1), text, "the text, with OkHttp having dropped the UTF-8 BOM");
    RecordedRequest r = ozon.apiCalls.get(0);
    assertTrue(r.getHeaders().get("Accept").contains("text/csv"), r.getHeaders().get("Accept"));
    assertEquals("2024-01-01", r.getUrl().queryParameter("dateFrom"));
  }

  @ParameterizedTest(name = "HTTP {0} -> {1}")
  @CsvSource({
      "400, OzonBadRequestException",
      "422, OzonBadRequestException",
      "403, OzonPermissionException",
      "404, OzonNotFoundException",
      "429, OzonRateLimitException",
      "500, OzonServerException",
      "503, OzonServerException",
      "409, OzonApiException"})
  void httpErrorsMapToTheirExceptionWithOzonsText(int code, String type) {
    ozon.enqueue(json(code, "{\"error\":\"max statistics period: 62 days\",\"code\":3}"));
    OzonApiException e = assertThrows(OzonApiException.class,
        () -> client().statistics().getReportStatus("abc"));
    assertEquals(type, e.getClass().getSimpleName());
    assertEquals(code, e.statusCode());
    assertEquals("max statistics period: 62 days", e.ozonError());
    assertEquals("GET", e.method());
    assertEquals("/api/client/statistics/abc", e.path());
    assertTrue(e.rawBody().contains("62 days"));
    assertTrue(e.getMessage().contains("GET /api/client/statistics/abc"), e.getMessage());
    assertTrue(e.getMessage().contains("HTTP " + code), e.getMessage());
    assertEquals(code == 429 || code >= 500, e.isRetryable());
    assertNoSecrets(e);
  }

  @Test
  void theReportLimitsHintAppearsOnlyOnStatisticsRequests() {
    ozon.enqueue(json(400, "{\"error\":\"max statistics period: 62 days\"}"));
    OzonBadRequestException stats = assertThrows(OzonBadRequestException.class,
        () -> client().statistics().getReportStatus("abc"));
    assertTrue(stats.getMessage().contains("10 campaigns and 62 days"), stats.getMessage());
    ozon.enqueue(json(400, "{\"error\":\"invalid campaign id\"}"));
    OzonBadRequestException list = assertThrows(OzonBadRequestException.class,
        () -> client().campaigns().listCampaigns(null, null, null, null, null));
    assertTrue(list.getMessage().contains("invalid campaign id"), list.getMessage());
    assertFalse(list.getMessage().contains("62 days"), "a campaign request is not a report: " + list.getMessage());
  }

  @Test
  void errorTextIsTakenFromMessageWhenErrorIsAbsent() {
    ozon.enqueue(json(404, "{\"message\":\"report not found\"}"));
    OzonNotFoundException e = assertThrows(OzonNotFoundException.class,
        () -> client().statistics().getReportStatus("nope"));
    assertEquals("report not found", e.ozonError());
  }

  @Test
  void rateLimitCarriesRetryAfter() {
    ozon.enqueue(OzonTestServer.rateLimited("7"));
    OzonRateLimitException e = assertThrows(OzonRateLimitException.class,
        () -> client().campaigns().listCampaigns(null, null, null, null, null));
    assertEquals(Duration.ofSeconds(7), e.retryAfter().orElseThrow());
    assertTrue(e.getMessage().contains("7 s"), e.getMessage());
  }

  @Test
  void malformedJsonBecomesMalformedResponseWithBoundedBody() {
    ozon.enqueue(json(200, "{\"list\": [ {\"id\": "));
    OzonMalformedResponseException e = assertThrows(OzonMalformedResponseException.class,
        () -> client().campaigns().listCampaigns(null, null, null, null, null));
    assertEquals(200, e.statusCode());
    assertTrue(e.rawBody().startsWith("{\"list\""), e.rawBody());
    assertNoSecrets(e);
  }

  @Test
  void dateTimeWithoutOffsetBecomesMalformedResponse() {
    ozon.enqueue(json(200, "{\"UUID\":\"u\",\"createdAt\":\"2024-01-01T10:00:00\"}"));
    OzonMalformedResponseException e = assertThrows(OzonMalformedResponseException.class,
        () -> client().statistics().getReportStatus("u"));
    assertTrue(e.getMessage().contains("DateTimeParseException"), e.getMessage());
  }

  @Test
  void missingRequiredFieldBecomesMalformedResponseWithoutDumpingTheBody() {
    ozon.enqueue(json(200, "{\"vendor\":false,\"note\":\"BODY-MARKER\"}"));
    OzonMalformedResponseException e = assertThrows(OzonMalformedResponseException.class,
        () -> client().statistics().submitStatisticsReport(new StatisticsRequest().campaigns(List.of("1"))));
    assertTrue(e.getMessage().contains("UUID"), e.getMessage());
    for (Throwable t = e; t != null; t = t.getCause()) {
      assertFalse(String.valueOf(t.getMessage()).contains("BODY-MARKER"), t.toString());
    }
  }

  @Test
  void unexpectedContentTypeOn2xxBecomesMalformedResponse() {
    ozon.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "text/html")
        .addHeader("X-Secret-Header", "HEADER-MARKER").body("<html>proxy</html>").build());
    OzonMalformedResponseException e = assertThrows(OzonMalformedResponseException.class,
        () -> client().campaigns().listCampaigns(null, null, null, null, null));
    for (Throwable t = e; t != null; t = t.getCause()) {
      assertFalse(String.valueOf(t.getMessage()).contains("HEADER-MARKER"), t.toString());
    }
  }

  @Test
  void connectionFailureIsRetriedForGetThenMapped() throws IOException {
    int deadPort;
    try (ServerSocket s = new ServerSocket(0)) {
      deadPort = s.getLocalPort();
    }
    client = ozon.clientBuilder(time).baseUrl("http://127.0.0.1:" + deadPort)
        .tokenUrl(ozon.baseUrl() + "/api/client/token").maxRetries(2).build();
    OzonConnectionException e = assertThrows(OzonConnectionException.class,
        () -> client.campaigns().listCampaigns(null, null, null, null, null));
    assertEquals(-1, e.statusCode());
    assertTrue(e.isRetryable());
    assertTrue(e.getMessage().contains("GET /api/client/campaign"), e.getMessage());
    assertEquals(0, client.stats().requests(), "refused connections put no request on the wire");
    assertEquals(2, client.stats().retries());
    assertEquals(List.of(Duration.ofMillis(750), Duration.ofMillis(1500)), time.sleeps);
  }

  @Test
  void unreachableTokenEndpointIsARetryableConnectionFailureNotAnAuthenticationFailure() throws IOException {
    int deadPort;
    try (ServerSocket s = new ServerSocket(0)) {
      deadPort = s.getLocalPort();
    }
    client = ozon.clientBuilder(time).tokenUrl("http://user:pw@127.0.0.1:" + deadPort + "/api/client/token?k=QS")
        .maxRetries(0).build();
    OzonConnectionException e = assertThrows(OzonConnectionException.class,
        () -> client.campaigns().listCampaigns(null, null, null, null, null));
    assertTrue(e.isRetryable());
    assertEquals(-1, e.statusCode());
    assertTrue(e.getMessage().contains("http://127.0.0.1:" + deadPort + "/api/client/token "), e.getMessage());
    assertTrue(e.getMessage().contains("GET /api/client/campaign was not sent"), e.getMessage());
    assertFalse(e.getMessage().contains("pw@") || e.getMessage().contains("QS"), e.getMessage());
    assertFalse(e.getMessage().contains("OZON_CLIENT_ID"), e.getMessage());
    assertFalse(e.getMessage().contains(". ."), e.getMessage());
    assertEquals(0, ozon.apiCalls.size());
    assertNoSecrets(e);
  }

  @Test
  void unresolvableTokenHostIsARetryableConnectionFailureNotAnAuthenticationFailure() {
    client = ozon.clientBuilder(time).tokenUrl("https://nonexistent.invalid/api/client/token").maxRetries(0).build();
    OzonConnectionException e = assertThrows(OzonConnectionException.class,
        () -> client.campaigns().listCampaigns(null, null, null, null, null));
    assertTrue(e.isRetryable());
    assertTrue(e.getMessage().contains("https://nonexistent.invalid/api/client/token"), e.getMessage());
    assertEquals(0, ozon.apiCalls.size());
  }

  @Test
  void a401IsAnsweredWithExactlyOneTokenRefreshAndOneRetry() {
    ozon.enqueue(json(401, "{\"error\":\"token expired\"}"), json(200, "{\"list\":[]}"));
    client().campaigns().listCampaigns(null, null, null, null, null);
    assertEquals(2, ozon.tokenRequests.get());
    assertEquals(2, ozon.apiCalls.size());
    assertEquals("Bearer tok-1", ozon.apiCalls.get(0).getHeaders().get("Authorization"));
    assertEquals("Bearer tok-2", ozon.apiCalls.get(1).getHeaders().get("Authorization"));
  }

  @Test
  void a401AfterTheRefreshBecomesAuthenticationException() {
    ozon.enqueue(json(401, "{\"error\":\"unauthorized\"}"), json(401, "{\"error\":\"unauthorized\"}"));
    OzonAuthenticationException e = assertThrows(OzonAuthenticationException.class,
        () -> client().campaigns().listCampaigns(null, null, null, null, null));
    assertEquals(401, e.statusCode());
    assertEquals(2, ozon.tokenRequests.get());
    assertEquals(2, ozon.apiCalls.size());
    assertTrue(e.getMessage().contains("@advertising.performance.ozon.ru"), e.getMessage());
    assertNoSecrets(e);
  }

  @Test
  void aRejectedTokenRequestBecomesAuthenticationExceptionKeepingTheRefreshMessage() {
    ozon.tokenAnswer = json(401, "{\"error\":\"invalid_client\"}");
    OzonAuthenticationException e = assertThrows(OzonAuthenticationException.class,
        () -> client().campaigns().listCampaigns(null, null, null, null, null));
    assertTrue(e.getMessage().startsWith("OAuth token refresh failed: "), e.getMessage());
    assertFalse(e.isRetryable());
    assertEquals(0, ozon.apiCalls.size());
    assertNoSecrets(e);
  }

  @Test
  void secretsAndTokensNeverAppearInToStringOrMessages() {
    ozon.enqueue(json(403, "{\"error\":\"forbidden\"}"));
    OzonPermissionException e = assertThrows(OzonPermissionException.class,
        () -> client().campaigns().listCampaigns(null, null, null, null, null));
    assertNoSecrets(e);
    for (Supplier<String> s : List.<Supplier<String>>of(client::toString, () -> client.tokens().toString(),
        () -> client.stats().toString(), () -> CampaignFilter.all().toString())) {
      assertFalse(s.get().contains(OzonTestServer.SECRET), s.get());
      assertFalse(s.get().contains("tok-1"), s.get());
    }
  }

  /** Report polling on a fake clock: time moves only when the workflow sleeps. */
  static final class ManualReportClock implements io.github.ozonperf.client.report.ReportClock {
    long now;
    final List<Duration> sleeps = new java.util.ArrayList<>();

    @Override
    public long nanoTime() {
      return now;
    }

    @Override
    public void sleep(Duration d) {
      sleeps.add(d);
      now += d.toNanos();
    }
  }

  @Test
  void reportsRunThroughTheFacadesAuthRetriesAndErrorMapping(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
      throws Exception {
    ManualReportClock clock = new ManualReportClock();
    client = ozon.clientBuilder(time).reportOptions(io.github.ozonperf.client.report.ReportOptions.builder()
        .clock(clock).tempDir(dir).build()).build();
    ozon.enqueue(json(200, "{\"list\":[{\"id\":\"48949\",\"advObjectType\":\"SKU\"}]}"),
        json(200, "{\"UUID\":\"u-1\"}"),
        json(503, "{\"error\":\"busy\"}"), json(200, "{\"UUID\":\"u-1\",\"state\":\"OK\"}"),
        new MockResponse.Builder().code(200).addHeader("Content-Type", "text/csv")
            .body("Дата;Показы;Клики;Расход, ₽\n01.10.2026;10;2;3,00\n").build());
    io.github.ozonperf.client.report.ReportRequest request = io.github.ozonperf.client.report.ReportRequest.builder()
        .campaignIds(List.of("48949")).dateFrom(LocalDate.of(2026, 10, 1)).dateTo(LocalDate.of(2026, 10, 1)).build();

    try (io.github.ozonperf.client.report.ReportResult result = client.reports().run(request)) {
      assertEquals(10, result.totals().views());
    }
    assertEquals(5, ozon.apiCalls.size(),
        "campaign types, submit, status (503, retried by the client), status, download");
    assertEquals("/api/client/campaign", ozon.apiCalls.get(0).getUrl().encodedPath());
    assertEquals(List.of("48949"), ozon.apiCalls.get(0).getUrl().queryParameterValues("campaignIds"));
    assertEquals("POST", ozon.apiCalls.get(1).getMethod());
    assertEquals("/api/client/statistics/report", ozon.apiCalls.get(4).getUrl().encodedPath());
    assertEquals("u-1", ozon.apiCalls.get(4).getUrl().queryParameter("UUID"));
    for (RecordedRequest r : ozon.apiCalls) {
      assertEquals("Bearer tok-1", r.getHeaders().get("Authorization"));
    }
    assertEquals(List.of(Duration.ofSeconds(1)), clock.sleeps);
    assertEquals(List.of(Duration.ofMillis(750)), time.sleeps, "the 503 was retried after backoff");
    try (java.util.stream.Stream<java.nio.file.Path> left = java.nio.file.Files.list(dir)) {
      assertEquals(0, left.count(), "closing the result deleted the file");
    }
  }


  @Test
  void campaignsAReportCannotIncludeAreLeftOutWithTheReasonInsteadOfFailingTheRequest(
      @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
    client = ozon.clientBuilder(time).reportOptions(io.github.ozonperf.client.report.ReportOptions.builder()
        .clock(new ManualReportClock()).tempDir(dir).build()).build();
    ozon.enqueue(json(200, "{\"list\":[{\"id\":\"1\",\"advObjectType\":\"SKU\"},"
            + "{\"id\":\"2\",\"advObjectType\":\"ALL_SKU_PROMO\"},{\"id\":\"3\",\"advObjectType\":\"REF_VK\"}]}"),
        json(200, "{\"UUID\":\"u-1\"}"), json(200, "{\"UUID\":\"u-1\",\"state\":\"OK\"}"),
        new MockResponse.Builder().code(200).addHeader("Content-Type", "text/csv")
            .body("Дата;Показы;Клики;Расход, ₽\n01.10.2026;10;2;3,00\n").build());
    io.github.ozonperf.client.report.ReportRequest request = io.github.ozonperf.client.report.ReportRequest.builder()
        .campaignIds(List.of("1", "2", "3")).dateFrom(LocalDate.of(2026, 10, 1)).dateTo(LocalDate.of(2026, 10, 1))
        .build();

    try (io.github.ozonperf.client.report.ReportResult result = client.reports().run(request)) {
      assertEquals(List.of("2", "3"), List.copyOf(result.skipped().keySet()));
      assertTrue(result.skipped().get("2").contains("all_sku_promo/orders/generate"), result.skipped().get("2"));
      assertTrue(result.skipped().get("3").startsWith("REF_VK"), result.skipped().get("3"));
    }
    JsonObject body = JsonParser.parseString(ozon.apiCalls.get(1).getBody().utf8()).getAsJsonObject();
    assertEquals("[\"1\"]", body.getAsJsonArray("campaigns").toString(), "only the reportable campaign is sent");
  }

  @Test
  void ozonsForbiddenReportTypeAnswerNamesTheCampaignsOfTheRequest(
      @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
    client = ozon.clientBuilder(time).reportOptions(io.github.ozonperf.client.report.ReportOptions.builder()
        .clock(new ManualReportClock()).tempDir(dir).build()).build();
    ozon.enqueue(json(200, "{\"list\":[{\"id\":\"1\",\"advObjectType\":\"SKU\"},"
            + "{\"id\":\"9\",\"advObjectType\":\"BRAND_NEW_TYPE\"}]}"),
        json(400, "{\"error\":\"rpc error: code = InvalidArgument desc = generation of this type of report is "
            + "forbidden for the transferred list of campaigns\"}"));
    io.github.ozonperf.client.report.ReportRequest request = io.github.ozonperf.client.report.ReportRequest.builder()
        .campaignIds(List.of("1", "9")).dateFrom(LocalDate.of(2026, 10, 1)).dateTo(LocalDate.of(2026, 10, 1))
        .build();

    OzonBadRequestException e = assertThrows(OzonBadRequestException.class, () -> client.reports().run(request));
    assertTrue(e.getMessage().contains("1 (SKU), 9 (BRAND_NEW_TYPE)"), e.getMessage());
    assertFalse(e.getMessage().contains("62 days"), "the limits are not the cause: " + e.getMessage());
    assertEquals(400, e.statusCode());
  }
  @Test
  void downloadingAnUnfinishedReportThroughTheFacadeIsAnOzonApiException() {
    ozon.enqueue(json(200, "{\"UUID\":\"u-2\",\"state\":\"NOT_STARTED\"}"));
    OzonReportNotReadyException e = assertThrows(OzonReportNotReadyException.class,
        () -> client().reports().download("u-2", io.github.ozonperf.client.report.ReportFormat.CSV));
    assertEquals(io.github.ozonperf.client.report.ReportState.NOT_STARTED, e.state());
    assertTrue(e.getMessage().contains("reports().status(uuid)"), e.getMessage());
    assertEquals(1, ozon.apiCalls.size());
  }

  @Test
  void nullRequiredParameterFailsBeforeAnyRequest() {
    assertThrows(RuntimeException.class, () -> client().statistics().getReportStatus(null));
    assertEquals(0, ozon.apiCalls.size());
  }

  static void assertNoSecrets(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      String text = t.toString();
      assertFalse(text.contains(OzonTestServer.SECRET), text);
      assertFalse(text.contains("tok-1") || text.contains("tok-2"), text);
      assertFalse(text.contains("Authorization"), text);
      assertFalse(text.contains("Content-Type"), text);
    }
    assertInstanceOf(OzonApiException.class, e);
  }
}
