package io.github.ozonperf.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.ozonperf.sandbox.SandboxClient.Reply;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Holds the sandbox to the evidence corpus of live Ozon answers (ozon-performance-client/src/test/resources/corpus):
 * every corpus file with a sandbox counterpart is compared by shape with the counterpart fetched from a running
 * sandbox. CSV: same header line, same title prefix, data rows as wide as the header, and the same cells filled in
 * {@code Корректировка} and {@code Всего}. JSON: same keys and JSON types, recursively, values ignored (array
 * elements: keys must lie within the union of the corpus elements' keys and include their intersection; objects
 * keyed by ids compare their values). Corpus files of older header generations (2025, spring 2026) and the
 * alternative error texts have no counterpart: the sandbox writes the current layout only.
 */
class CorpusShapeTest {
  static final Path CORPUS = Path.of("..", "ozon-performance-client", "src", "test", "resources", "corpus");
  private static MutableClock clock;
  private static OzonSandbox sandbox;
  private static SandboxClient client;
  private static final LocalDate FROM = LocalDate.of(2026, 11, 1);
  private static final LocalDate TO = LocalDate.of(2026, 11, 3);

  @BeforeAll
  static void start() {
    assertTrue(Files.isDirectory(CORPUS), "evidence corpus missing at " + CORPUS.toAbsolutePath()
        + ": the shape test needs ozon-performance-client/src/test/resources/corpus/");
    clock = MutableClock.at2026();
    sandbox = OzonSandbox.builder().clock(clock).reportDuration(Duration.ofSeconds(3)).start();
    client = new SandboxClient(sandbox).login();
  }

  @AfterAll
  static void stop() {
    if (sandbox != null) {
      sandbox.close();
    }
  }

  // ------------------------------------------------------------------------------------------------ fetching

  private static String campaign(String type, boolean withCorrection) {
    return sandbox.data().campaigns().stream().filter(c -> c.advObjectType().equals(type))
        .filter(c -> (sandbox.data().correction(c.id(), FROM, TO).signum() != 0) == withCorrection)
        .findFirst().orElseThrow().id();
  }

  private static String uuidOf(Reply r) {
    assertEquals(200, r.code(), r.text());
    return r.json().get("UUID").getAsString();
  }

  private static Reply download(String uuid) {
    clock.advance(Duration.ofSeconds(3));
    Reply r = client.get("/api/client/statistics/report?UUID=" + uuid);
    assertEquals(200, r.code(), r.text());
    return r;
  }

  private static String report(String path, String id, String groupBy) {
    String body = "{\"campaigns\":[\"" + id + "\"],\"dateFrom\":\"" + FROM + "\",\"dateTo\":\"" + TO
        + "\",\"groupBy\":\"" + groupBy + "\"}";
    return download(uuidOf(client.post(path, body))).text();
  }

  private static String query(String id) {
    return "?campaignIds=" + id + "&dateFrom=" + FROM + "&dateTo=" + TO;
  }

  // ------------------------------------------------------------------------------------------------ CSV

  private static String read(Path p) throws IOException {
    String s = Files.readString(p, StandardCharsets.UTF_8);
    return s.startsWith("\uFEFF") ? s.substring(1) : s;
  }

  /** Cell count and indices of non-empty cells of a line. */
  private static String signature(String line) {
    String[] cells = line.split(";", -1);
    Set<Integer> filled = new TreeSet<>();
    for (int i = 0; i < cells.length; i++) {
      if (!cells[i].isEmpty()) {
        filled.add(i);
      }
    }
    return cells.length + " cells, filled " + filled;
  }

  private static String line(String[] lines, String first) {
    for (String l : lines) {
      if (l.startsWith(first + ";")) {
        return l;
      }
    }
    return null;
  }

  private static void compareCsv(Path file, String sandboxText, List<String> problems) throws IOException {
    String name = CORPUS.relativize(file).toString();
    assertTrue(sandboxText.startsWith("\uFEFF"), name + ": the sandbox file has no BOM");
    String[] c = read(file).split("\n");
    String[] s = sandboxText.substring(1).split("\n");
    String titlePrefix = c[0].substring(0, c[0].indexOf('№') < 0 ? c[0].indexOf(',') : c[0].indexOf('№'));
    if (!s[0].startsWith(titlePrefix)) {
      problems.add(name + ": title '" + s[0] + "' does not start like '" + titlePrefix + "'");
    }
    if (!c[1].equals(s[1])) {
      problems.add(name + ": header differs:\n  corpus  " + c[1] + "\n  sandbox " + s[1]);
    }
    int width = s[1].split(";", -1).length;
    for (int i = 2; i < s.length; i++) {
      if (!s[i].startsWith("Всего;") && !s[i].startsWith("Корректировка;")
          && s[i].split(";(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)", -1).length != width) {
        problems.add(name + ": sandbox row " + i + " is not " + width + " cells wide: " + s[i]);
      }
    }
    for (String kind : List.of("Корректировка", "Всего")) {
      String cl = line(c, kind);
      String sl = line(s, kind);
      if (cl == null) {
        continue;
      }
      if (sl == null) {
        problems.add(name + ": the sandbox file has no " + kind + " line");
      } else if (!signature(cl).equals(signature(sl))) {
        problems.add(name + ": " + kind + " line differs: corpus " + signature(cl) + " '" + cl + "', sandbox "
            + signature(sl) + " '" + sl + "'");
      }
    }
    if (!s[s.length - 1].startsWith("Всего;")) {
      problems.add(name + ": the sandbox file does not end with Всего");
    }
  }

  @Test
  void csvFilesHaveTheCorpusLayouts() throws IOException {
    List<String> problems = new ArrayList<>();
    int compared = 0;
    String skuWith = campaign("SKU", true);
    String bannerWith = campaign("BANNER", true);
    for (String dir : List.of("sku-csv", "sku-nogroup-csv", "banner-csv", "search-promo-csv")) {
      Path d = CORPUS.resolve(dir);
      if (!Files.isDirectory(d)) {
        problems.add("corpus folder missing: " + d);
        continue;
      }
      try (var files = Files.list(d)) {
        for (Path f : files.filter(p -> p.toString().endsWith(".csv")).sorted().toList()) {
          String header = read(f).split("\n")[1];
          Supplier<String> counterpart = null;
          if (header.contains("Продано товаров")) {
            counterpart = () -> report("/api/client/statistics", skuWith,
                header.startsWith("День;") ? "DATE" : "NO_GROUP_BY");
          } else if (header.contains("ID баннера")) {
            counterpart = () -> report("/api/client/statistics", bannerWith,
                header.startsWith("День;") ? "DATE" : "NO_GROUP_BY");
          } else if (header.startsWith("Дата;ID заказа;")) {
            counterpart = () -> download(uuidOf(client.post("/api/client/statistic/orders/generate",
                "{\"from\":\"" + FROM + "T00:00:00Z\",\"to\":\"" + TO + "T00:00:00Z\"}"))).text();
          }
          if (counterpart != null) {
            compareCsv(f, counterpart.get(), problems);
            compared++;
          }
        }
      }
    }
    assertTrue(compared >= 5, "only " + compared + " corpus CSV files had a counterpart");
    assertEquals(List.of(), problems, String.join("\n", problems));
  }

  // ------------------------------------------------------------------------------------------------ JSON

  private static String type(JsonElement e) {
    if (e.isJsonNull()) {
      return "null";
    }
    if (e.isJsonObject()) {
      return "object";
    }
    if (e.isJsonArray()) {
      return "array";
    }
    var p = e.getAsJsonPrimitive();
    return p.isString() ? "string" : p.isNumber() ? "number" : "boolean";
  }

  private static boolean keyedByIds(List<JsonObject> objects) {
    boolean any = false;
    for (JsonObject o : objects) {
      for (String k : o.keySet()) {
        if (k.isEmpty() || !k.chars().allMatch(Character::isDigit)) {
          return false;
        }
        any = true;
      }
    }
    return any;
  }

  /** Checks that {@code s} has a shape that one of the corpus alternatives has. */
  static void shape(List<JsonElement> alts, JsonElement s, String path, List<String> problems) {
    Set<String> types = new LinkedHashSet<>();
    alts.forEach(a -> types.add(type(a)));
    String t = type(s);
    if (!types.contains(t)) {
      problems.add(path + ": sandbox " + t + ", corpus " + types);
      return;
    }
    if (t.equals("object")) {
      List<JsonObject> objs = alts.stream().filter(JsonElement::isJsonObject).map(JsonElement::getAsJsonObject)
          .toList();
      if (keyedByIds(objs)) {
        List<JsonElement> values = new ArrayList<>();
        objs.forEach(o -> values.addAll(o.asMap().values()));
        for (var e : s.getAsJsonObject().entrySet()) {
          shape(values, e.getValue(), path + "/<id>", problems);
        }
        return;
      }
      Set<String> union = new TreeSet<>();
      Set<String> inter = null;
      for (JsonObject o : objs) {
        union.addAll(o.keySet());
        if (inter == null) {
          inter = new TreeSet<>(o.keySet());
        } else {
          inter.retainAll(o.keySet());
        }
      }
      JsonObject so = s.getAsJsonObject();
      for (String k : inter) {
        if (!so.has(k)) {
          problems.add(path + ": sandbox lacks key '" + k + "'");
        }
      }
      for (var e : so.entrySet()) {
        if (!union.contains(e.getKey())) {
          problems.add(path + ": sandbox has key '" + e.getKey() + "' the corpus does not show");
          continue;
        }
        List<JsonElement> vs = new ArrayList<>();
        objs.stream().filter(o -> o.has(e.getKey())).forEach(o -> vs.add(o.get(e.getKey())));
        shape(vs, e.getValue(), path + "/" + e.getKey(), problems);
      }
    } else if (t.equals("array")) {
      List<JsonElement> elems = new ArrayList<>();
      alts.stream().filter(JsonElement::isJsonArray).forEach(a -> a.getAsJsonArray().forEach(elems::add));
      if (elems.isEmpty()) {
        return;
      }
      int i = 0;
      for (JsonElement e : s.getAsJsonArray()) {
        shape(elems, e, path + "[" + i++ + "]", problems);
      }
    }
  }

  private static void compareJson(String corpusFile, Reply sandboxReply, List<String> problems) throws IOException {
    Path f = CORPUS.resolve(corpusFile);
    if (!Files.isRegularFile(f)) {
      problems.add("corpus file missing: " + f);
      return;
    }
    JsonElement c = JsonParser.parseString(Files.readString(f, StandardCharsets.UTF_8));
    shape(List.of(c), JsonParser.parseString(sandboxReply.text()), corpusFile, problems);
  }

  @Test
  void jsonAnswersHaveTheCorpusShapes() throws IOException {
    List<String> problems = new ArrayList<>();
    String sku = campaign("SKU", true);
    String sku2 = sandbox.data().campaigns().get(0).id();
    compareJson("campaign-list-json/campaign-list-mixed-types.json", client.get("/api/client/campaign"), problems);
    compareJson("campaign-product-json/campaign-product-json.json",
        client.get("/api/client/statistics/campaign/product/json?dateFrom=" + FROM + "&dateTo=" + TO), problems);
    compareJson("daily-json/daily-json-two-campaigns.json",
        client.get("/api/client/statistics/daily/json" + query(sku) + "&campaignIds=" + sku2), problems);
    compareJson("expense-json/expense-json-bonus-prepayment.json",
        client.get("/api/client/statistics/expense/json" + query(sku) + "&campaignIds=" + sku2), problems);
    String body = "{\"campaigns\":[\"" + sku + "\"],\"dateFrom\":\"" + FROM + "\",\"dateTo\":\"" + TO
        + "\",\"groupBy\":\"NO_GROUP_BY\"}";
    Reply submit = client.post("/api/client/statistics/json", body);
    compareJson("report-json/statistics-submit-answer.json", submit, problems);
    String uuid = uuidOf(submit);
    compareJson("errors-json/429-active-report-limit-ru.json", client.post("/api/client/statistics", body), problems);
    compareJson("report-json/statistics-json-report.json", download(uuid), problems);
    compareJson("report-json/statistics-state-ok.json", client.get("/api/client/statistics/" + uuid), problems);
    String promo = campaign("SEARCH_PROMO", false);
    compareJson("errors-json/400-report-type-forbidden.json", client.post("/api/client/statistics",
        "{\"campaigns\":[\"" + sku + "\",\"" + promo + "\"],\"dateFrom\":\"" + FROM + "\",\"dateTo\":\"" + TO
            + "\"}"), problems);
    compareJson("errors-json/404-report-not-found.json",
        client.get("/api/client/statistics/00000000-0000-0000-0000-000000000000"), problems);
    assertEquals(List.of(), problems, String.join("\n", problems));
  }
}
