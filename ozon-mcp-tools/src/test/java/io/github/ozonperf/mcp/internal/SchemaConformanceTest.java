package io.github.ozonperf.mcp.internal;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.regex.RegularExpression;
import io.github.ozonperf.mcp.tools.ToolSelection;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every tool accepts exactly the arguments its own input schema (as tools/list shows it) accepts, judged by the
 * networknt JSON Schema validator the MCP SDK ships, and rejects the rest with a small {@code validation} error
 * naming the argument, quickly. The cases are generated from each schema: the required arguments with valid
 * values, then each property (nested ones too) set to boundary and invalid values: wrong types, one past each
 * minimum/maximum/minLength/maxLength/minItems/maxItems, huge exponents, 10,000-element arrays, 1 MB strings,
 * nulls, nested objects, fractions for integers, strings for booleans, unknown properties. Deterministic (no
 * property-testing library resolves offline here), and the tools run in-process against the embedded sandbox:
 * write tools too, whose real writes (dryRun literally false) land in the sandbox.
 */
class SchemaConformanceTest {
  static final int MAX_ERROR_BYTES = 4096;
  static final long MAX_ERROR_MILLIS = 2_000;
  static final long MAX_ANSWER_MILLIS = 30_000;
  static final String MB = "a".repeat(1 << 20);

  /** The oracle: JSON Schema 2020-12, formats asserted, and ECMA-262's "$" (end of text, not before a final \n). */
  static final SchemaRegistry ORACLE = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
      b -> b.schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true)
          .regularExpressionFactory(p -> {
            Pattern compiled = Pattern.compile(p.endsWith("$") ? p.substring(0, p.length() - 1) + "\\z" : p);
            return (RegularExpression) s -> compiled.matcher(s).find();
          }).build()));
  /** Numbers read exactly (BigDecimal), as the server reads them, so the oracle sees 1E-100000000, not 0.0. */
  static final JsonMapper JACKSON = JsonMapper.builder(JsonFactory.builder()
          .streamReadConstraints(StreamReadConstraints.builder().maxNameLength(2 << 20).build()).build())
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
      .build();

  static ToolHarness tools;
  static String campaign;
  static String sku;
  static final Map<String, int[]> COUNTS = new LinkedHashMap<>();
  static int cases;
  static int accepted;
  static int rejected;
  static int largestAnswer;
  static String largestAnswerCase;
  static int largestError;
  static long slowestMillis;
  static String slowestCase;
  static long slowestErrorMillis;
  static int oracleFailures;
  static int oracleStandIns;
  static int oracleWholeNumbers;
  static final List<String> ORACLE_FAILURES = new ArrayList<>();
  static int semanticRejections;
  /**
   * The rules a JSON Schema cannot say, between two arguments: dateTo on or after dateFrom, and a period of at most
   * 62 (366) days. A schema-valid date can break them, and then the tool rightly says so. Also the one range a
   * short id pattern leaves open (see Schemas.UINT64_PATTERN).
   */
  static final Pattern CROSS_FIELD = Pattern.compile("^dateFrom\\.\\.dateTo: the period |is before (dateFrom|fromDate) "
      + "|is above the largest id, 18446744073709551615$");
  /** A JSON number with a fraction or an exponent (not inside a string). */
  static final Pattern NON_PLAIN_NUMBER = Pattern.compile("(?<![\\w.\"])-?[0-9]+(\\.[0-9]+)?[eE][+-]?[0-9]+"
      + "|(?<![\\w.\"])-?[0-9]+\\.[0-9]+(?![\\w.])");

  /**
   * Whole numbers written with a fraction or exponent (18446744073709551615.0, 4.8949E4) as plain integers, for the
   * validator: JSON Schema 2020-12 makes them integers, but networknt asks Jackson's canConvertToExactIntegral(),
   * which says no once the value does not fit a long. The tool follows the specification.
   */
  static String wholeAsIntegers(String json) {
    return NON_PLAIN_NUMBER.matcher(json).replaceAll(m -> {
      java.math.BigDecimal d = new java.math.BigDecimal(m.group());
      return d.stripTrailingZeros().scale() <= 0 && d.precision() - d.scale() < 40
          ? d.toBigIntegerExact().toString() : m.group();
    });
  }
  /**
   * A JSON number (not inside a string) with an exponent of 4+ digits. networknt 3.0.6 does not survive those:
   * maximum throws (asLong), and multipleOf computes 1E+100000000 / 0.01 digit by digit (minutes of CPU, found
   * by this test). The validator judges a stand-in with exponent +-30 instead: beyond every maximum of our
   * schemas (2^64 < 1E+30), and as fractional as the original for 1E-100000000, so the verdict is the same.
   */
  static final Pattern HUGE_EXPONENT = Pattern.compile("(?<![\\w.\"])(-?[0-9]+(?:\\.[0-9]+)?)[eE]([+-]?)[0-9]{4,}");
  static final String STAND_IN_EXPONENT = "30";

  @BeforeAll
  static void start() {
    tools = new ToolHarness(ToolSelection.parse("all", null, false)); // curated and spec-derived tools, writes too
    campaign = tools.sandbox.data().campaigns().get(0).id();
    sku = tools.sandbox.data().products(campaign).get(0).sku();
  }

  @AfterAll
  static void report() {
    StringBuilder sb = new StringBuilder("\nSchema conformance: ").append(cases).append(" cases, ").append(accepted)
        .append(" accepted, ").append(rejected).append(" rejected; largest answer ").append(largestAnswer)
        .append(" bytes (").append(largestAnswerCase).append("), largest error ").append(largestError)
        .append(" bytes; slowest answer ").append(slowestMillis).append(" ms (").append(slowestCase)
        .append("), slowest error ").append(slowestErrorMillis).append(" ms; the validator itself failed on ")
        .append(oracleFailures).append(" cases (counted as invalid) and judged ").append(oracleStandIns)
        .append(" huge-exponent cases by a stand-in with exponent 30 and ").append(oracleWholeNumbers)
        .append(" with whole numbers written as integers; ").append(semanticRejections)
        .append(" schema-valid cases broke a cross-field date rule\n");
    ORACLE_FAILURES.forEach(f -> sb.append("  validator failure, e.g. ").append(f).append('\n'));
    COUNTS.forEach((tool, c) -> sb.append(String.format(Locale.ROOT, "  %-24s %5d cases %5d accepted %5d rejected%n",
        tool, c[0], c[1], c[2])));
    System.out.println(sb);
    tools.close();
  }

  @TestFactory
  Stream<DynamicTest> everyToolAcceptsExactlyWhatItsInputSchemaAccepts() throws IOException {
    List<DynamicTest> tests = new ArrayList<>();
    for (var spec : tools.specs.values()) {
      // the schema exactly as tools/list writes it
      JsonObject tool = JsonParser.parseString(ServerRuntime.MAPPER.writeValueAsString(spec.tool())).getAsJsonObject();
      String name = tool.get("name").getAsString();
      JsonObject schema = tool.getAsJsonObject("inputSchema");
      tests.add(DynamicTest.dynamicTest(name, () -> runTool(name, schema)));
    }
    return tests.stream();
  }

  private static void runTool(String tool, JsonObject schema) throws Exception {
    Schema oracle = ORACLE.getSchema(schema.toString(), com.networknt.schema.InputFormat.JSON);
    List<String> failures = new ArrayList<>();
    int[] counts = COUNTS.computeIfAbsent(tool, t -> new int[3]);
    for (Case c : generate(schema)) {
      String judged = HUGE_EXPONENT.matcher(c.json).replaceAll("$1e$2" + STAND_IN_EXPONENT);
      oracleStandIns += judged.equals(c.json) ? 0 : 1;
      String whole = wholeAsIntegers(judged);
      oracleWholeNumbers += whole.equals(judged) ? 0 : 1;
      judged = whole;
      JsonNode instance = JACKSON.readTree(judged);
      boolean valid;
      try {
        valid = oracle.validate(instance).isEmpty();
      } catch (RuntimeException e) {
        // networknt 3.0.6 cannot compare 1E+100000000 with a minimum/maximum (asLong() throws). Every numeric
        // input has both, and such a number is beyond any of them: it is out of range.
        oracleFailures++;
        if (ORACLE_FAILURES.size() < 5) {
          ORACLE_FAILURES.add(tool + " " + c.label + ": " + cut(String.valueOf(e.getMessage())));
        }
        valid = false;
      }
      long t0 = System.nanoTime();
      McpSchema.CallToolResult r = tools.call(tool, c.json);
      long millis = (System.nanoTime() - t0) / 1_000_000;
      int bytes = ToolHarness.answerBytes(r);
      Map<String, Object> s = ToolHarness.structured(r);
      boolean rejectedByTool = Boolean.TRUE.equals(r.isError()) && "validation".equals(s.get("type"))
          && !s.containsKey("httpStatus");
      String label = tool + " " + c.label;
      cases++;
      counts[0]++;
      if (millis > slowestMillis) {
        slowestMillis = millis;
        slowestCase = label;
      }
      if (rejectedByTool) {
        rejected++;
        counts[2]++;
        largestError = Math.max(largestError, bytes);
        slowestErrorMillis = Math.max(slowestErrorMillis, millis);
        String message = ToolHarness.message(r);
        boolean crossField = CROSS_FIELD.matcher(message).find();
        semanticRejections += valid && crossField ? 1 : 0;
        if (valid && !crossField) {
          failures.add(label + ": the schema accepts it, the tool said: " + cut(message));
        }
        if (!message.contains(c.names)) {
          failures.add(label + ": the message does not name '" + c.names + "': " + cut(message));
        }
        if (bytes > MAX_ERROR_BYTES) {
          failures.add(label + ": error answer of " + bytes + " bytes");
        }
        if (millis > MAX_ERROR_MILLIS) {
          failures.add(label + ": error after " + millis + " ms");
        }
      } else {
        accepted++;
        counts[1]++;
        if (bytes > largestAnswer) {
          largestAnswer = bytes;
          largestAnswerCase = label;
        }
        if (!valid) {
          failures.add(label + ": the schema rejects it, the tool answered: " + cut(String.valueOf(s)));
        }
        if (String.valueOf(s.get("message")).contains("internal error")) {
          failures.add(label + ": " + cut(String.valueOf(s.get("message"))));
        }
        if (bytes > 101_000) {
          failures.add(label + ": answer of " + bytes + " bytes");
        }
        if (millis > MAX_ANSWER_MILLIS) {
          failures.add(label + ": answer after " + millis + " ms");
        }
      }
    }
    assertTrue(failures.isEmpty(), () -> failures.size() + " disagreements:\n" + String.join("\n",
        failures.subList(0, Math.min(40, failures.size()))));
  }

  private static String cut(String s) {
    return s.length() > 300 ? s.substring(0, 300) + "…" : s;
  }

  // ------------------------------------------------------------------ case generation

  /** One call: its arguments as JSON text, and what the error message must name when it is rejected. */
  record Case(String label, String json, String names) {
  }

  static List<Case> generate(JsonObject schema) {
    List<Case> out = new ArrayList<>();
    JsonObject props = schema.has("properties") ? schema.getAsJsonObject("properties") : new JsonObject();
    Map<String, String> base = baseArguments(schema);
    out.add(new Case("base " + abbreviate(base.toString()), object(base), ""));
    out.add(new Case("no arguments", "{}", schema.has("required") && schema.getAsJsonArray("required").size() > 0
        ? schema.getAsJsonArray("required").get(0).getAsString() : schema.has("anyOf") ? "at least one of" : ""));
    for (Map.Entry<String, JsonElement> p : props.entrySet()) {
      String name = p.getKey();
      Map<String, String> with = new LinkedHashMap<>(base);
      if (schema.has("dependentRequired") && schema.getAsJsonObject("dependentRequired").has(name)) {
        for (JsonElement dep : schema.getAsJsonObject("dependentRequired").getAsJsonArray(name)) {
          with.putIfAbsent(dep.getAsString(), sample(dep.getAsString(), props.getAsJsonObject(dep.getAsString())));
        }
      }
      for (String v : values(name, p.getValue().getAsJsonObject())) {
        Map<String, String> args = new LinkedHashMap<>(with);
        args.put(name, v);
        out.add(new Case(name + "=" + abbreviate(v), object(args), name));
      }
      if (with.containsKey(name)) {
        Map<String, String> without = new LinkedHashMap<>(with);
        without.remove(name);
        out.add(new Case("without " + name, object(without), without.isEmpty() && schema.has("anyOf")
            ? "at least one of" : name));
      }
    }
    // dependentRequired: the dependent alone
    if (schema.has("dependentRequired")) {
      for (Map.Entry<String, JsonElement> d : schema.getAsJsonObject("dependentRequired").entrySet()) {
        Map<String, String> args = new LinkedHashMap<>(base);
        args.put(d.getKey(), sample(d.getKey(), props.getAsJsonObject(d.getKey())));
        d.getValue().getAsJsonArray().forEach(x -> args.remove(x.getAsString()));
        out.add(new Case(d.getKey() + " without its dependency", object(args), d.getKey()));
      }
    }
    Map<String, String> unknown = new LinkedHashMap<>(base);
    unknown.put("unknownArgument", "1");
    out.add(new Case("unknown argument", object(unknown), "unknownArgument"));
    Map<String, String> hugeKey = new LinkedHashMap<>(base);
    hugeKey.put(MB, "1");
    out.add(new Case("a 1 MB argument name", object(hugeKey), "unknown argument"));
    return out;
  }

  /** The required arguments (and the first anyOf alternative) with valid values. */
  static Map<String, String> baseArguments(JsonObject schema) {
    JsonObject props = schema.has("properties") ? schema.getAsJsonObject("properties") : new JsonObject();
    Set<String> names = new LinkedHashSet<>();
    if (schema.has("required")) {
      schema.getAsJsonArray("required").forEach(x -> names.add(x.getAsString()));
    }
    if (schema.has("anyOf")) {
      schema.getAsJsonArray("anyOf").get(0).getAsJsonObject().getAsJsonArray("required")
          .forEach(x -> names.add(x.getAsString()));
    }
    Map<String, String> base = new LinkedHashMap<>();
    for (String n : names) {
      base.put(n, sample(n, props.getAsJsonObject(n)));
    }
    return base;
  }

  /** A valid value for a property: the sandbox's ids, a date pair that makes a valid period, else from the schema. */
  static String sample(String name, JsonObject s) {
    String type = s.has("type") && s.get("type").isJsonPrimitive() ? s.get("type").getAsString() : "string";
    if (type.equals("array")) { // also "sku" and "campaignIds" of spec-derived tools: arrays of ids
      return "[" + sample(name.endsWith("[]") ? name : name + "[]", s.getAsJsonObject("items")) + "]";
    }
    String pattern = s.has("pattern") ? s.get("pattern").getAsString() : "";
    if (pattern.startsWith("^(?:0|[1-9]")) {
      return q(name.toLowerCase(Locale.ROOT).contains("sku") ? sku : campaign);
    }
    if (pattern.contains("T[0-9]{2}")) { // RFC 3339 date-time: a valid period
      return q(name.equals("to") || name.startsWith("dateTo") ? "2026-11-02T00:00:00Z" : "2026-11-01T00:00:00Z");
    }
    switch (name) {
      case "campaignId":
        return q(campaign);
      case "sku":
        return q(sku);
      case "campaignIds":
        return "[" + q(campaign) + "]";
      case "dateFrom":
      case "fromDate":
        return q("2026-11-01");
      case "dateTo":
        return q("2026-11-02");
      case "toDate":
        return q("2026-12-31");
      case "uuid":
        return q("0f6a3c2e-0000-4000-8000-000000000000");
      case "cursor":
        return q("0");
      case "advObjectType":
        return q("SKU");
      case "bidRoubles":
        return q("12.50");
      default:
        break;
    }
    if (name.endsWith("Roubles")) {
      return "500";
    }
    if (s.has("enum")) {
      return s.getAsJsonArray("enum").get(0).toString();
    }
    if (s.has("default")) {
      return s.get("default").toString();
    }
    switch (type) {
      case "integer":
        return s.get("minimum").getAsBigInteger().toString();
      case "boolean":
        return "true";
      case "number":
        return s.get("minimum").getAsBigDecimal().toPlainString();
      case "object":
        return object(baseArguments(s));
      default:
        return q("x");
    }
  }

  /** Boundary and invalid values for a property, as JSON text. */
  static List<String> values(String name, JsonObject s) {
    Set<String> v = new LinkedHashSet<>(List.of("null", "true", "false", q("false"), q("true"), "0", "-1", "1", "1.5",
        "5.0", "-0", q(""), q(" "), q("x"), "[]", "{}", "{\"a\":1}", "[[1]]", "1E+100000000", q("1E+100000000"),
        "1E-100000000", "-1E+100000000", "12345678901234567890", "18446744073709551615", "18446744073709551616",
        "99999999999999999999999999", q(MB), "[" + String.join(",", Collections.nCopies(10_000, "1")) + "]",
        q("48949"), q("2026-11-01")));
    String sample = sample(name, s);
    v.add(sample);
    Set<String> types = new LinkedHashSet<>();
    if (s.has("type")) {
      if (s.get("type").isJsonArray()) {
        s.getAsJsonArray("type").forEach(t -> types.add(t.getAsString()));
      } else {
        types.add(s.get("type").getAsString());
      }
    }
    if (types.contains("integer") || types.contains("number")) {
      java.math.BigDecimal min = s.get("minimum").getAsBigDecimal();
      java.math.BigDecimal max = s.get("maximum").getAsBigDecimal();
      for (java.math.BigDecimal d : List.of(min, max)) {
        v.add(d.toPlainString());
        v.add(d.subtract(java.math.BigDecimal.ONE).toPlainString());
        v.add(d.add(java.math.BigDecimal.ONE).toPlainString());
        v.add(d.toPlainString() + ".0");
        v.add(d.add(new java.math.BigDecimal("0.5")).toPlainString());
        v.add(d.add(new java.math.BigDecimal("0.01")).toPlainString());
        v.add(d.subtract(new java.math.BigDecimal("0.01")).toPlainString());
        v.add(d.add(new java.math.BigDecimal("0.001")).toPlainString());
        v.add(q(d.toPlainString()));
        v.add(d.scaleByPowerOfTen(-1).toString() + "E1");
      }
    }
    if (types.contains("string")) {
      String inner = sample.startsWith("\"") ? JsonParser.parseString(sample).getAsString() : "1";
      v.add(q(inner + "\n"));
      v.add(q(" " + inner));
      v.add(q(inner.toLowerCase(Locale.ROOT)));
      v.add(q(inner + " "));
      char fill = inner.isEmpty() ? 'a' : inner.charAt(0);
      for (String k : List.of("minLength", "maxLength")) {
        if (s.has(k)) {
          int n = s.get(k).getAsInt();
          for (int len : new int[] {n - 1, n, n + 1}) {
            if (len >= 0) {
              v.add(q(String.valueOf(fill).repeat(len)));
            }
          }
        }
      }
      if (s.has("maxLength")) {
        int n = s.get("maxLength").getAsInt(); // code points, not chars: n emoji are 2n chars
        v.add(q("\uD83D\uDE00".repeat(n)));
      }
      if ("date".equals(s.has("format") ? s.get("format").getAsString() : null)) {
        v.addAll(List.of(q("2024-02-29"), q("2026-02-29"), q("2026-02-30"), q("2026-13-01"), q("2026-11-1"),
            q("20261101"), q("2026-11-01T00:00:00"), q("0000-01-01")));
      }
      if (name.endsWith("Roubles")) {
        v.addAll(List.of(q("12,50"), q("12.5"), q("12.505"), q("1 000"), q("-1"), q("+1"), q("1e3"), q("00"),
            q("1."), q(".5"), q("0.00"), q("100000"), q("100000.00"), q("100000.01"), q("100001"), q("100000000"),
            q("100000000,0"), q("100000000.01"), q("99999999.99"), "12.505", "0.1", "0.10", "1E+2", "1.0E+2"));
      }
      if (s.has("pattern") && s.get("pattern").getAsString().startsWith("^(?:0|[1-9]")) {
        v.addAll(List.of(q("18446744073709551615"), q("18446744073709551616"), q("99999999999999999999"),
            q("048949"), q("-1"), q("+1"), q("0"), q("1.0"), "1.0", "48949.0", "4.8949E4", "4.89491E4"));
      }
      if (s.has("enum")) {
        s.getAsJsonArray("enum").forEach(e -> v.add(e.toString()));
      }
    }
    if (types.contains("array")) {
      JsonObject items = s.getAsJsonObject("items");
      String item = sample(name + "[]", items);
      v.add("[]");
      for (String k : List.of("minItems", "maxItems")) {
        if (s.has(k)) {
          int n = s.get(k).getAsInt();
          for (int len : new int[] {n - 1, n, n + 1}) {
            if (len >= 0) {
              v.add("[" + String.join(",", Collections.nCopies(len, item)) + "]");
            }
          }
        }
      }
      v.add("[" + String.join(",", Collections.nCopies(10_000, item)) + "]");
      v.add(item); // one value where an array is expected
      // each item value: the item schema's own boundary values, one at a time
      for (String x : itemValues(name, items)) {
        v.add("[" + x + "]");
        v.add("[" + item + "," + x + "]");
      }
    }
    if (types.contains("object")) {
      v.addAll(objectValues(s));
    }
    return new ArrayList<>(v);
  }

  private static List<String> itemValues(String name, JsonObject items) {
    String type = items.has("type") && items.get("type").isJsonPrimitive() ? items.get("type").getAsString() : "";
    if (type.equals("object")) {
      return objectValues(items);
    }
    List<String> all = values(singular(name), items);
    // 10k-element and 1 MB items are covered at the top level; keep the nested sets small
    all.removeIf(x -> x.length() > 100_000);
    return all;
  }

  private static String singular(String name) {
    return name.equals("campaignIds") ? "campaignId" : name.equals("fields") ? "field" : name;
  }

  /** An object item (a bid): each field set to its values, each required field left out, an unknown field. */
  private static List<String> objectValues(JsonObject s) {
    List<String> out = new ArrayList<>();
    Map<String, String> base = baseArguments(s);
    JsonObject props = s.getAsJsonObject("properties");
    for (Map.Entry<String, JsonElement> p : props.entrySet()) {
      for (String x : values(p.getKey(), p.getValue().getAsJsonObject())) {
        if (x.length() > 100_000) {
          continue;
        }
        Map<String, String> m = new LinkedHashMap<>(base);
        m.put(p.getKey(), x);
        out.add(object(m));
      }
      Map<String, String> without = new LinkedHashMap<>(base);
      without.remove(p.getKey());
      out.add(object(without));
    }
    Map<String, String> extra = new LinkedHashMap<>(base);
    extra.put("extra", "1");
    out.add(object(extra));
    return out;
  }

  static String q(String s) {
    JsonArray a = new JsonArray();
    a.add(s);
    String json = a.toString();
    return json.substring(1, json.length() - 1);
  }

  static String object(Map<String, String> args) {
    StringBuilder sb = new StringBuilder("{");
    args.forEach((k, v) -> sb.append(sb.length() > 1 ? "," : "").append(q(k)).append(':').append(v));
    return sb.append('}').toString();
  }

  static String abbreviate(String s) {
    return s.length() > 60 ? s.substring(0, 40) + "…(" + s.length() + " chars)" : s;
  }
}
