package io.github.ozonperf.client.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.ozonperf.client.model.Campaign;
import io.github.ozonperf.client.model.CampaignList;
import io.github.ozonperf.client.model.CampaignStatisticsJson;
import io.github.ozonperf.client.model.DailyStatisticsJson;
import io.github.ozonperf.client.model.Error;
import io.github.ozonperf.client.model.ExpenseStatisticsJson;
import io.github.ozonperf.client.model.ReportStatus;
import io.github.ozonperf.client.model.StatisticsRequestId;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * No live value of the evidence corpus is lost or nulled by the generated models: every JSON fixture is bound to its
 * model and written again, and the result is compared with the input key by key (a wire alias such as
 * {@code PaymentType} is written under its documented name, {@code paymentType}).
 */
class CorpusModelsTest {
  static final Path CORPUS = Path.of("src", "test", "resources", "corpus");
  /** The model of each kind of answer, by folder (and file name where a folder holds several kinds). */
  static final Map<String, Class<?>> MODELS = Map.of(
      "campaign-list-json", CampaignList.class,
      "daily-json", DailyStatisticsJson.class,
      "expense-json", ExpenseStatisticsJson.class,
      "campaign-product-json", CampaignStatisticsJson.class,
      "errors-json", Error.class,
      "statistics-submit-answer.json", StatisticsRequestId.class,
      "statistics-state-ok.json", ReportStatus.class);
  static final Map<String, String> ALIASES = Map.of("PaymentType", "paymentType");

  static Stream<Path> corpusJsonAnswers() throws IOException {
    try (Stream<Path> files = Files.walk(CORPUS)) {
      List<Path> json = files.filter(p -> p.toString().endsWith(".json") && model(p) != null).sorted()
          .collect(Collectors.toList());
      assertTrue(json.size() >= 10, "the corpus is missing: " + json);
      return json.stream();
    }
  }

  static Class<?> model(Path file) {
    Class<?> byName = MODELS.get(file.getFileName().toString());
    return byName != null ? byName : MODELS.get(file.getParent().getFileName().toString());
  }

  @ParameterizedTest
  @MethodSource("corpusJsonAnswers")
  void everyLiveValueSurvivesBindingAndWritingAgain(Path file) throws IOException {
    JsonElement input = JsonParser.parseString(Files.readString(file));
    Object bound = ModelJson.gson().fromJson(input.toString(), model(file));
    JsonElement written = ModelJson.gson().toJsonTree(bound);
    compare(file.getFileName() + ":$", input, written);
  }

  @Test
  void liveCampaignFieldsAreTypedAndPaymentTypeIsBound() throws IOException {
    CampaignList list = ModelJson.gson().fromJson(
        Files.readString(CORPUS.resolve("campaign-list-json/campaign-list-mixed-types.json")), CampaignList.class);
    Campaign sku = list.getList().get(0);
    assertEquals("CPC", sku.getPaymentType());
    assertEquals("TARGET_BIDS", sku.getProductAutopilotStrategy().getValue());
    assertTrue(sku.getProductAutopilotStrategy().isKnown());
    assertEquals("DAILY_BUDGET", sku.getExpenseStrategy().getValue());
    assertEquals("PRODUCT_CAMPAIGN_BUDGET_TYPE_WEEKLY", sku.getBudgetType().getValue());
    assertEquals("TUESDAY", sku.getStartWeekDay().getValue());
    assertEquals("MONDAY", sku.getEndWeekDay().getValue());
    assertNotNull(sku.getAutoIncrease());
    assertFalse(sku.getAutoIncrease().getIsAutoIncreased());
    assertEquals(List.of("PLACEMENT_TOP_PROMOTION"), sku.getPlacement());
    assertEquals(List.of(), sku.getProductAdvPlacements());
    assertEquals("AUTOSTOP_STATUS_NONE", sku.getAutostopStatus().getValue());
    Campaign vk = list.getList().stream().filter(c -> "REF_VK".equals(c.getAdvObjectType())).findFirst()
        .orElseThrow();
    assertEquals("CAMPAIGN_TYPE_INVALID", vk.getPaymentType());
    for (Campaign c : list.getList()) {
      assertTrue(c.getAdditionalProperties() == null || c.getAdditionalProperties().isEmpty(),
          "every live campaign field is modeled: " + c.getAdditionalProperties());
    }
  }

  /** Every key of {@code in} is in {@code out} with an equal value (null may be left out; numbers as text). */
  static void compare(String path, JsonElement in, JsonElement out) {
    if (in == null || in.isJsonNull()) {
      assertTrue(out == null || out.isJsonNull(), path + ": null became " + out);
      return;
    }
    if (out == null || out.isJsonNull()) {
      fail(path + ": " + in + " was lost");
    }
    if (in.isJsonObject()) {
      assertTrue(out.isJsonObject(), path + ": an object became " + out);
      JsonObject o = out.getAsJsonObject();
      for (Map.Entry<String, JsonElement> e : in.getAsJsonObject().entrySet()) {
        String key = o.has(e.getKey()) ? e.getKey() : ALIASES.getOrDefault(e.getKey(), e.getKey());
        compare(path + "." + e.getKey(), e.getValue(), o.get(key));
      }
      long present = in.getAsJsonObject().entrySet().stream().filter(e -> !e.getValue().isJsonNull()).count();
      assertEquals(present, o.size(), path + ": keys were added: " + o.keySet());
    } else if (in.isJsonArray()) {
      assertTrue(out.isJsonArray(), path + ": an array became " + out);
      assertEquals(in.getAsJsonArray().size(), out.getAsJsonArray().size(), path + ": array length");
      for (int i = 0; i < in.getAsJsonArray().size(); i++) {
        compare(path + "[" + i + "]", in.getAsJsonArray().get(i), out.getAsJsonArray().get(i));
      }
    } else {
      assertTrue(out.isJsonPrimitive(), path + ": " + in + " became " + out);
      assertEquals(normal(in.getAsString()), normal(out.getAsString()), path);
    }
  }

  /** A timestamp as its instant (the model writes {@code .865680Z} as {@code .86568Z}); anything else as is. */
  static String normal(String value) {
    try {
      return java.time.OffsetDateTime.parse(value).toInstant().toString();
    } catch (java.time.format.DateTimeParseException e) {
      return value;
    }
  }
}
