package io.github.ozonperf.mcp.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelcontextprotocol.spec.McpSchema;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The hardening issue's argument defects (2, 3, 4, 7), each pinned through the server's own JSON mapper. */
class ArgumentHardeningTest {
  static final int SMALL_ANSWER = 4096;
  static ToolHarness tools;
  static String campaign;

  @BeforeAll
  static void start() {
    tools = new ToolHarness();
    campaign = tools.sandbox.data().campaigns().get(0).id();
  }

  @AfterAll
  static void stop() {
    tools.close();
  }

  private static void assertValidationError(McpSchema.CallToolResult r, String argument) {
    assertTrue(r.isError(), () -> "expected an error naming " + argument + ", got "
        + String.valueOf(r.structuredContent()).substring(0, 300));
    assertEquals("validation", ToolHarness.structured(r).get("type"));
    assertTrue(ToolHarness.message(r).contains(argument), () -> ToolHarness.message(r));
    int size = ToolHarness.answerBytes(r);
    assertTrue(size <= SMALL_ANSWER, () -> "answer of " + size + " bytes");
  }

  // ------------------------------------------------------------------ defect 2: huge numbers and echoed values

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "\"1E+100000000\"", "1E+100000000", "\"1e100000000\"", "1E-100000000", "\"9E+2147483647\""})
  void hugeExponentBudgetIsRejectedInASmallAnswer(String value) {
    assertValidationError(tools.call("update_campaign",
        "{\"campaignId\":\"" + campaign + "\",\"dailyBudgetRoubles\":" + value + "}"), "dailyBudgetRoubles");
  }

  @Test
  void hugeExponentBidIsRejectedInASmallAnswer() {
    assertValidationError(tools.call("set_product_bids", "{\"campaignId\":\"" + campaign
        + "\",\"bids\":[{\"sku\":\"1\",\"bidRoubles\":\"1E+100000000\"}]}"), "bidRoubles");
  }

  @Test
  void aMegabyteBadValueIsQuotedOnlyAsAShortPrefix() {
    String big = "x".repeat(1 << 20);
    assertValidationError(tools.call("list_campaigns", "{\"state\":\"" + big + "\"}"), "state");
    assertValidationError(tools.call("list_campaigns", "{\"fields\":[\"" + big + "\"]}"), "fields");
    assertValidationError(tools.call("get_daily_statistics", "{\"campaignIds\":[\"1\"],\"dateFrom\":\"" + big
        + "\",\"dateTo\":\"2026-10-01\"}"), "dateFrom");
    assertValidationError(tools.call("list_campaigns", "{\"" + big + "\":1}"), "unknown argument");
  }

  // ------------------------------------------------------------------ defect 3: integers that wrap

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "list_campaigns | page | {\"page\":18446744073709552000}",
      "list_campaigns | limit | {\"limit\":18446744073709552000}",
      "list_campaigns | pageSize | {\"page\":1,\"pageSize\":18446744073709552000}",
      "list_campaign_products | page | {\"campaignId\":\"CAMPAIGN\",\"page\":18446744073709551617}",
      "list_reports | pageSize | {\"pageSize\":-18446744073709551596}",
      "get_statistics_report | maxRows | {\"campaignIds\":[\"CAMPAIGN\"],\"dateFrom\":\"2026-10-01\","
          + "\"dateTo\":\"2026-10-02\",\"maxRows\":18446744073709552000}",
      "get_statistics_report | timeLimitSeconds | {\"campaignIds\":[\"CAMPAIGN\"],\"dateFrom\":\"2026-10-01\","
          + "\"dateTo\":\"2026-10-02\",\"timeLimitSeconds\":18446744073709552000}"})
  void integersOutOfRangeAreAnErrorNamingTheArgumentNotAWrappedValue(String tool, String argument, String args) {
    assertValidationError(tools.call(tool, args.replace("CAMPAIGN", campaign)), argument);
  }

  // ------------------------------------------------------------------ defect 4: ids above 2^63

  @Test
  @SuppressWarnings("unchecked")
  void idsAboveTwoToTheSixtyThreeAreKeptDigitForDigit() {
    McpSchema.CallToolResult r = tools.call("set_product_bids", "{\"campaignId\":" + campaign + ",\"bids\":["
        + "{\"sku\":12345678901234567890,\"bidRoubles\":10},{\"sku\":18446744073709551615,\"bidRoubles\":1},"
        + "{\"sku\":\"18446744073709551614\",\"bidRoubles\":\"2,50\"}]}");
    assertFalse(r.isError(), () -> String.valueOf(r.structuredContent()));
    Map<String, Object> body = (Map<String, Object>) ((Map<String, Object>) ToolHarness.structured(r).get("request"))
        .get("body");
    assertEquals(List.of("12345678901234567890", "18446744073709551615", "18446744073709551614"),
        ((List<Map<String, Object>>) body.get("bids")).stream().map(b -> b.get("sku")).toList());
    assertEquals(List.of("10000000", "1000000", "2500000"),
        ((List<Map<String, Object>>) body.get("bids")).stream().map(b -> b.get("bid")).toList());
  }

  @Test
  void idsAboveTwoToTheSixtyThreeReachOzonDigitForDigit() {
    McpSchema.CallToolResult r = tools.call("get_daily_statistics", "{\"campaignIds\":[12345678901234567890],"
        + "\"dateFrom\":\"2026-10-01\",\"dateTo\":\"2026-10-02\"}");
    // the sandbox knows no such campaign, and says which id it was sent
    assertEquals("not_found", ToolHarness.structured(r).get("type"), () -> ToolHarness.message(r));
    assertTrue(ToolHarness.message(r).contains("campaign not found: 12345678901234567890"), ToolHarness.message(r));
  }

  @Test
  void idsAboveUint64AreRejected() {
    assertValidationError(tools.call("get_campaign_objects", "{\"campaignId\":18446744073709551616}"), "campaignId");
    assertValidationError(tools.call("get_campaign_objects", "{\"campaignId\":\"18446744073709551616\"}"),
        "campaignId");
  }

  // ------------------------------------------------------------------ defect 7: schema and checks agree

  @Test
  void tenThousandDuplicateIdsAreMoreThanMaxItems() {
    String ids = String.join(",", java.util.Collections.nCopies(10_000, "\"" + campaign + "\""));
    assertValidationError(tools.call("get_daily_statistics", "{\"campaignIds\":[" + ids
        + "],\"dateFrom\":\"2026-10-01\",\"dateTo\":\"2026-10-02\"}"), "campaignIds");
  }

  @Test
  void dryRunAsTheStringFalseIsAnErrorAndWritesNothing() {
    long before = tools.sandbox.requests("/api/client/campaign/{campaignId}/activate");
    assertValidationError(tools.call("activate_campaign", "{\"campaignId\":\"" + campaign + "\",\"dryRun\":\"false\"}"),
        "dryRun");
    assertEquals(before, tools.sandbox.requests("/api/client/campaign/{campaignId}/activate"));
  }

  @Test
  void dryRunLiterallyFalseStillWrites() {
    long before = tools.sandbox.requests("/api/client/campaign/{campaignId}/deactivate");
    McpSchema.CallToolResult r = tools.call("deactivate_campaign", "{\"campaignId\":\"" + campaign
        + "\",\"dryRun\":false}");
    assertFalse(r.isError(), () -> String.valueOf(r.structuredContent()));
    assertEquals(before + 1, tools.sandbox.requests("/api/client/campaign/{campaignId}/deactivate"));
    Map<String, Object> s = ToolHarness.structured(r);
    assertEquals(false, s.get("dryRun"));
  }
}
