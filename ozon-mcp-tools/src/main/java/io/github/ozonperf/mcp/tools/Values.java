package io.github.ozonperf.mcp.tools;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import io.github.ozonperf.client.OzonJson;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Conversions between Ozon's models, plain JSON values, money units and compact pages. */
final class Values {
  /** Ozon's money fields (string uint64) are millionths of a rouble. */
  static final BigDecimal MICROS_PER_ROUBLE = BigDecimal.valueOf(1_000_000);

  private Values() {
  }

  /** A generated model (or anything Gson can write) as plain maps/lists/strings/numbers/booleans. */
  static Object plain(Object model) {
    if (model == null) {
      return null;
    }
    return plain(OzonJson.gson().toJsonTree(model));
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> plainObject(Object model) {
    Object p = plain(model);
    return p instanceof Map<?, ?> m ? (Map<String, Object>) m : new LinkedHashMap<>();
  }

  static Object plain(JsonElement e) {
    if (e == null || e.isJsonNull()) {
      return null;
    }
    if (e.isJsonObject()) {
      Map<String, Object> m = new LinkedHashMap<>();
      for (Map.Entry<String, JsonElement> en : ((JsonObject) e).entrySet()) {
        Object v = plain(en.getValue());
        if (v != null) {
          m.put(en.getKey(), v);
        }
      }
      return m;
    }
    if (e.isJsonArray()) {
      List<Object> l = new ArrayList<>();
      for (JsonElement x : (JsonArray) e) {
        l.add(plain(x));
      }
      return l;
    }
    JsonPrimitive p = e.getAsJsonPrimitive();
    if (p.isBoolean()) {
      return p.getAsBoolean();
    }
    if (p.isNumber()) {
      return jsonNumber(p.getAsBigDecimal());
    }
    return p.getAsString();
  }

  /** Roubles -> micro-roubles string, exact (input has at most 2 decimals). */
  static String roublesToMicros(BigDecimal roubles) {
    return roubles.multiply(MICROS_PER_ROUBLE).setScale(0, RoundingMode.UNNECESSARY).toPlainString();
  }

  /** Micro-roubles string -> roubles with 2 decimals, or null when not a number. */
  static String microsToRoubles(Object micros) {
    if (micros == null) {
      return null;
    }
    try {
      return new BigDecimal(micros.toString().trim()).divide(MICROS_PER_ROUBLE, 2, RoundingMode.HALF_UP)
          .toPlainString();
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /**
   * Lenient number parsing for Ozon's statistics strings: "1 110,72", "123.45", "12,3%", "" -> null.
   */
  static BigDecimal number(Object v) {
    if (v == null) {
      return null;
    }
    if (v instanceof Number n) {
      return new BigDecimal(n.toString());
    }
    String s = v.toString().replace("\u00a0", "").replace("\u202f", "").replace(" ", "").replace("%", "")
        .replace("₽", "").trim();
    if (s.isEmpty() || s.equals("-")) {
      return null;
    }
    if (s.indexOf(',') >= 0 && s.indexOf('.') >= 0) {
      s = s.replace(",", ""); // 1,110.72
    } else {
      s = s.replace(',', '.');
    }
    try {
      return new BigDecimal(s);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /**
   * A number as a JSON value that says exactly the same number: a long when integral and it fits, a double when the
   * double prints as the same decimal (12.35), else the BigDecimal itself (a 20-digit id, 0.1234567890123456789,
   * 1E+400): never a silently rounded value, and never a huge expansion of an exponent.
   */
  static Object jsonNumber(BigDecimal d) {
    if (d == null) {
      return null;
    }
    BigDecimal s = d.stripTrailingZeros();
    if (s.scale() <= 0 && s.precision() - s.scale() <= 18) {
      return s.longValueExact();
    }
    double v = d.doubleValue();
    // a double when it says the same number (12.35), else the exact decimal: never a silently rounded value
    return Double.isFinite(v) && new BigDecimal(Double.toString(v)).compareTo(d) == 0 ? (Object) v : s;
  }

  /** Keeps only {@code fields} (in that order) of an object. */
  static Map<String, Object> pick(Map<String, Object> obj, Collection<String> fields) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (String f : fields) {
      Object v = obj.get(f);
      if (v != null) {
        m.put(f, v);
      }
    }
    return m;
  }

  /** One window of a list, addressed by an opaque cursor (the offset as a decimal string). */
  record Window<T>(List<T> items, int offset, int total, String nextCursor) {
    boolean truncated() {
      return nextCursor != null;
    }

    /** "Showing 50 of 320 ... pass cursor \"50\" to get the next 50." or null when complete. */
    String note(String noun, int limit) {
      if (nextCursor == null) {
        return null;
      }
      int left = total - offset - items.size();
      return "Showing " + noun + " " + (offset + 1) + "-" + (offset + items.size()) + " of " + total + "; " + left
          + " more left out. Call again with cursor \"" + nextCursor + "\" (and the same other arguments) for the"
          + " next " + Math.min(limit, left) + ".";
    }
  }

  static int cursorOffset(Args args) {
    String c = args.optionalString("cursor", 20);
    if (c == null) {
      return 0;
    }
    if (!c.matches("[0-9]{1,9}")) {
      throw ToolError.validation("cursor: '" + c + "' is not a cursor from a previous result; pass the"
          + " nextCursor value unchanged or omit it to start at the beginning");
    }
    return Integer.parseInt(c);
  }

  static <T> Window<T> window(List<T> all, int offset, int limit) {
    int from = Math.min(offset, all.size());
    int to = Math.min(all.size(), from + limit);
    String next = to < all.size() ? Integer.toString(to) : null;
    return new Window<>(List.copyOf(all.subList(from, to)), from, all.size(), next);
  }

  static String str(Object v) {
    return v == null ? "" : v.toString();
  }
}
