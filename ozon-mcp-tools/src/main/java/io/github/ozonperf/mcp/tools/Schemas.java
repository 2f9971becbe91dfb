package io.github.ozonperf.mcp.tools;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Small helpers that build JSON Schema (2020-12) documents as plain maps. */
final class Schemas {
  private Schemas() {
  }

  /** A mutable object-schema builder. */
  static final class Obj {
    private final Map<String, Object> properties = new LinkedHashMap<>();
    private final List<String> required = new ArrayList<>();
    private boolean additional = false;
    private final Map<String, Object> dependentRequired = new LinkedHashMap<>();
    private final List<Object> anyOf = new ArrayList<>();

    Obj prop(String name, Map<String, Object> schema) {
      properties.put(name, schema);
      return this;
    }

    Obj req(String name, Map<String, Object> schema) {
      properties.put(name, schema);
      required.add(name);
      return this;
    }

    Obj open() {
      additional = true;
      return this;
    }

    /** {@code name} may only be given together with {@code other}. */
    Obj dependent(String name, String other) {
      dependentRequired.put(name, List.of(other));
      return this;
    }

    /** At least one of {@code names} must be given. */
    Obj atLeastOne(List<String> names) {
      for (String n : names) {
        anyOf.add(map("required", List.of(n)));
      }
      return this;
    }

    Map<String, Object> build() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("type", "object");
      m.put("properties", properties);
      if (!required.isEmpty()) {
        m.put("required", List.copyOf(required));
      }
      if (!additional) {
        m.put("additionalProperties", false); // true is JSON Schema's default: not spelled out (tools/list size)
      }
      if (!dependentRequired.isEmpty()) {
        m.put("dependentRequired", dependentRequired);
      }
      if (!anyOf.isEmpty()) {
        m.put("anyOf", List.copyOf(anyOf));
      }
      return m;
    }
  }

  static Obj obj() {
    return new Obj();
  }

  static Map<String, Object> str(String description) {
    return map("type", "string", "description", description);
  }

  static Map<String, Object> nullableStr(String description) {
    return map("type", List.of("string", "null"), "description", description);
  }

  static Map<String, Object> date(String description) {
    return map("type", "string", "format", "date", "pattern", "^[0-9]{4}-[0-9]{2}-[0-9]{2}$", "description",
        description + " (YYYY-MM-DD)");
  }

  static Map<String, Object> enumStr(String description, List<String> values) {
    return map("type", "string", "enum", values, "description", description);
  }

  static Map<String, Object> integer(String description, int min, int max) {
    Map<String, Object> m = map("type", "integer", "minimum", min, "maximum", max, "description", description);
    if (max == Integer.MAX_VALUE) {
      m.remove("maximum");
    }
    return m;
  }

  static Map<String, Object> integer(String description, int min, int max, int dflt) {
    Map<String, Object> m = integer(description, min, max);
    m.put("default", dflt);
    return m;
  }

  /** A number; {@code description} may be null when the field's name says it all. */
  static Map<String, Object> number(String description) {
    return description == null ? map("type", "number") : map("type", "number", "description", description);
  }

  static Map<String, Object> bool(String description, Boolean dflt) {
    Map<String, Object> m = map("type", "boolean", "description", description);
    if (dflt != null) {
      m.put("default", dflt);
    }
    return m;
  }

  /** An id input: a uint64 as a decimal string (no sign, no leading zeros) or a JSON integer. */
  static Map<String, Object> idInput(String description) {
    Map<String, Object> m = id();
    m.put("description", description + " (string or integer)");
    return m;
  }

  private static Map<String, Object> id() {
    return map("type", List.of("string", "integer"), "pattern", UINT64_PATTERN, "minimum", 0, "maximum",
        Args.UINT64_MAX);
  }

  /** nextCursor values: offsets. */
  static final String CURSOR_PATTERN = "^[0-9]{1,9}$";
  /** Report UUIDs as Ozon returns them. */
  static final String UUID_PATTERN = "^[A-Za-z0-9_-]{1,64}$";

  /**
   * Decimal strings without leading zeros, of at most 20 digits, the 20-digit ones below 19 * 10^18: every uint64 and
   * a sliver above it. The exact pattern for 0..18446744073709551615 ({@link #decimalsUpTo}) is 560 characters, and
   * an id field appears some forty times in tools/list; {@link Args} rejects the sliver (the id check says "above
   * the largest id"), as the integer branch's maximum says for numbers.
   */
  static final String UINT64_PATTERN = "^(?:0|[1-9][0-9]{0,18}|1[0-8][0-9]{18})$";

  /** Ids as an array; maxItems counts every item, duplicates included (they are removed afterwards). */
  static Map<String, Object> idsInput(String description, int maxItems) {
    // the items carry no description: the array's says it
    return map("type", "array", "items", id(), "minItems", 1, "maxItems", maxItems, "description", description);
  }

  /** A string matching {@code pattern} (anchored), at most {@code maxLength} characters. */
  static Map<String, Object> str(String description, String pattern, int maxLength) {
    return map("type", "string", "minLength", 1, "maxLength", maxLength, "pattern", pattern, "description",
        description);
  }

  /** A list of enum strings: at least one, at most as many as there are choices. */
  static Map<String, Object> enumList(List<String> choices, String description) {
    return map("type", "array", "items", map("type", "string", "enum", choices), "minItems", 1, "maxItems",
        choices.size(), "description", description);
  }

  /**
   * Roubles as a number or a string ("12.50" or "12,50"), 0 to {@code max} (a power of ten), at most 2 decimals:
   * the pattern says for strings what minimum, maximum and multipleOf say for numbers.
   */
  static Map<String, Object> roubles(String description, java.math.BigDecimal max) {
    int digits = max.toBigIntegerExact().toString().length() - 1;
    if (max.compareTo(java.math.BigDecimal.TEN.pow(digits)) != 0) {
      throw new IllegalArgumentException("max must be a power of ten, got " + max);
    }
    String pattern = "^(?:(?:0|[1-9][0-9]{0," + (digits - 1) + "})(?:[.,][0-9]{1,2})?|1" + "0".repeat(digits)
        + "(?:[.,]00?)?)$";
    return map("type", List.of("number", "string"), "minimum", 0, "maximum", max, "multipleOf",
        new java.math.BigDecimal("0.01"), "pattern", pattern, "description", description);
  }

  /** An anchored regular expression for the decimal numbers 0..max, without sign or leading zeros. */
  static String decimalsUpTo(String max) {
    int n = max.length();
    return "^(?:0" + (n > 1 ? "|[1-9][0-9]{0," + (n - 2) + "}|" + upTo(max, 0) : "|[1-" + max + "]") + ")$";
  }

  /**
   * The numbers of {@code max}'s length from position {@code i} on, nested: a lower digit then any digits, or the same
   * digit and the rest ({@code 1(?:[0-7][0-9]{18}|8(?:...))}) — each digit of max once, not once per branch.
   */
  private static String upTo(String max, int i) {
    int n = max.length();
    int d = max.charAt(i) - '0';
    int lowest = i == 0 ? 1 : 0;
    if (i == n - 1) {
      return d == lowest ? String.valueOf(d) : "[" + lowest + "-" + d + "]";
    }
    String same = max.charAt(i) + upTo(max, i + 1);
    if (d - 1 < lowest) {
      return same;
    }
    int rest = n - i - 1;
    String lower = (d - 1 == lowest ? String.valueOf(lowest) : "[" + lowest + "-" + (d - 1) + "]")
        + (rest == 1 ? "[0-9]" : "[0-9]{" + rest + "}");
    return "(?:" + lower + "|" + same + ")";
  }

  /** An id output: always a string. */
  static Map<String, Object> idOutput(String description) {
    return map("type", "string", "description", description);
  }

  static Map<String, Object> array(Map<String, Object> items, String description) {
    return map("type", "array", "items", items, "description", description);
  }

  static Map<String, Object> anyObject(String description) {
    return map("type", "object", "description", description);
  }

  /** Any JSON value (used for raw Ozon fields that may be strings, numbers, arrays). */
  static Map<String, Object> anyValue(String description) {
    return map("description", description);
  }

  /**
   * The error envelope every isError result carries as structuredContent. Kept short on purpose: it is repeated in
   * every tool's outputSchema (tools/list size matters to hosts), so it names the fields a model acts on and leaves
   * the informational ones ({@code operation}, {@code httpStatus}) open.
   */
  static Map<String, Object> errorEnvelope() {
    Map<String, Object> m = obj()
        // "forbidden" only exists with an accounts file, whose tools add it (AccountTools.withForbidden)
        .req("type", map("enum", java.util.Arrays.stream(ToolError.Type.values())
            .filter(t -> t != ToolError.Type.FORBIDDEN).map(t -> t.wire).toList()))
        .req("message", map("type", "string"))
        .req("retryable", map("type", "boolean"))
        .prop("retryAfterSeconds", map("type", "integer"))
        .open()
        .build();
    m.remove("type"); // the output schema's own "type": "object" covers both branches
    return m;
  }

  /** An output schema: the success shape or the error envelope. */
  static Map<String, Object> output(Map<String, Object> success) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("type", "object");
    Map<String, Object> ok = trimDescriptions(success);
    if ("object".equals(ok.get("type"))) {
      ok.remove("type");
    }
    m.put("anyOf", List.of(ok, errorEnvelope()));
    return m;
  }

  /**
   * Drops output-schema descriptions that say nothing a field name does not (tools/list is sent to the model
   * on every session); keeps those that carry units, formats or instructions.
   */
  @SuppressWarnings("unchecked")
  static Map<String, Object> trimDescriptions(Map<String, Object> schema) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (Map.Entry<String, Object> e : schema.entrySet()) {
      Object v = e.getValue();
      if (e.getKey().equals("description") && v instanceof String d && !KEEP.matcher(d).find()) {
        continue;
      }
      if (e.getKey().equals("properties") && v instanceof Map<?, ?> props) {
        Map<String, Object> p = new LinkedHashMap<>();
        ((Map<String, Object>) props).forEach((k, x) -> p.put(k, x instanceof Map<?, ?> xm
            ? trimDescriptions((Map<String, Object>) xm) : x));
        out.put(e.getKey(), p);
      } else if (v instanceof Map<?, ?> vm) {
        out.put(e.getKey(), trimDescriptions((Map<String, Object>) vm));
      } else {
        out.put(e.getKey(), v);
      }
    }
    return out;
  }

  private static final java.util.regex.Pattern KEEP = java.util.regex.Pattern.compile(
      "rouble|%|YYYY|RFC|cursor|uuid|UUID|OK|true when|next", java.util.regex.Pattern.CASE_INSENSITIVE);

  /** The input schema of a tool; always an object. */
  static Map<String, Object> input(Obj obj) {
    return obj.build();
  }

  static Map<String, Object> map(Object... kv) {
    if (kv.length % 2 != 0) {
      throw new IllegalArgumentException("odd key/value list: " + Arrays.toString(kv));
    }
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return m;
  }
}
