package io.github.ozonperf.client.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.ozonperf.client.invoker.ApiClient;
import io.github.ozonperf.client.invoker.Pair;
import io.github.ozonperf.client.model.DeleteProductsRequest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okio.Buffer;
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

  @Test
  void urlsAreParsedAsAWholeParseWould() {
    for (String base : List.of("http://127.0.0.1:8089", "https://api-performance.ozon.ru", "http://[::1]:8080",
        "https://user:pw@Example.COM:443/prefix", "http://127.0.0.1/", "HTTP://localhost:1/a/b")) {
      for (String rest : List.of("", "/", "/api/client/campaign", "/api/client/campaign?campaignIds=1&campaignIds=2",
          "/api/client/campaign/%D0%9A%20x/objects?q=a%20b+c&x=%2F", "//double", "/a/./b/../c?x#frag", "?q=1",
          "#f", "/api/client/statistics/report?UUID=abc-1", "/ümlaut path?q=ü")) {
        String url = base + rest;
        assertEquals(HttpUrl.get(url), ours.url(url), url);
        assertEquals(HttpUrl.get(url), ours.url(url), url + " (authority cached)");
      }
    }
  }

  @Test
  void requestsAreTheGeneratedOnes() throws Exception {
    OzonApiClient base = new OzonApiClient(http, "http://127.0.0.1:8089");
    ApiClient gen = new ApiClient(http).setBasePath("http://127.0.0.1:8089");
    List<Pair> query = List.of(new Pair("state", "CAMPAIGN_STATE_RUNNING"), new Pair("page", "2"),
        new Pair("name", "Кампания №1 & co"));
    List<Pair> collection = List.of(new Pair("campaignIds", "1"), new Pair("campaignIds", "2"));
    Object body = new DeleteProductsRequest();
    for (String method : List.of("GET", "POST", "PUT", "DELETE", "PATCH")) {
      for (Object b : java.util.Arrays.asList(null, body)) {
        if (b != null && (method.equals("GET"))) {
          continue;
        }
        Request expected = gen.buildRequest(null, "/api/client/campaign/48949/activate", method, new ArrayList<>(query),
            new ArrayList<>(collection), b, headers(), new HashMap<>(), new HashMap<>(), new String[0], null);
        Request actual = base.buildRequest(null, "/api/client/campaign/48949/activate", method, new ArrayList<>(query),
            new ArrayList<>(collection), b, headers(), new HashMap<>(), new HashMap<>(), new String[0], null);
        assertEquals(expected.url(), actual.url(), method);
        assertEquals(expected.method(), actual.method(), method);
        assertEquals(expected.headers(), actual.headers(), method);
        assertEquals(expected.body() == null, actual.body() == null, method);
        if (expected.body() != null) {
          assertEquals(String.valueOf(expected.body().contentType()), String.valueOf(actual.body().contentType()));
          assertEquals(bytes(expected), bytes(actual), method + " body");
        }
      }
    }
  }

  private static Map<String, String> headers() {
    Map<String, String> h = new HashMap<>();
    h.put("Accept", "application/json");
    h.put("Content-Type", "application/json");
    return h;
  }

  private static String bytes(Request r) throws java.io.IOException {
    Buffer b = new Buffer();
    r.body().writeTo(b);
    return b.readUtf8();
  }
}
