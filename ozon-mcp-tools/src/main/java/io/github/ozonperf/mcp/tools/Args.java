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
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Typed, explanatory access to a tool call's arguments. Every failure is a {@link ToolError} of type
 * {@code validation} whose message says exactly what to change; no HTTP call happens before validation passes.
 */
final class Args {
  private static final Pattern UINT64 = Pattern.compile("[0-9]{1,20}");
  private static final Pattern DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");
  private static final Pattern UUIDISH = Pattern.compile("[A-Za-z0-9_-]{1,64}");

  private final Map<String, Object> values;
  private final Set<String> known;

  Args(Map<String, Object> values, Collection<String> knownNames) {
    this.values = values == null ? Map.of() : new LinkedHashMap<>(values);
    this.known = new LinkedHashSet<>(knownNames);
    for (String name : this.values.keySet()) {
      if (!known.contains(name)) {
        throw ToolError.validation("unknown argument '" + name + "'; this tool accepts "
            + (known.isEmpty() ? "no arguments" : String.join(", ", known)));
      }
    }
  }

  boolean has(String name) {
    return values.get(name) != null;
  }

  /** An id given as a JSON string or integer; returned as a decimal string. */
  String id(String name) {
    Object v = required(name);
    return idValue(name, v);
  }

  private static String idValue(String label, Object v) {
    String s;
    if (v instanceof String str) {
      s = str.trim();
    } else if (v instanceof Integer || v instanceof Long || v instanceof BigInteger) {
      s = v.toString();
    } else if (v instanceof Number n) {
      BigDecimal d = new BigDecimal(n.toString());
      if (d.scale() > 0 && d.stripTrailingZeros().scale() > 0) {
        throw ToolError.validation(label + ": ids are whole numbers, got " + n);
      }
      s = d.toBigInteger().toString();
    } else {
      throw ToolError.validation(label + ": expected an id as a string or integer (e.g. \"48949\"), got "
          + describe(v));
    }
    if (!UINT64.matcher(s).matches() || new BigInteger(s).bitLength() > 64) {
      throw ToolError.validation(label + ": '" + s + "' is not a valid id; ids are unsigned decimal numbers such"
          + " as \"48949\" (give them as strings or integers)");
    }
    return s;
  }

  /** A non-empty list of ids (each a string or integer), de-duplicated in order. */
  List<String> ids(String name, int max) {
    Object v = required(name);
    List<?> list;
    if (v instanceof List<?> l) {
      list = l;
    } else if (v instanceof String || v instanceof Number) {
      list = List.of(v); // a single id where a list was expected: be forgiving
    } else {
      throw ToolError.validation(name + ": expected an array of ids, e.g. [\"48949\", 50012], got " + describe(v));
    }
    if (list.isEmpty()) {
      throw ToolError.validation(name + ": the list is empty; give at least one id (list_campaigns shows them)");
    }
    LinkedHashSet<String> out = new LinkedHashSet<>();
    for (int i = 0; i < list.size(); i++) {
      out.add(idValue(name + "[" + i + "]", list.get(i)));
    }
    if (out.size() > max) {
      throw ToolError.validation(name + ": at most " + max + " ids per call, got " + out.size()
          + "; split the list into several calls");
    }
    return List.copyOf(out);
  }

  List<String> optionalIds(String name, int max) {
    return has(name) ? ids(name, max) : List.of();
  }

  String string(String name, int maxLength) {
    Object v = required(name);
    if (!(v instanceof String s)) {
      throw ToolError.validation(name + ": expected a string, got " + describe(v));
    }
    if (s.isBlank()) {
      throw ToolError.validation(name + ": must not be empty");
    }
    if (s.length() > maxLength) {
      throw ToolError.validation(name + ": at most " + maxLength + " characters, got " + s.length());
    }
    return s.trim();
  }

  String optionalString(String name, int maxLength) {
    return has(name) ? string(name, maxLength) : null;
  }

  /** A report UUID as Ozon returns it. */
  String uuid(String name) {
    String s = string(name, 64);
    if (!UUIDISH.matcher(s).matches()) {
      throw ToolError.validation(name + ": '" + s + "' does not look like a report UUID (letters, digits and"
          + " dashes, e.g. \"0f6a3c2e-...\"); get_statistics_report and list_reports return them");
    }
    return s;
  }

  /** One of {@code allowed}, compared case-insensitively, returned in canonical spelling. */
  String enumValue(String name, List<String> allowed, String defaultValue) {
    if (!has(name)) {
      return defaultValue;
    }
    Object v = values.get(name);
    if (!(v instanceof String s)) {
      throw ToolError.validation(name + ": expected one of " + allowed + ", got " + describe(v));
    }
    for (String a : allowed) {
      if (a.equalsIgnoreCase(s.trim())) {
        return a;
      }
    }
    throw ToolError.validation(name + ": '" + s + "' is not allowed; use one of " + String.join(", ", allowed));
  }

  /** An integer within [min, max]; whole-number doubles and numeric strings are accepted. */
  int integer(String name, int min, int max, int defaultValue) {
    if (!has(name)) {
      return defaultValue;
    }
    Object v = values.get(name);
    long n;
    if (v instanceof Integer || v instanceof Long || v instanceof Short) {
      n = ((Number) v).longValue();
    } else if (v instanceof Number num) {
      BigDecimal d = new BigDecimal(num.toString());
      if (d.stripTrailingZeros().scale() > 0) {
        throw ToolError.validation(name + ": expected a whole number, got " + num);
      }
      n = d.longValue();
    } else if (v instanceof String s && s.trim().matches("-?[0-9]{1,10}")) {
      n = Long.parseLong(s.trim());
    } else {
      throw ToolError.validation(name + ": expected an integer between " + min + " and " + max + ", got "
          + describe(v));
    }
    if (n < min || n > max) {
      throw ToolError.validation(name + ": must be between " + min + " and " + max + ", got " + n);
    }
    return (int) n;
  }

  boolean bool(String name, boolean defaultValue) {
    if (!has(name)) {
      return defaultValue;
    }
    Object v = values.get(name);
    if (v instanceof Boolean b) {
      return b;
    }
    if (v instanceof String s && (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false"))) {
      return Boolean.parseBoolean(s);
    }
    throw ToolError.validation(name + ": expected true or false, got " + describe(v));
  }

  /** A YYYY-MM-DD date. */
  LocalDate date(String name) {
    Object v = required(name);
    return dateValue(name, v);
  }

  LocalDate optionalDate(String name) {
    return has(name) ? date(name) : null;
  }

  private static LocalDate dateValue(String name, Object v) {
    if (!(v instanceof String s) || !DATE.matcher(s.trim()).matches()) {
      throw ToolError.validation(name + ": expected a date as YYYY-MM-DD (e.g. \"2026-01-31\"), got " + describe(v));
    }
    try {
      return LocalDate.parse(s.trim());
    } catch (DateTimeParseException e) {
      throw ToolError.validation(name + ": '" + s + "' is not a real calendar date; use YYYY-MM-DD");
    }
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
      throw ToolError.validation("the period " + from + ".." + to + " has " + days + " days; at most " + maxDays
          + " days are allowed" + (whenTooLong == null ? "" : "; " + whenTooLong));
    }
    return new LocalDate[] {from, to};
  }

  /** A money amount in roubles (number or numeric string, at most 2 decimals), >= 0. */
  BigDecimal roubles(String name, BigDecimal max) {
    Object v = required(name);
    return roublesValue(name, v, max);
  }

  static BigDecimal roublesValue(String name, Object v, BigDecimal max) {
    BigDecimal d;
    try {
      if (v instanceof Number n) {
        d = new BigDecimal(n.toString());
      } else if (v instanceof String s) {
        d = new BigDecimal(s.trim().replace(" ", "").replace(',', '.'));
      } else {
        throw new NumberFormatException();
      }
    } catch (NumberFormatException e) {
      throw ToolError.validation(name + ": expected an amount in roubles such as 500 or 12.50, got " + describe(v));
    }
    if (d.signum() < 0) {
      throw ToolError.validation(name + ": must not be negative, got " + d.toPlainString());
    }
    if (d.stripTrailingZeros().scale() > 2) {
      throw ToolError.validation(name + ": at most 2 decimals (kopecks), got " + d.toPlainString());
    }
    if (d.compareTo(max) > 0) {
      throw ToolError.validation(name + ": at most " + max.toPlainString() + " roubles, got " + d.toPlainString());
    }
    return d;
  }

  /** A list of strings, each one of {@code allowed} (case-sensitive), non-empty. */
  List<String> stringList(String name, Collection<String> allowed) {
    Object v = required(name);
    if (!(v instanceof List<?> list)) {
      throw ToolError.validation(name + ": expected an array of strings, got " + describe(v));
    }
    if (list.isEmpty()) {
      throw ToolError.validation(name + ": the list is empty; omit it for the default or name at least one value");
    }
    List<String> out = new ArrayList<>();
    for (Object o : list) {
      if (!(o instanceof String s) || !allowed.contains(s)) {
        throw ToolError.validation(name + ": '" + o + "' is not allowed; choose from " + String.join(", ", allowed));
      }
      out.add(s);
    }
    return out;
  }

  List<Map<String, Object>> objectList(String name, int max) {
    Object v = required(name);
    if (!(v instanceof List<?> list)) {
      throw ToolError.validation(name + ": expected an array of objects, got " + describe(v));
    }
    if (list.isEmpty()) {
      throw ToolError.validation(name + ": the list is empty; give at least one item");
    }
    if (list.size() > max) {
      throw ToolError.validation(name + ": at most " + max + " items per call, got " + list.size());
    }
    List<Map<String, Object>> out = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      if (!(list.get(i) instanceof Map<?, ?> m)) {
        throw ToolError.validation(name + "[" + i + "]: expected an object, got " + describe(list.get(i)));
      }
      Map<String, Object> copy = new LinkedHashMap<>();
      m.forEach((k, val) -> copy.put(String.valueOf(k), val));
      out.add(copy);
    }
    return out;
  }

  /** Validates an id found inside a nested object. */
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

  static String describe(Object v) {
    if (v == null) {
      return "null";
    }
    if (v instanceof String s) {
      return "the string \"" + (s.length() > 40 ? s.substring(0, 40) + "…" : s) + "\"";
    }
    if (v instanceof Boolean) {
      return "the boolean " + v;
    }
    if (v instanceof Number) {
      return "the number " + v;
    }
    if (v instanceof List<?>) {
      return "an array";
    }
    if (v instanceof Map<?, ?>) {
      return "an object";
    }
    return v.getClass().getSimpleName().toLowerCase(Locale.ROOT);
  }
}
