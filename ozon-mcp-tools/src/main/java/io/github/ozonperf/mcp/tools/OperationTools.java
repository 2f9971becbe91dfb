package io.github.ozonperf.mcp.tools;

import static io.github.ozonperf.mcp.tools.Schemas.map;

import com.google.gson.JsonElement;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.reflect.TypeToken;
import io.github.ozonperf.client.OzonJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Operation tools: one tool per API operation that no curated tool covers, derived from the spec at build time.
 * The build writes operations.json (each operation's id, method, path, summary, parameters, request body and
 * responses, and the component schemas, all as JSON) and one {@code *Invokers} class per tag (the typed call of
 * each operation through the facade). This class turns them into tools: snake_case names from the operation ids,
 * descriptions from the summaries, input schemas in the subset {@link Args} checks (ids as string or integer),
 * output schemas from the response schemas, annotations from the HTTP method and the operation id's verb. Read only
 * when a toolset other than {@code default} is selected, so the default start-up does not pay for it.
 */
final class OperationTools {
  static final String META_OPERATIONS = "io.github.ozonperf/operations";
  /** Verbs of operation ids that change the account (also when sent as GET, as all_sku_promo's are). */
  private static final Set<String> WRITE_VERBS = Set.of("create", "activate", "deactivate", "patch", "add", "update",
      "delete", "set", "enable", "disable");
  private static final Set<String> DESTRUCTIVE_VERBS = Set.of("deactivate", "patch", "update", "delete", "set",
      "disable");
  private static final Set<String> NON_IDEMPOTENT_VERBS = Set.of("create", "add");
  static final String DATE_TIME_PATTERN =
      "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(?:\\.[0-9]{1,9})?(?:Z|[+-][0-9]{2}:[0-9]{2})$";
  static final int CSV_DEFAULT_LIMIT = 100;
  /** Bounds of spec-derived arguments where the spec gives none: no Ozon field needs more, and answers echo them. */
  static final int MAX_STRING = 1000;
  static final int MAX_ITEMS = 1000;

  /** One operation of operations.json. */
  record Operation(String id, String tag, String method, String path, String summary, String returnType,
      boolean jsonTwin, List<Map<String, Object>> params, Map<String, Object> responses) {
    String key() {
      return method + " " + path;
    }

    /** Reads the account or submits a report; everything else changes it. */
    boolean write() {
      return WRITE_VERBS.contains(verb());
    }

    String verb() {
      return id.split("(?=[A-Z])")[0];
    }

    boolean csv() {
      return "String".equals(returnType);
    }

    /** The toolset: the tag in snake_case; statistics reports (submit, status, lists, download) apart. */
    String toolset() {
      String t = snake(tag);
      if (t.equals("statistics") && (id.startsWith("submit") || id.startsWith("generate") || id.contains("Report"))) {
        return "reports";
      }
      return t;
    }
  }

  private static volatile Spec spec;

  /** operations.json, parsed. */
  record Spec(List<Operation> operations, Map<String, Map<String, Object>> schemas) {
  }

  private OperationTools() {
  }

  @SuppressWarnings("unchecked")
  static Spec spec() {
    Spec s = spec;
    if (s != null) {
      return s;
    }
    try (InputStream in = OperationTools.class.getResourceAsStream("operations.json")) {
      if (in == null) {
        throw new IllegalStateException("operations.json is missing from the jar (generated at build time)");
      }
      Map<String, Object> root = (Map<String, Object>) Values.plain(JsonParser.parseReader(
          new InputStreamReader(in, StandardCharsets.UTF_8)));
      List<Operation> ops = new ArrayList<>();
      for (Map<String, Object> o : (List<Map<String, Object>>) root.get("operations")) {
        Map<String, Object> responses = new LinkedHashMap<>();
        for (Map<String, Object> r : (List<Map<String, Object>>) o.get("responses")) {
          responses.put((String) r.get("code"), r.get("spec"));
        }
        ops.add(new Operation((String) o.get("operationId"), (String) o.get("tag"), (String) o.get("method"),
            (String) o.get("path"), (String) o.get("summary"), (String) o.get("returnType"),
            Boolean.TRUE.equals(o.get("jsonTwin")), (List<Map<String, Object>>) o.get("params"), responses));
      }
      s = new Spec(List.copyOf(ops), (Map<String, Map<String, Object>>) (Map<?, ?>) root.get("schemas"));
      spec = s;
      return s;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every typed call, by operation id. */
  static Map<String, OperationInvoker> invokers() {
    Map<String, OperationInvoker> m = new HashMap<>();
    CampaignsInvokers.register(m);
    ProductsInvokers.register(m);
    StatisticsInvokers.register(m);
    StatisticsJsonInvokers.register(m);
    SearchPromoInvokers.register(m);
    VendorInvokers.register(m);
    return m;
  }

  /**
   * The operation tools: one per operation of the spec that is not a JSON twin and that no curated tool reaches.
   *
   * @param ctx     the tools' context
   * @param covered operations ("GET /path") the curated tools reach
   * @param taken   names the curated tools use
   */
  static List<ToolDef> tools(ToolContext ctx, Set<String> covered, Set<String> taken) {
    Spec s = spec();
    Map<String, OperationInvoker> invokers = invokers();
    List<ToolDef> out = new ArrayList<>();
    for (Operation op : s.operations()) {
      if (op.jsonTwin() || covered.contains(op.key())) {
        continue;
      }
      OperationInvoker invoker = invokers.get(op.id());
      if (invoker == null) {
        throw new IllegalStateException("no generated invoker for operation " + op.id());
      }
      String name = snake(op.id());
      if (taken.contains(name)) {
        name = name + (op.csv() ? "_csv" : "_raw");
      }
      out.add(new OperationTool(ctx, s, op, name, invoker).def());
    }
    return out;
  }

  static String snake(String camel) {
    return camel.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
  }

  // ------------------------------------------------------------------ one tool

  /** The tool of one operation. */
  private static final class OperationTool {
    private final ToolContext ctx;
    private final Spec spec;
    private final Operation op;
    private final String name;
    private final OperationInvoker invoker;
    /** Top-level argument -> where it goes: a parameter name, or "body" for a property of the request body. */
    private final Map<String, String> route = new LinkedHashMap<>();
    private String bodyModel;
    private boolean bodyIsObject;

    OperationTool(ToolContext ctx, Spec spec, Operation op, String name, OperationInvoker invoker) {
      this.ctx = ctx;
      this.spec = spec;
      this.op = op;
      this.name = name;
      this.invoker = invoker;
    }

    @SuppressWarnings("unchecked")
    ToolDef def() {
      Map<String, Object> properties = new LinkedHashMap<>();
      List<String> required = new ArrayList<>();
      for (Map<String, Object> p : op.params()) {
        Map<String, Object> ps = (Map<String, Object>) p.get("spec");
        if ("body".equals(p.get("in"))) {
          Map<String, Object> content = (Map<String, Object>) ps.get("content");
          Map<String, Object> schema = (Map<String, Object>) ((Map<String, Object>) content.values().iterator().next())
              .get("schema");
          String ref = (String) schema.get("$ref");
          bodyModel = ref == null ? null : ref.substring(ref.lastIndexOf('/') + 1);
          Map<String, Object> body = resolve(schema);
          Map<String, Object> props = (Map<String, Object>) body.getOrDefault("properties", Map.of());
          bodyIsObject = true;
          List<String> bodyRequired = (List<String>) body.getOrDefault("required", List.of());
          for (Map.Entry<String, Object> e : props.entrySet()) {
            properties.put(e.getKey(), input((Map<String, Object>) e.getValue(), null, 0));
            route.put(e.getKey(), "body");
            if (bodyRequired.contains(e.getKey())) {
              required.add(e.getKey());
            }
          }
        } else {
          String pn = (String) p.get("name");
          properties.put(pn, input((Map<String, Object>) ps.get("schema"), (String) ps.get("description"), 0));
          route.put(pn, pn);
          if (Boolean.TRUE.equals(p.get("required"))) {
            required.add(pn);
          }
        }
      }
      boolean write = op.write();
      if (op.csv()) {
        properties.put("limit", Schemas.integer("At most this many rows in this answer (default " + CSV_DEFAULT_LIMIT
            + ").", 1, 1000, CSV_DEFAULT_LIMIT));
        properties.put("cursor", CampaignTools.cursorInput());
      }
      if (write) {
        properties.put("dryRun", Schemas.bool("true (default): send nothing, show the exact request. false: send"
            + " it.", true));
      }
      Map<String, Object> in = new LinkedHashMap<>();
      in.put("type", "object");
      in.put("properties", properties);
      if (!required.isEmpty()) {
        in.put("required", required);
      }
      in.put("additionalProperties", false);

      String verb = op.verb();
      boolean destructive = write && DESTRUCTIVE_VERBS.contains(verb);
      boolean idempotent = !NON_IDEMPOTENT_VERBS.contains(verb) && !op.id().startsWith("submit")
          && !op.id().startsWith("generate");
      String description = description(write);
      return new ToolDef(name, title(), description, in, Schemas.output(output(write)), !write, destructive,
          idempotent, List.of(op.key()), op.toolset(), this::handle);
    }

    private String title() {
      String s = op.summary().replaceAll("\\s*\\(.*?\\)", "");
      s = s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
      int comma = s.indexOf(", ");
      return comma > 0 && s.length() > 60 ? s.substring(0, comma) : s;
    }

    private String description(boolean write) {
      StringBuilder d = new StringBuilder(op.summary());
      if (op.csv()) {
        d.append(" Rows are parsed from Ozon's CSV: numbers as numbers, at most limit rows per answer with nextCursor.");
      }
      if (write) {
        d.append(" dryRun defaults to true: the answer shows the exact request and nothing is sent; dryRun=false"
            + " sends it.");
      }
      return d.toString();
    }

    // -------------------------------------------------------------- schemas

    @SuppressWarnings("unchecked")
    private Map<String, Object> resolve(Map<String, Object> schema) {
      Object ref = schema.get("$ref");
      if (ref instanceof String r) {
        Map<String, Object> target = spec.schemas().get(r.substring(r.lastIndexOf('/') + 1));
        if (target == null) {
          throw new IllegalStateException(op.id() + ": unknown schema " + r);
        }
        return target;
      }
      return schema;
    }

    /** An input schema in the subset Args checks. */
    @SuppressWarnings("unchecked")
    private Map<String, Object> input(Map<String, Object> raw, String description, int depth) {
      Map<String, Object> s = resolve(raw);
      String desc = cut(description != null ? description : (String) raw.getOrDefault("description",
          raw.get("$ref") == null ? s.get("description") : null));
      String type = (String) s.get("type");
      String format = (String) s.get("format");
      Map<String, Object> m;
      if (s.get("enum") instanceof List<?> values) {
        m = map("type", "string", "enum", values);
      } else if ("string".equals(type) && "uint64".equals(format)) {
        return Schemas.idInput(desc == null ? "Id" : desc);
      } else if ("string".equals(type) && "date".equals(format)) {
        return Schemas.date(desc == null ? "Day" : desc.replaceAll("\\s*\\(?YYYY-MM-DD\\)?,?", ""));
      } else if ("string".equals(type) && "date-time".equals(format)) {
        m = map("type", "string", "maxLength", 40, "pattern", DATE_TIME_PATTERN);
        desc = (desc == null ? "" : desc.replace("RFC 3339 date-time", "").replaceAll("[,. ]+$", "") + ", ")
            + "RFC 3339, e.g. 2026-01-31T00:00:00Z";
      } else if ("string".equals(type)) {
        // the spec's bounds, else ours: a tool argument never needs megabytes (answers echo arguments)
        m = map("type", "string", "maxLength", s.getOrDefault("maxLength", MAX_STRING));
        copy(s, m, "minLength", "pattern");
      } else if ("integer".equals(type)) {
        m = map("type", "integer", "minimum", s.getOrDefault("minimum", 0), "maximum",
            s.getOrDefault("maximum", Integer.MAX_VALUE));
      } else if ("number".equals(type)) {
        m = map("type", "number", "minimum", s.getOrDefault("minimum", 0), "maximum",
            s.getOrDefault("maximum", 1_000_000_000));
      } else if ("boolean".equals(type)) {
        m = map("type", "boolean");
      } else if ("array".equals(type)) {
        m = map("type", "array", "items", input((Map<String, Object>) s.get("items"), null, depth + 1));
        if (s.get("minItems") != null) {
          m.put("minItems", s.get("minItems"));
        }
        m.put("maxItems", s.getOrDefault("maxItems", MAX_ITEMS));
      } else if ("object".equals(type) || s.containsKey("properties")) {
        Map<String, Object> props = new LinkedHashMap<>();
        ((Map<String, Object>) s.getOrDefault("properties", Map.of())).forEach((k, v) ->
            props.put(k, input((Map<String, Object>) v, null, depth + 1)));
        m = map("type", "object", "properties", props);
        if (s.get("required") != null) {
          m.put("required", s.get("required"));
        }
        m.put("additionalProperties", false);
      } else {
        m = new LinkedHashMap<>();
      }
      if (desc != null) {
        m.put("description", desc);
      }
      return m;
    }

    private static void copy(Map<String, Object> from, Map<String, Object> to, String... keys) {
      for (String k : keys) {
        if (from.get(k) != null) {
          to.put(k, from.get(k));
        }
      }
    }

    /** The success shape of the answer. */
    @SuppressWarnings("unchecked")
    private Map<String, Object> output(boolean write) {
      if (write) {
        Map<String, Object> request = Schemas.obj()
            .req("method", map("type", "string"))
            .req("path", map("type", "string"))
            .prop("query", map("type", "object"))
            .prop("body", map("type", "object"))
            .build();
        return Schemas.obj()
            .req("dryRun", map("type", "boolean"))
            .req("request", request)
            .prop("result", map("type", "object"))
            .req("note", map("type", "string"))
            .build();
      }
      if (op.csv()) {
        return Schemas.obj()
            .req("columns", map("type", "array", "items", map("type", "string")))
            .req("rows", map("type", "array", "items", map("type", "object"), "description",
                "One object per CSV line, keyed by column; numbers as numbers"))
            .req("returned", map("type", "integer"))
            .req("total", map("type", "integer"))
            .prop("title", map("type", "string"))
            .prop("totals", map("type", "object", "description", "The Всего (total) line, when Ozon sends one"))
            .prop("nextCursor", map("type", "string", "description", "Pass as cursor for the next rows"))
            .prop("note", map("type", "string"))
            .build();
      }
      Map<String, Object> ok = (Map<String, Object>) op.responses().get("200");
      Map<String, Object> content = ok == null ? null : (Map<String, Object>) ok.get("content");
      if (content == null || content.isEmpty()) {
        return Schemas.obj().req("ok", map("type", "boolean")).build();
      }
      Map<String, Object> schema = (Map<String, Object>) ((Map<String, Object>) content.values().iterator().next())
          .get("schema");
      Map<String, Object> out = outputSchema(schema, 0);
      if (!"object".equals(out.get("type"))) {
        return Schemas.obj().req("ok", map("type", "boolean")).build();
      }
      return out;
    }

    /** A loose output schema: types and properties, no formats, enums or required (Ozon adds values). */
    @SuppressWarnings("unchecked")
    private Map<String, Object> outputSchema(Map<String, Object> raw, int depth) {
      Map<String, Object> s = resolve(raw);
      Object type = s.get("type");
      Map<String, Object> m = new LinkedHashMap<>();
      if (type != null) {
        m.put("type", type);
      }
      if (depth >= 3) {
        return m; // deeper shapes cost tools/list bytes in every session and help a model little
      }
      if (s.get("items") instanceof Map<?, ?> items) {
        m.put("items", outputSchema((Map<String, Object>) items, depth + 1));
      }
      if (s.get("properties") instanceof Map<?, ?> props && !props.isEmpty()) {
        Map<String, Object> p = new LinkedHashMap<>();
        ((Map<String, Object>) props).forEach((k, v) -> p.put(k, outputSchema((Map<String, Object>) v, depth + 1)));
        m.put("properties", p);
      }
      if (s.get("additionalProperties") instanceof Map<?, ?> ap) {
        m.put("additionalProperties", outputSchema((Map<String, Object>) ap, depth + 1));
      }
      if (s.get("description") instanceof String d && d.contains("millionths of a rouble")) {
        m.put("description", "micro-roubles");
      }
      return m;
    }

    // -------------------------------------------------------------- the call

    private ToolDef.Outcome handle(Args a, ToolCall call) {
      Map<String, Object> body = new LinkedHashMap<>();
      Map<String, Object> params = new LinkedHashMap<>();
      for (Map.Entry<String, String> r : route.entrySet()) {
        Object v = a.raw(r.getKey());
        if (v == null) {
          continue;
        }
        v = canonicalIds(v);
        if (r.getValue().equals("body")) {
          body.put(r.getKey(), v);
        } else {
          params.put(r.getValue(), v);
        }
      }
      Object typedBody = bodyIsObject ? toModel(body) : null;
      if (op.write()) {
        boolean dryRun = a.bool("dryRun", true);
        Map<String, Object> request = request(params, typedBody);
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("dryRun", dryRun);
        o.put("request", request);
        if (dryRun) {
          o.put("note", "Nothing was sent. Call " + name + " again with the same arguments and dryRun=false to send"
              + " it.");
        } else {
          Object resp = invoke(params, typedBody);
          o.put("result", resp == null ? Map.of("ok", true) : Values.plainObject(resp));
          o.put("note", "Sent.");
        }
        String json = request.containsKey("body") ? " " + OzonJson.gson().toJson(request.get("body")) : "";
        return new ToolDef.Outcome(o, (dryRun ? "[dry run] " : "") + request.get("method") + " " + request.get("path")
            + query(request) + json + "\n" + o.get("note"));
      }
      Object resp = invoke(params, typedBody);
      if (op.csv()) {
        return Csv.outcome(op.summary(), resp == null ? "" : resp.toString(), a.integer("limit", 1, 1000,
            CSV_DEFAULT_LIMIT), Values.cursorOffset(a));
      }
      Map<String, Object> out = resp == null ? Map.of("ok", true) : Values.plainObject(resp);
      String text = OzonJson.gson().toJson(out);
      return new ToolDef.Outcome(out, text);
    }

    private Object invoke(Map<String, Object> params, Object typedBody) {
      return invoker.invoke(ctx.client(), new OperationInvoker.Arguments() {
        @Override
        public <T> T get(String argument, TypeToken<T> type) {
          if (argument.equals("body")) {
            @SuppressWarnings("unchecked")
            T t = (T) typedBody;
            return t;
          }
          Object v = params.get(argument);
          return v == null ? null : convert(argument, v, type.getType());
        }
      });
    }

    private Object toModel(Map<String, Object> body) {
      Class<?> type = Object.class;
      if (bodyModel != null) {
        try {
          type = Class.forName("io.github.ozonperf.client.model." + bodyModel);
        } catch (ClassNotFoundException e) {
          throw new IllegalStateException("no generated model " + bodyModel, e);
        }
      }
      return convert("arguments", body, type);
    }

    private static <T> T convert(String label, Object value, java.lang.reflect.Type type) {
      try {
        JsonElement tree = OzonJson.gson().toJsonTree(value);
        return OzonJson.gson().fromJson(tree, type);
      } catch (JsonParseException | DateTimeParseException | IllegalArgumentException e) {
        throw ToolError.validation(label + ": " + e.getMessage());
      }
    }

    private Map<String, Object> request(Map<String, Object> params, Object typedBody) {
      String path = op.path();
      Map<String, Object> query = new LinkedHashMap<>();
      for (Map<String, Object> p : op.params()) {
        String pn = (String) p.get("name");
        Object v = params.get(pn);
        if (v == null) {
          continue;
        }
        if ("path".equals(p.get("in"))) {
          path = path.replace("{" + pn + "}", String.valueOf(v));
        } else if ("query".equals(p.get("in"))) {
          query.put(pn, v);
        }
      }
      Map<String, Object> r = new LinkedHashMap<>();
      r.put("method", op.method());
      r.put("path", path);
      if (!query.isEmpty()) {
        r.put("query", query);
      }
      if (typedBody != null) {
        r.put("body", Values.plainObject(typedBody));
      }
      return r;
    }

    @SuppressWarnings("unchecked")
    private static String query(Map<String, Object> request) {
      Object q = request.get("query");
      if (!(q instanceof Map<?, ?> m) || m.isEmpty()) {
        return "";
      }
      List<String> parts = new ArrayList<>();
      ((Map<String, Object>) m).forEach((k, v) -> parts.add(k + "=" + v));
      return "?" + String.join("&", parts);
    }
  }

  /** Ids as canonical decimal strings (they arrive as strings or JSON integers). */
  @SuppressWarnings("unchecked")
  static Object canonicalIds(Object v) {
    if (v instanceof Number n && Args.exact(n) != null) {
      BigDecimal d = Args.exact(n);
      return d.stripTrailingZeros().scale() <= 0 ? d.toBigIntegerExact().toString() : v;
    }
    if (v instanceof List<?> l) {
      List<Object> out = new ArrayList<>();
      l.forEach(x -> out.add(canonicalIds(x)));
      return out;
    }
    if (v instanceof Map<?, ?> m) {
      Map<String, Object> out = new LinkedHashMap<>();
      ((Map<String, Object>) m).forEach((k, x) -> out.put(k, canonicalIds(x)));
      return out;
    }
    return v;
  }

  private static final Pattern SENTENCE_END = Pattern.compile("\\.\\s");

  /** The first sentence of a spec description, without notes about the wire format. */
  static String cut(String description) {
    if (description == null) {
      return null;
    }
    String d = description.strip().replace("\n", " ");
    java.util.regex.Matcher m = SENTENCE_END.matcher(d);
    if (m.find()) {
      d = d.substring(0, m.start() + 1);
    }
    d = d.replaceAll("\\s*\\((?:the document|exploded)[^)]*\\)", "").replaceAll(",\\s*exploded.*$", "")
        .replace("`", "").strip();
    if (d.isEmpty() || d.toLowerCase(Locale.ROOT).contains("document")) {
      return null;
    }
    return d;
  }
}
