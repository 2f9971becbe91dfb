package io.github.ozonperf.client.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.ozonperf.client.invoker.ApiClient;
import java.util.List;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

/** The overrides that skip the generated code's per-call regex compilation keep its exact results. */
class OzonApiClientTest {
  final OkHttpClient http = new OkHttpClient();
  final ApiClient generated = new ApiClient(http);
  final OzonApiClient ours = new OzonApiClient(http, "http://127.0.0.1");

  @Test
  void escapingQueryValuesIsTheGeneratedEncoding() {
    for (String s : List.of("", "48949", "a b+c", "Кампания №1", "x&y=z/?#%", "2026-10-01T00:00:00+03:00", "~*'()")) {
      assertEquals(generated.escapeString(s), ours.escapeString(s), s);
    }
  }

  @Test
  void jsonMediaTypesAreRecognisedAsByTheGeneratedRule() {
    for (String m : List.of("application/json", "Application/JSON; charset=utf-8", "application/problem+json",
        "text/csv", "application/zip", "*/*", "application/jsonp", "text/json", "application/json ;q=1")) {
      assertEquals(generated.isJsonMime(m), ours.isJsonMime(m), m);
    }
    assertEquals(false, ours.isJsonMime(null));
  }
}
