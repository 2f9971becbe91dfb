package io.github.ozonperf.mcp.tools;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * A tool call's arguments, checked against the tool's own input schema (the one {@code tools/list} shows) before
 * the handler reads them, so what a tool accepts is exactly what its schema says: types (a string is not a
 * boolean, {@code 5.5} is not an integer), minimum/maximum, minLength/maxLength, pattern, format {@code date},
 * enum, minItems/maxItems (counted before ids are de-duplicated), required, additionalProperties,
 * dependentRequired and anyOf. The few rules a schema cannot say (dateTo on or after dateFrom, at most 62 days)
 * are checked by the handlers through {@link #dateRange}. Every failure is a {@link ToolError} of type
 * {@code validation} naming the argument; no HTTP call happens before validation passes.
 *
 * <p>Numbers are read exactly, from the JSON text (the server's mapper keeps every number that is not a long as its
 * text): nothing goes through a double, a uint64 id stays digit for digit, and a number is compared with its bounds
 * before anything expands it, so {@code 1E+1000000000} costs as little as {@code 1}. Error messages quote at most
 * {@value #QUOTE} characters of a bad value.
 */
final class Args {
  /** Longest prefix of a bad value an error message quotes. */
  static final int QUOTE = 40;
  /** Longest number text read at all; every numeric input has a maximum far below 10^100. */
  static final int MAX_NUMBER_CHARS = 100;
  static final BigInteger UINT64_MAX = new BigInteger("18446744073709551615");
  /** Keywords of our input schemas that carry no constraint. */
  private static final Set<String> ANNOTATIONS = Set.of("description", "default", "title");
  private static final Set<String> CONSTRAINTS = Set.of("type", "enum", "pattern", "format", "minLength",
      "maxLength", "minimum", "maximum", "multipleOf", "items", "minItems", "maxItems", "properties", "required",
      "additionalProperties", "dependentRequired", "anyOf");
  private static final Map<String, Pattern> PATTERNS = new ConcurrentHashMap<>();

  private final Map<String, Object> values;

  /**
   * Checks {@code values} against {@code inputSchema}.
   *
   * @throws ToolError (validation) naming the first argument that does not conform
   */
  Args(Map<String, Object> values, Map<String, Object> inputSchema) {
    this.values = values == null ? Map.of() : new LinkedHashMap<>(values);
    check("", inputSchema, this.values);
  }

  /** The value as given (schema-checked), or null. */
  Object raw(String name) {
    return values.get(name);
  }

  boolean has(String name) {
    return values.get(name) != null;
  }

  // ------------------------------------------------------------------ typed reads (values are schema-checked)

  /** An id given as a JSON string or integer; returned as a canonical decimal string. */
  String id(String name) {
    return idValue(name, required(name));
  }

  private static String idValue(String label, Object v) {
    BigInteger id;
    if (v instanceof String s && s.length() <= 20 && s.chars().allMatch(c -> c >= '0' && c <= '9') && !s.isEmpty()) {
      id = new BigInteger(s);
    } else if (v instanceof Number n && isUint64(exact(n))) {
      id = exact(n).toBigIntegerExact();
    } else {
      throw ToolError.validation(label + ": " + quote(v) + " is not a valid id; ids are unsigned 64-bit decimal"
          + " numbers such as \"48949\" (strings or integers)");
    }
    if (id.compareTo(UINT64_MAX) > 0) {
      throw ToolError.validation(label + ": " + quote(v) + " is above the largest id, " + UINT64_MAX);
    }
    return id.toString();
  }

  /** A list of ids (each a string or integer), de-duplicated in order; its size was checked before that. */
  List<String> ids(String name, int max) {
    List<?> list = (List<?>) required(name);
    if (list.size() > max) {
      throw ToolError.validation(name + ": at most " + max + " ids per call, got " + list.size());
    }
    LinkedHashSet<String> out = new LinkedHashSet<>();
    for (int i = 0; i < list.size(); i++) {
      out.add(idValue(name + "[" + i + "]", list.get(i)));
    }
    return List.copyOf(out);
  }

  List<String> optionalIds(String name, int max) {
    return has(name) ? ids(name, max) : List.of();
  }

  String string(String name, int maxLength) {
    Object v = required(name);
    if (!(v instanceof String s) || s.length() > maxLength) {
      throw ToolError.validation(name + ": expected a string of at most " + maxLength + " characters, got "
          + describe(v));
    }
    return s;
  }

  String optionalString(String name, int maxLength) {
    return has(name) ? string(name, maxLength) : null;
  }

  /** A report UUID as Ozon returns it (the schema's pattern has checked its form). */
  String uuid(String name) {
    return string(name, 64);
  }

  /** One of {@code allowed}, exactly as spelled there. */
  String enumValue(String name, List<String> allowed, String defaultValue) {
    if (!has(name)) {
      return defaultValue;
    }
    Object v = values.get(name);
    if (v instanceof String s && allowed.contains(s)) {
      return s;
    }
    throw ToolError.validation(name + ": " + quote(v) + " is not allowed; use one of " + String.join(", ", allowed));
  }

  /** An integer within [min, max] (a JSON integer, or a number with no fraction such as 5.0). */
  int integer(String name, int min, int max, int defaultValue) {
    if (!has(name)) {
      return defaultValue;
    }
    Object v = values.get(name);
    BigDecimal d = v instanceof Number n ? exact(n) : null;
    if (d == null || d.stripTrailingZeros().scale() > 0 || d.compareTo(BigDecimal.valueOf(min)) < 0
        || d.compareTo(BigDecimal.valueOf(max)) > 0) {
      throw ToolError.validation(name + ": expected an integer from " + min + " to " + max + ", got " + describe(v));
    }
    return d.intValueExact();
  }

  /** A JSON boolean: the string "false" is not false. */
  boolean bool(String name, boolean defaultValue) {
    if (!has(name)) {
      return defaultValue;
    }
    Object v = values.get(name);
    if (v instanceof Boolean b) {
      return b;
    }
    throw ToolError.validation(name + ": expected true or false (a JSON boolean), got " + describe(v));
  }

  /** A YYYY-MM-DD date. */
  LocalDate date(String name) {
    Object v = required(name);
    LocalDate d = v instanceof String s ? parseDate(s) : null;
    if (d == null) {
      throw ToolError.validation(name + ": expected a date as YYYY-MM-DD (e.g. \"2026-01-31\"), got " + describe(v));
    }
    return d;
  }

  LocalDate optionalDate(String name) {
    return has(name) ? date(name) : null;
  }

  /** dateFrom/dateTo with dateTo >= dateFrom and at most {@code maxDays} days inclusive. */
  LocalDate[] dateRange(String fromName, String toName, int maxDays, String whenTooLong) {
    LocalDate from = date(fromName);
    LocalDate to = date(toName);
    if (to.isBefore(from)) {
      throw ToolError.validation(toName + " (" + to + ") is before " + fromName + " (" + from + "); swap them or"
          + " pick a " + toName + " on or after " + from);
    }
    long days = ChronoUnit.DAYS.between(from, to) + 1;
    if (days > maxDays) {
      throw ToolError.validation(fromName + ".." + toName + ": the period " + from + ".." + to + " has " + days
          + " days; at most " + maxDays
          + " days are allowed" + (whenTooLong == null ? "" : "; " + whenTooLong));
    }
    return new LocalDate[] {from, to};
  }

  /** A money amount in roubles: a number, or a string such as "12.50" or "12,50"; at most 2 decimals, >= 0. */
  BigDecimal roubles(String name, BigDecimal max) {
    return roublesValue(name, required(name), max);
  }

  static BigDecimal roublesValue(String name, Object v, BigDecimal max) {
    BigDecimal d = v instanceof Number n ? exact(n)
        : v instanceof String s && s.length() <= 20 && s.matches("[0-9]{1,12}([.,][0-9]{1,2})?")
            ? new BigDecimal(s.replace(',', '.')) : null;
    if (d == null || d.signum() < 0 || d.compareTo(max) > 0 || d.stripTrailingZeros().scale() > 2) {
      throw ToolError.validation(name + ": expected an amount in roubles from 0 to " + max.toPlainString()
          + " with at most 2 decimals (kopecks), such as 500 or 12.50, got " + describe(v));
    }
    return d;
  }

  /** A list of strings, each one of {@code allowed}. */
  List<String> stringList(String name, Collection<String> allowed) {
    Object v = required(name);
    List<String> out = new ArrayList<>();
    if (v instanceof List<?> list) {
      for (Object o : list) {
        if (!(o instanceof String s) || !allowed.contains(s)) {
          throw ToolError.validation(name + ": " + quote(o) + " is not allowed; choose from "
              + String.join(", ", allowed));
        }
        out.add(s);
      }
      return out;
    }
    throw ToolError.validation(name + ": expected an array of strings, got " + describe(v));
  }

  @SuppressWarnings("unchecked")
  List<Map<String, Object>> objectList(String name, int max) {
    List<?> list = (List<?>) required(name);
    if (list.size() > max) {
      throw ToolError.validation(name + ": at most " + max + " items per call, got " + list.size());
    }
    List<Map<String, Object>> out = new ArrayList<>();
    for (Object o : list) {
      out.add((Map<String, Object>) o);
    }
    return out;
  }

  /** Reads an id found inside a nested object. */
  static String nestedId(String label, Object v) {
    if (v == null) {
      throw ToolError.validation(label + " is required");
    }
    return idValue(label, v);
  }

  private Object required(String name) {
    Object v = values.get(name);
    if (v == null) {
      throw ToolError.validation("missing required argument '" + name + "'");
    }
    return v;
  }

  // ------------------------------------------------------------------ the schema check

  /** Checks one value against one (sub)schema; {@code path} names it in messages ("" for the arguments object). */
  @SuppressWarnings("unchecked")
  private static void check(String path, Map<String, Object> schema, Object v) {
    String label = path.isEmpty() ? "arguments" : path;
    Object type = schema.get("type");
    if (type != null) {
      List<String> types = type instanceof List<?> l ? (List<String>) l : List.of((String) type);
      if (!hasType(v, types)) {
        String expected = switch (kind(schema)) {
          case ID -> "an id as a string or integer (e.g. \"48949\")";
          case DATE -> "a date as YYYY-MM-DD (e.g. \"2026-01-31\")";
          case MONEY -> "an amount in roubles such as 500 or 12.50";
          default -> String.join(" or ", types.stream().map(Args::article).toList());
        };
        throw ToolError.validation(label + ": expected " + expected + ", got " + describe(v));
      }
    }
    if (schema.get("enum") instanceof List<?> allowed && !allowed.contains(v)) {
      throw ToolError.validation(label + ": " + quote(v) + " is not allowed; use one of "
          + String.join(", ", allowed.stream().map(String::valueOf).toList()));
    }
    if (v instanceof String s) {
      checkString(label, schema, s);
    } else if (v instanceof Number n) {
      checkNumber(label, schema, n);
    } else if (v instanceof List<?> list) {
      checkArray(path, label, schema, list);
    } else if (v instanceof Map<?, ?> m) {
      checkObject(path, label, schema, (Map<String, Object>) m);
    }
  }

  private static void checkString(String label, Map<String, Object> schema, String s) {
    if (schema.get("maxLength") instanceof Number max) {
      // JSON Schema counts code points; a string longer in chars than max*2 is too long in code points too
      if (s.length() > 2L * max.longValue() || s.codePointCount(0, s.length()) > max.longValue()) {
        throw ToolError.validation(label + ": at most " + max + " characters, got " + s.length() + " ("
            + describe(s) + ")");
      }
    }
    if (schema.get("minLength") instanceof Number min && s.codePointCount(0, s.length()) < min.longValue()) {
      throw ToolError.validation(label + ": at least " + min + " character(s), got " + describe(s));
    }
    if (schema.get("pattern") instanceof String p && !pattern(p).matcher(s).find()) {
      throw ToolError.validation(label + ": " + switch (kind(schema)) {
        case ID -> quote(s) + " is not a valid id; ids are unsigned 64-bit decimal numbers without leading zeros,"
            + " such as \"48949\" (strings or integers)";
        case DATE -> "expected a date as YYYY-MM-DD (e.g. \"2026-01-31\"), got " + describe(s);
        case CURSOR -> quote(s) + " is not a cursor from a previous result; pass the nextCursor value unchanged or"
            + " omit it to start at the beginning";
        case UUID -> quote(s) + " does not look like a report UUID (letters, digits and dashes, e.g."
            + " \"0f6a3c2e-...\"); get_statistics_report and list_reports return them";
        case MONEY -> quote(s) + " is not an amount in roubles from 0 to " + plain(schema.get("maximum"))
            + " such as \"500\", \"12.50\" or \"12,50\" (at most 2 decimals)";
        default -> quote(s) + " does not match the pattern " + (p.length() > 60 ? p.substring(0, 60) + "…" : p);
      });
    }
    if (s.length() == 20 && kind(schema) == Kind.ID && new BigInteger(s).compareTo(UINT64_MAX) > 0) {
      // the schema's short pattern lets 2^64..19*10^18-1 through (see Schemas.UINT64_PATTERN)
      throw ToolError.validation(label + ": " + quote(s) + " is above the largest id, " + UINT64_MAX);
    }
    if ("date".equals(schema.get("format")) && parseDate(s) == null) {
      throw ToolError.validation(label + ": " + quote(s) + " is not a real calendar date; use YYYY-MM-DD");
    }
  }

  private static void checkNumber(String label, Map<String, Object> schema, Number n) {
    BigDecimal d = exact(n);
    if (d == null) {
      throw ToolError.validation(label + ": " + describe(n) + " is not a number this tool can use");
    }
    Kind kind = kind(schema);
    boolean low = schema.get("minimum") instanceof Number min && d.compareTo(exact(min)) < 0;
    boolean high = schema.get("maximum") instanceof Number max && d.compareTo(exact(max)) > 0;
    if (low || high) {
      throw ToolError.validation(label + ": " + switch (kind) {
        case ID -> describe(n) + " is not a valid id; ids are unsigned 64-bit decimal numbers such as 48949";
        case MONEY -> low ? "must not be negative, got " + describe(n)
            : "at most " + plain(schema.get("maximum")) + " roubles, got " + describe(n);
        default -> "must be between " + plain(schema.get("minimum")) + " and " + plain(schema.get("maximum"))
            + ", got " + describe(n);
      });
    }
    // multipleOf is a power of ten (checked in requireSupported): d is a multiple of 10^-k iff its scale <= k
    if (schema.get("multipleOf") instanceof Number m
        && d.stripTrailingZeros().scale() > exact(m).stripTrailingZeros().scale()) {
      throw ToolError.validation(label + ": at most " + exact(m).stripTrailingZeros().scale() + " decimals"
          + (kind == Kind.MONEY ? " (kopecks)" : "") + ", got " + describe(n));
    }
  }

  @SuppressWarnings("unchecked")
  private static void checkArray(String path, String label, Map<String, Object> schema, List<?> list) {
    if (schema.get("maxItems") instanceof Number max && list.size() > max.intValue()) {
      throw ToolError.validation(label + ": at most " + max + " items per call, got " + list.size()
          + " (duplicates count); split the list into several calls");
    }
    if (schema.get("minItems") instanceof Number min && list.size() < min.intValue()) {
      throw ToolError.validation(label + ": " + (list.isEmpty() ? "the list is empty; give at least one item (or"
          + " omit the argument where it is optional)" : "at least " + min + " items, got " + list.size()));
    }
    if (schema.get("items") instanceof Map<?, ?> items) {
      for (int i = 0; i < list.size(); i++) {
        check(path + "[" + i + "]", (Map<String, Object>) items, list.get(i));
      }
    }
  }

  @SuppressWarnings("unchecked")
  private static void checkObject(String path, String label, Map<String, Object> schema, Map<String, Object> m) {
    Map<String, Object> props = schema.get("properties") instanceof Map<?, ?> p ? (Map<String, Object>) p : Map.of();
    String prefix = path.isEmpty() ? "" : path + ".";
    if (Boolean.FALSE.equals(schema.get("additionalProperties"))) {
      for (String k : m.keySet()) {
        if (!props.containsKey(k)) {
          throw ToolError.validation((path.isEmpty() ? "unknown argument " : label + ": unknown field ") + quote(k)
              + "; " + (path.isEmpty() ? "this tool accepts " : "allowed: ")
              + (props.isEmpty() ? "no arguments" : String.join(", ", props.keySet())));
        }
      }
    }
    if (schema.get("required") instanceof List<?> req) {
      for (Object k : req) {
        if (!m.containsKey((String) k)) {
          throw ToolError.validation(path.isEmpty() ? "missing required argument '" + k + "'"
              : prefix + k + " is required");
        }
      }
    }
    if (schema.get("dependentRequired") instanceof Map<?, ?> deps) {
      for (Map.Entry<?, ?> e : deps.entrySet()) {
        if (m.containsKey((String) e.getKey())) {
          for (Object k : (List<?>) e.getValue()) {
            if (!m.containsKey((String) k)) {
              throw ToolError.validation(prefix + e.getKey() + " is only used together with " + prefix + k
                  + "; give both or neither");
            }
          }
        }
      }
    }
    if (schema.get("anyOf") instanceof List<?> any) {
      boolean ok = false;
      for (Object alt : any) {
        List<?> need = (List<?>) ((Map<String, Object>) alt).get("required");
        ok |= m.keySet().containsAll(need);
      }
      if (!ok) {
        Set<String> names = new LinkedHashSet<>();
        any.forEach(alt -> names.addAll((List<String>) ((Map<String, Object>) alt).get("required")));
        throw ToolError.validation((path.isEmpty() ? "nothing to change" : label + " is incomplete")
            + ": give at least one of " + String.join(", ", names));
      }
    }
    for (Map.Entry<String, Object> e : m.entrySet()) {
      if (props.get(e.getKey()) instanceof Map<?, ?> ps) {
        check(prefix + e.getKey(), (Map<String, Object>) ps, e.getValue());
      }
    }
  }

  private static boolean hasType(Object v, List<String> types) {
    for (String t : types) {
      boolean ok = switch (t) {
        case "string" -> v instanceof String;
        case "boolean" -> v instanceof Boolean;
        case "null" -> v == null;
        case "array" -> v instanceof List<?>;
        case "object" -> v instanceof Map<?, ?>;
        case "number" -> v instanceof Number;
        // JSON Schema 2020-12: an integer is any number with a zero fractional part (5.0 is one)
        case "integer" -> v instanceof Number n && isWhole(exact(n));
        default -> throw new IllegalStateException("unsupported type " + t);
      };
      if (ok) {
        return true;
      }
    }
    return false;
  }

  /**
   * The exact value of a number read from JSON, or null when it is not one this server can use: a text longer
   * than {@value #MAX_NUMBER_CHARS} characters, or an exponent beyond int. Cheap for any input: nothing expands
   * the number (no toPlainString, setScale or longValue of an unchecked value).
   */
  static BigDecimal exact(Number n) {
    if (n instanceof Long || n instanceof Integer || n instanceof Short || n instanceof Byte) {
      return BigDecimal.valueOf(n.longValue());
    }
    if (n instanceof BigDecimal d) {
      return d;
    }
    if (n instanceof BigInteger b) {
      return new BigDecimal(b);
    }
    if ((n instanceof Double || n instanceof Float) && !Double.isFinite(n.doubleValue())) {
      return null;
    }
    String text = n.toString();
    if (text.length() > MAX_NUMBER_CHARS) {
      return null;
    }
    try {
      return new BigDecimal(text);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static boolean isWhole(BigDecimal d) {
    return d != null && d.stripTrailingZeros().scale() <= 0;
  }

  private static boolean isUint64(BigDecimal d) {
    return isWhole(d) && d.signum() >= 0 && d.compareTo(new BigDecimal(UINT64_MAX)) <= 0;
  }

  private static LocalDate parseDate(String s) {
    if (s.length() != 10) {
      return null;
    }
    try {
      return LocalDate.parse(s);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /**
   * The schema's regular expression, with ECMA-262's meaning of a final {@code $} (the end of the text; in Java it
   * also matches before a final line break, which would let "48949\n" through as an id).
   */
  private static Pattern pattern(String p) {
    return PATTERNS.computeIfAbsent(p, x -> Pattern.compile(x.endsWith("$") && !x.endsWith("\\$")
        ? x.substring(0, x.length() - 1) + "\\z" : x));
  }

  /** What a schema describes, for messages that say what to change rather than which keyword failed. */
  private enum Kind { ID, DATE, CURSOR, UUID, MONEY, OTHER }

  private static Kind kind(Map<String, Object> schema) {
    Object p = schema.get("pattern");
    if (Schemas.UINT64_PATTERN.equals(p)) {
      return Kind.ID;
    }
    if ("date".equals(schema.get("format"))) {
      return Kind.DATE;
    }
    if (schema.containsKey("multipleOf")) {
      return Kind.MONEY;
    }
    if (Schemas.CURSOR_PATTERN.equals(p)) {
      return Kind.CURSOR;
    }
    if (Schemas.UUID_PATTERN.equals(p)) {
      return Kind.UUID;
    }
    return Kind.OTHER;
  }

  private static String plain(Object number) {
    return number instanceof Number n && exact(n) != null ? exact(n).toPlainString() : String.valueOf(number);
  }

  private static String article(String type) {
    return switch (type) {
      case "integer", "array", "object" -> "an " + type;
      case "null" -> "null";
      default -> "a " + type;
    };
  }

  /** A bad value for a message: at most {@value #QUOTE} characters of it. */
  static String quote(Object v) {
    if (v instanceof String s) {
      return "'" + prefix(s) + "'";
    }
    return describe(v);
  }

  private static String prefix(String s) {
    if (s.length() <= QUOTE) {
      return s;
    }
    int end = Character.isHighSurrogate(s.charAt(QUOTE - 1)) ? QUOTE - 1 : QUOTE;
    return s.substring(0, end) + "… (" + s.length() + " characters)";
  }

  static String describe(Object v) {
    if (v == null) {
      return "null";
    }
    if (v instanceof String s) {
      return "the string \"" + prefix(s) + "\"";
    }
    if (v instanceof Boolean) {
      return "the boolean " + v;
    }
    if (v instanceof Number n) {
      return "the number " + prefix(n.toString());
    }
    if (v instanceof List<?> l) {
      return "an array of " + l.size();
    }
    if (v instanceof Map<?, ?>) {
      return "an object";
    }
    return "a value of another kind";
  }

  // ------------------------------------------------------------------ schema self-check (at start-up)

  /**
   * Fails when an input schema uses a keyword this reader does not check, so the schema a client sees never says
   * more than the server enforces: a multipleOf that is not a power of ten, or a number without a maximum (big
   * numbers are rejected by length), is a programming error too.
   */
  @SuppressWarnings("unchecked")
  static void requireSupported(String where, Map<String, Object> schema) {
    for (Map.Entry<String, Object> e : schema.entrySet()) {
      String k = e.getKey();
      if (!CONSTRAINTS.contains(k) && !ANNOTATIONS.contains(k)) {
        throw new IllegalStateException(where + ": input schema keyword '" + k + "' is not checked by Args");
      }
    }
    Object type = schema.get("type");
    List<String> types = type instanceof List<?> l ? (List<String>) l : type == null ? List.of() : List.of((String) type);
    if ((types.contains("number") || types.contains("integer")) && !(schema.get("maximum") instanceof Number)) {
      throw new IllegalStateException(where + ": a numeric input needs a maximum");
    }
    if (schema.get("multipleOf") instanceof Number m && exact(m).unscaledValue().abs().compareTo(BigInteger.ONE) != 0) {
      throw new IllegalStateException(where + ": multipleOf must be a power of ten");
    }
    if (schema.get("pattern") instanceof String p) {
      pattern(p);
    }
    if (schema.get("properties") instanceof Map<?, ?> props) {
      props.forEach((k, v) -> requireSupported(where + "." + k, (Map<String, Object>) v));
    }
    if (schema.get("items") instanceof Map<?, ?> items) {
      requireSupported(where + "[]", (Map<String, Object>) items);
    }
    if (schema.get("anyOf") instanceof List<?> any) {
      for (Object alt : any) {
        Map<String, Object> a = (Map<String, Object>) alt;
        if (a.size() != 1 || !(a.get("required") instanceof List<?>)) {
          throw new IllegalStateException(where + ": anyOf supports only {required: [...]} alternatives");
        }
      }
    }
  }
}
