package io.github.ozonperf.client.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.Gson;
import com.google.gson.JsonParseException;
import io.github.ozonperf.client.invoker.JSON;
import io.github.ozonperf.client.model.Campaign;
import io.github.ozonperf.client.model.CampaignList;
import io.github.ozonperf.client.model.ProductBid;
import io.github.ozonperf.client.model.ReportStatus;
import io.github.ozonperf.client.model.PatchCampaignRequest;
import io.github.ozonperf.client.model.StatisticsRequest;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The one-pass model binding gives what the generated tree-validate-bind adapters give. */
class ModelJsonTest {
  private static final Gson GENERATED = JSON.getGson();
  private static final Gson ONE_PASS = ModelJson.gson();

  private static final String CAMPAIGNS = """
      {"list":[
        {"id":"4492188","title":"Товары: Кружка","state":"CAMPAIGN_STATE_RUNNING","advObjectType":"SKU",
         "fromDate":"2024-01-31","toDate":"","budget":"0","dailyBudget":"1000000000","isAutocreated":false,
         "createdAt":"2024-01-28T09:00:00Z","updatedAt":"2024-01-28T12:30:15.123456+03:00",
         "newField":"x","newNumber":12.50,"newFlag":true,"newList":[1,"a"],"newObject":{"k":[1]},"newNull":null},
        {"id":"2","state":"CAMPAIGN_STATE_FROM_THE_FUTURE","autopilot":{"unknownInside":1}}
      ],"total":"2","extra":{"a":1}}
      """;

  @Test
  void readsExactlyWhatTheGeneratedAdaptersReadIncludingUnknownFieldsAndEnums() {
    CampaignList onePass = ONE_PASS.fromJson(CAMPAIGNS, CampaignList.class);
    CampaignList generated = GENERATED.fromJson(CAMPAIGNS, CampaignList.class);
    assertEquals(generated, onePass);
    Campaign first = onePass.getList().get(0);
    assertEquals("Товары: Кружка", first.getTitle());
    assertEquals("x", first.getAdditionalProperties().get("newField"));
    assertEquals(12.5, ((Number) first.getAdditionalProperties().get("newNumber")).doubleValue());
    assertEquals(List.of(1.0, "a"), first.getAdditionalProperties().get("newList"));
    assertEquals(Map.of("k", List.of(1.0)), first.getAdditionalProperties().get("newObject"));
    assertTrue(first.getAdditionalProperties().containsKey("newNull"));
    assertEquals(OffsetDateTime.parse("2024-01-28T12:30:15.123456+03:00"), first.getUpdatedAt());
    assertEquals("CAMPAIGN_STATE_FROM_THE_FUTURE", onePass.getList().get(1).getState().getValue());
    assertFalse(onePass.getList().get(1).getState().isKnown());
  }

  @Test
  void writesExactlyWhatTheGeneratedAdaptersWrite() {
    CampaignList model = GENERATED.fromJson(CAMPAIGNS, CampaignList.class);
    assertEquals(GENERATED.toJson(model), ONE_PASS.toJson(model));
    assertEquals(GENERATED.toJsonTree(model.getList().get(0)), ONE_PASS.toJsonTree(model.getList().get(0)));
  }

  @Test
  void aRequiredFieldThatIsMissingOrNullIsAnError() {
    assertEquals("123", ONE_PASS.fromJson("{\"sku\":\"123\",\"bid\":\"5\"}", ProductBid.class).getSku());
    assertThrows(IllegalArgumentException.class, () -> GENERATED.fromJson("{\"bid\":\"5\"}", ProductBid.class));
    JsonParseException missing = assertThrows(JsonParseException.class,
        () -> ONE_PASS.fromJson("{\"bid\":\"5\"}", ProductBid.class));
    assertTrue(missing.getMessage().contains("`sku`"), missing.getMessage());
    assertThrows(JsonParseException.class, () -> ONE_PASS.fromJson("{\"sku\":null}", ProductBid.class));
    // A required list the generated constructor pre-fills must still be present in the JSON.
    assertThrows(IllegalArgumentException.class, () -> GENERATED.fromJson("{}", StatisticsRequest.class));
    assertThrows(JsonParseException.class, () -> ONE_PASS.fromJson("{}", StatisticsRequest.class));
    assertEquals(List.of("1"), ONE_PASS.fromJson("{\"campaigns\":[\"1\"]}", StatisticsRequest.class).getCampaigns());
  }

  @Test
  void aValueOfTheWrongShapeIsAnError() {
    assertThrows(JsonParseException.class, () -> ONE_PASS.fromJson("{\"list\":{\"id\":\"1\"}}", CampaignList.class));
    assertThrows(JsonParseException.class, () -> ONE_PASS.fromJson("{\"list\":[{\"title\":{}}]}", CampaignList.class));
    assertThrows(JsonParseException.class, () -> ONE_PASS.fromJson("[1]", ReportStatus.class));
    assertNull(ONE_PASS.fromJson("null", ReportStatus.class));
    // A null campaign in the list: the generated validation rejects it, so must we.
    String nullElement = "{\"list\":[null,{\"id\":\"1\"}]}";
    assertThrows(RuntimeException.class, () -> GENERATED.fromJson(nullElement, CampaignList.class));
    assertThrows(JsonParseException.class, () -> ONE_PASS.fromJson(nullElement, CampaignList.class));
  }

  @ParameterizedTest
  @ValueSource(strings = {"2024-01-28T09:00:00Z", "2024-01-28T09:00:00.5Z", "2024-12-31T23:59:59.123456789Z",
      "2024-02-29T00:00:00+03:00", "1999-06-01T10:11:12.130-05:30", "2024-01-28T09:00:00+00:00",
      "2024-01-28T09:00:00+0000", "2024-01-28T09:00Z", "2024-01-28T09:00:00.1234567890Z", "2024-02-30T00:00:00Z",
      "2024-01-28T24:00:00Z", "2024-01-28T09:00:00+18:30", "2024-01-28T09:00:00+05:60", "2024-01-28T09:00:00+00:99", "2024-01-28 09:00:00Z", "+2024-01-28T09:00:00Z", ""})
  void timestampsParseAsTheGeneratedParserParsesThem(String s) {
    String json = "{\"createdAt\":\"" + s + "\"}";
    Object expected;
    try {
      expected = GENERATED.fromJson(json, Campaign.class).getCreatedAt();
    } catch (RuntimeException e) {
      assertThrows(DateTimeParseException.class, () -> ONE_PASS.fromJson(json, Campaign.class), s);
      return;
    }
    assertEquals(expected, ONE_PASS.fromJson(json, Campaign.class).getCreatedAt(), s);
  }

  @ParameterizedTest
  @ValueSource(strings = {"2024-01-31", "2024-02-29", "2023-02-29", "2024-13-01", "2024-1-31", "20240131",
      "+12024-01-31", "2024-01-31x"})
  void datesParseAsTheGeneratedParserParsesThem(String s) {
    String json = "{\"fromDate\":\"" + s + "\"}";
    LocalDate expected;
    try {
      expected = GENERATED.fromJson(json, PatchCampaignRequest.class).getFromDate();
    } catch (RuntimeException e) {
      assertThrows(DateTimeParseException.class, () -> ONE_PASS.fromJson(json, PatchCampaignRequest.class), s);
      return;
    }
    assertEquals(expected, ONE_PASS.fromJson(json, PatchCampaignRequest.class).getFromDate(), s);
  }

  @Test
  void theFastTimestampPathAgreesWithIsoOnEveryOffsetAndFraction() {
    for (int frac = 0; frac <= 9; frac++) {
      for (String offset : List.of("Z", "+03:00", "-11:45", "+14:00")) {
        String s = "2025-07-15T08:09:10" + (frac == 0 ? "" : "." + "123456789".substring(0, frac)) + offset;
        assertEquals(OffsetDateTime.parse(s, DateTimeFormatter.ISO_OFFSET_DATE_TIME),
            ModelJson.parseOffsetDateTime(s), s);
      }
    }
  }
}
