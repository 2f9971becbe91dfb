package io.github.ozonperf.sandbox.internal;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import io.github.ozonperf.sandbox.internal.Http.ApiError;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;

/** One API request with its path parameters and helpers that validate inputs the way Ozon does (400 + error). */
final class Req {
  private static final Pattern DIGITS = Pattern.compile("[0-9]{1,20}");

  final RecordedRequest raw;
  final HttpUrl url;
  final Map<String, String> pathParams;

  Req(RecordedRequest raw, Map<String, String> pathParams) {
    this.raw = raw;
    this.url = raw.getUrl();
    this.pathParams = pathParams;
  }

  String path(String name) {
    return pathParams.get(name);
  }

  String bodyText() {
    return raw.getBody() == null ? "" : raw.getBody().string(StandardCharsets.UTF_8);
  }

  /** The body as a JSON object; an empty body counts as {@code {}}; anything else is a 400. */
  JsonObject jsonBody() {
    String text = bodyText().strip();
    if (text.isEmpty()) {
      return new JsonObject();
    }
    JsonElement e;
    try {
      e = JsonParser.parseString(text);
    } catch (JsonParseException ex) {
      throw ApiError.badRequest("malformed JSON body: send a JSON object, e.g. {\"campaigns\":[\"123\"]}");
    }
    if (!e.isJsonObject()) {
      throw ApiError.badRequest("malformed JSON body: expected a JSON object");
    }
    return e.getAsJsonObject();
  }

  String query(String name) {
    return url.queryParameter(name);
  }

  List<String> queryAll(String name) {
    List<String> out = new ArrayList<>();
    for (String v : url.queryParameterValues(name)) {
      if (v != null && !v.isEmpty()) {
        out.add(v);
      }
    }
    return out;
  }

  /** Ozon rejects bracketed array parameters ({@code campaignIds[]=1}); so does the sandbox. */
  void rejectBracketParams() {
    for (String n : url.queryParameterNames()) {
      if (n.contains("[") || n.contains("]")) {
        throw ApiError.badRequest("invalid query parameter " + n
            + ": arrays are sent exploded, e.g. campaignIds=1&campaignIds=2");
      }
    }
  }

  Long queryLong(String name) {
    String v = query(name);
    if (v == null || v.isEmpty()) {
      return null;
    }
    try {
      return Long.parseLong(v);
    } catch (NumberFormatException e) {
      throw ApiError.badRequest("invalid " + name + ": expected an integer, got '" + v + "'");
    }
  }

  List<String> idsQuery(String name) {
    List<String> ids = new ArrayList<>();
    for (String v : queryAll(name)) {
      ids.add(checkId(name, v));
    }
    return ids;
  }

  LocalDate queryDate(String name) {
    String v = query(name);
    return v == null || v.isEmpty() ? null : date(name, v);
  }

  static String checkId(String name, String v) {
    if (!DIGITS.matcher(v).matches()) {
      throw ApiError.badRequest("invalid " + name + ": '" + v + "' is not an id (decimal digits)");
    }
    try {
      Long.parseUnsignedLong(v);
    } catch (NumberFormatException e) {
      throw ApiError.badRequest("invalid " + name + ": '" + v + "' is out of range (ids are uint64)");
    }
    return v;
  }

  /**
   * Page {@code page} (from 1) of {@code pageSize} items; empty past the end. Saturating, so absurd values such as
   * {@code page=9223372036854775807} give an empty page instead of an overflow (and a 500).
   */
  static <T> List<T> page(List<T> all, long page, long pageSize) {
    long from;
    try {
      from = Math.multiplyExact(page - 1, pageSize);
    } catch (ArithmeticException e) {
      from = Long.MAX_VALUE;
    }
    int start = (int) Math.min(Math.max(0, from), all.size());
    int end = (int) Math.min(all.size(), start + Math.min(pageSize, all.size()));
    return all.subList(start, end);
  }

  /** An id already passed through {@link #checkId} as an unsigned 64-bit value. */
  static long unsigned(String id) {
    return Long.parseUnsignedLong(id);
  }

  /** An integer member of a JSON body, or {@code dflt} when absent/null; anything else is a 400. */
  static long longMember(JsonObject o, String name, long dflt) {
    JsonElement e = o.get(name);
    if (e == null || e.isJsonNull()) {
      return dflt;
    }
    try {
      if (e.isJsonPrimitive()) {
        return Long.parseLong(e.getAsString().strip());
      }
    } catch (NumberFormatException ignored) {
      // falls through to the 400 below
    }
    throw ApiError.badRequest("invalid " + name + ": expected an integer, got " + e);
  }

  static LocalDate date(String name, String v) {
    try {
      return LocalDate.parse(v);
    } catch (DateTimeParseException e) {
      throw ApiError.badRequest("invalid " + name + ": expected YYYY-MM-DD, got '" + v + "'");
    }
  }

  static LocalDate dateTime(String name, String v) {
    try {
      return OffsetDateTime.parse(v).toLocalDate();
    } catch (DateTimeParseException e) {
      throw ApiError.badRequest("invalid " + name + ": expected an RFC 3339 date-time, got '" + v + "'");
    }
  }

  /** A string member (JSON strings and numbers accepted), or null when absent/null. */
  static String str(JsonObject o, String name) {
    JsonElement e = o.get(name);
    if (e == null || e.isJsonNull()) {
      return null;
    }
    if (!e.isJsonPrimitive()) {
      throw ApiError.badRequest("invalid " + name + ": expected a string");
    }
    return e.getAsString();
  }

  /** An array of ids (strings or integers); null when absent. */
  static List<String> ids(JsonObject o, String name) {
    JsonElement e = o.get(name);
    if (e == null || e.isJsonNull()) {
      return null;
    }
    if (!e.isJsonArray()) {
      throw ApiError.badRequest("invalid " + name + ": expected an array of ids, e.g. [\"123\"]");
    }
    List<String> out = new ArrayList<>();
    for (JsonElement x : e.getAsJsonArray()) {
      if (!x.isJsonPrimitive()) {
        throw ApiError.badRequest("invalid " + name + ": expected an array of ids, e.g. [\"123\"]");
      }
      out.add(checkId(name, x.getAsString()));
    }
    return out;
  }

  static JsonArray array(JsonObject o, String name) {
    JsonElement e = o.get(name);
    if (e == null || e.isJsonNull()) {
      return null;
    }
    if (!e.isJsonArray()) {
      throw ApiError.badRequest("invalid " + name + ": expected an array");
    }
    return e.getAsJsonArray();
  }

  static JsonPrimitive s(String v) {
    return new JsonPrimitive(v);
  }

  /** The non-empty SKU list in {@code field} of a request body, or a 400 as Ozon answers it. */
  static List<String> requiredSkus(JsonObject body, String field) {
    List<String> skus = Req.ids(body, field);
    if (skus == null || skus.isEmpty()) {
      throw ApiError.badRequest(field + " is required: a non-empty array of SKUs");
    }
    return skus;
  }

  /** Resolves dateFrom/dateTo (winning) or from/to; validates order and, if asked, the 62-day limit. */
  static LocalDate[] range(String dateFrom, String dateTo, String from, String to, boolean limit) {
    LocalDate a;
    LocalDate b;
    if (dateFrom != null && dateTo != null) {
      a = Req.date("dateFrom", dateFrom);
      b = Req.date("dateTo", dateTo);
    } else if (from != null && to != null) {
      a = Req.dateTime("from", from);
      b = Req.dateTime("to", to);
    } else {
      throw ApiError.badRequest("dateFrom and dateTo (YYYY-MM-DD) are required");
    }
    if (a.isAfter(b)) {
      throw ApiError.badRequest("dateFrom " + a + " is after dateTo " + b);
    }
    if (limit && ChronoUnit.DAYS.between(a, b) + 1 > Reports.MAX_DAYS) {
      throw ApiError.badRequest("max statistics period: 62 days");
    }
    return new LocalDate[] {a, b};
  }
}
