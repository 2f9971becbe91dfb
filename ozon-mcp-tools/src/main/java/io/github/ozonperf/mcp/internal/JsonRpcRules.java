package io.github.ozonperf.mcp.internal;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import com.google.gson.Strictness;
import com.google.gson.internal.LazilyParsedNumber;
import com.google.gson.internal.LinkedTreeMap;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import io.github.ozonperf.mcp.tools.InFlightCalls;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What JSON-RPC 2.0 and MCP require of an inbound line, checked before the SDK sees it (the SDK answers some of these
 * with -32603 and a Java exception's text, and some not at all):
 * <ul>
 *   <li>not JSON: -32700, id null;</li>
 *   <li>not a request, notification or response object (a batch, no method, an id that is null, a fraction or an
 *       object, {@code jsonrpc} other than "2.0"): -32600, under the id when it is readable;</li>
 *   <li>params that are not an object: -32602;</li>
 *   <li>a second {@code initialize}: -32600;</li>
 *   <li>a {@code tools/call} whose params are not {name: string, arguments?: object}: -32602;</li>
 *   <li>a write tool while writes are off: a tool error naming OZON_MCP_ENABLE_WRITES;</li>
 *   <li>{@code notifications/cancelled}: handed to the caller (the SDK only logs it).</li>
 * </ul>
 * A valid tools/call gets its id in {@code params._meta} ({@link InFlightCalls#META_KEY}) so its handler can be
 * cancelled. Numbers are kept digit for digit (no double on the way).
 */
final class JsonRpcRules {
  static final int PARSE_ERROR = -32700;
  static final int INVALID_REQUEST = -32600;
  static final int INVALID_PARAMS = -32602;
  static final String CANCELLED = "notifications/cancelled";

  private JsonRpcRules() {
  }

  /**
   * The verdict on one inbound line.
   *
   * @param json        the message to hand to the SDK (possibly rewritten), or null
   * @param answer      the answer to write instead of handing it on, or null
   * @param cancelledId the id a notifications/cancelled names, or null
   * @param id          the message's id when readable (a JsonPrimitive), or null
   */
  record Inbound(String json, String answer, Object cancelledId, JsonPrimitive id, JsonObject request) {
    Inbound(String json, String answer, Object cancelledId, JsonPrimitive id) {
      this(json, answer, cancelledId, id, null);
    }
  }

  /**
   * The request (a message with a method and an id) as the SDK's {@code McpSchema.deserializeJsonRpcMessage} makes
   * it from the JSON text, built from the tree already parsed here instead of parsing the text again and converting
   * the result twice (issue 17: the stdin reader's work per call). As there: integers that fit a long are Longs,
   * other numbers keep their text, objects are Gson maps without their null members, arrays keep their nulls.
   * {@code JsonRpcRulesRequestTest} compares the two.
   */
  static McpSchema.JSONRPCRequest request(JsonObject o) {
    return new McpSchema.JSONRPCRequest(o.get("jsonrpc").getAsString(), o.get("method").getAsString(),
        plain(o.get("id")), plain(o.get("params")));
  }

  private static Object plain(JsonElement e) {
    if (e == null || e.isJsonNull()) {
      return null;
    }
    if (e.isJsonObject()) {
      LinkedTreeMap<String, Object> m = new LinkedTreeMap<>();
      for (Map.Entry<String, JsonElement> member : e.getAsJsonObject().entrySet()) {
        if (!member.getValue().isJsonNull()) {
          m.put(member.getKey(), plain(member.getValue()));
        }
      }
      return m;
    }
    if (e.isJsonArray()) {
      List<Object> l = new ArrayList<>(e.getAsJsonArray().size());
      for (JsonElement item : e.getAsJsonArray()) {
        l.add(plain(item));
      }
      return l;
    }
    JsonPrimitive p = e.getAsJsonPrimitive();
    if (p.isBoolean()) {
      return p.getAsBoolean();
    }
    if (p.isString()) {
      return p.getAsString();
    }
    String s = p.getAsNumber().toString();
    if (s.length() <= 20) {
      try {
        return Long.parseLong(s);
      } catch (NumberFormatException notLong) {
        // kept as text below
      }
    }
    return new LazilyParsedNumber(s);
  }

  static Inbound check(String line, boolean initialized, Set<String> disabledWriteTools) {
    JsonElement parsed;
    try {
      JsonReader reader = new JsonReader(new StringReader(line));
      reader.setStrictness(Strictness.STRICT);
      parsed = JsonParser.parseReader(reader);
      if (reader.peek() != JsonToken.END_DOCUMENT) {
        throw new JsonParseException("more than one JSON value on the line");
      }
    } catch (JsonParseException | IOException | StackOverflowError e) {
      return reject(null, PARSE_ERROR, "Parse error: every line must be one JSON-RPC message");
    }
    if (!parsed.isJsonObject()) {
      return reject(null, INVALID_REQUEST, parsed.isJsonArray()
          ? "Invalid request: batches are not supported (MCP 2025-06-18), send one message per line"
          : "Invalid request: a JSON-RPC message is an object");
    }
    JsonObject o = parsed.getAsJsonObject();
    JsonPrimitive id = null;
    if (o.has("id")) {
      id = validId(o.get("id"));
      if (id == null) {
        return reject(null, INVALID_REQUEST, "Invalid request: the id must be a string or an integer");
      }
    }
    JsonElement version = o.get("jsonrpc");
    if (version == null || !version.isJsonPrimitive() || !"2.0".equals(version.getAsString())) {
      return reject(id, INVALID_REQUEST, "Invalid request: \"jsonrpc\" must be \"2.0\"");
    }
    JsonElement methodElement = o.get("method");
    if (methodElement == null) {
      if (id != null && (o.has("result") || o.has("error"))) {
        return new Inbound(line, null, null, id); // a response to one of our requests
      }
      return reject(id, INVALID_REQUEST, "Invalid request: \"method\" is missing");
    }
    if (!methodElement.isJsonPrimitive() || !methodElement.getAsJsonPrimitive().isString()) {
      return reject(id, INVALID_REQUEST, "Invalid request: \"method\" must be a string");
    }
    String method = methodElement.getAsString();
    JsonElement params = o.get("params");
    if (params != null && !params.isJsonNull() && !params.isJsonObject() && !params.isJsonArray()) {
      return reject(id, INVALID_PARAMS, "Invalid params: \"params\" must be an object");
    }
    if (id == null) {
      if (CANCELLED.equals(method) && params != null && params.isJsonObject()) {
        JsonPrimitive cancelled = validId(params.getAsJsonObject().get("requestId"));
        return new Inbound(null, null, cancelled == null ? null : value(cancelled), null);
      }
      return new Inbound(line, null, null, null);
    }
    if ("initialize".equals(method) && initialized) {
      return reject(id, INVALID_REQUEST, "Invalid request: the session is already initialized");
    }
    if (!"tools/call".equals(method)) {
      return new Inbound(line, null, null, id, o);
    }
    if (params == null || !params.isJsonObject()) {
      return reject(id, INVALID_PARAMS, "Invalid params: tools/call takes {\"name\": string, \"arguments\": object}");
    }
    JsonObject p = params.getAsJsonObject();
    JsonElement name = p.get("name");
    if (name == null || !name.isJsonPrimitive() || !name.getAsJsonPrimitive().isString()) {
      return reject(id, INVALID_PARAMS, "Invalid params: \"name\" must be the tool's name, a string");
    }
    JsonElement arguments = p.get("arguments");
    if (arguments != null && !arguments.isJsonNull() && !arguments.isJsonObject()) {
      return reject(id, INVALID_PARAMS, "Invalid params: \"arguments\" must be an object of argument names to "
          + "values, e.g. {\"campaignIds\": [\"123\"]}");
    }
    JsonElement meta = p.get("_meta");
    if (meta != null && !meta.isJsonNull() && !meta.isJsonObject()) {
      return reject(id, INVALID_PARAMS, "Invalid params: \"_meta\" must be an object");
    }
    if (disabledWriteTools.contains(name.getAsString())) {
      return new Inbound(null, writesOff(id, name.getAsString()), null, id);
    }
    JsonObject m = meta == null || meta.isJsonNull() ? new JsonObject() : meta.getAsJsonObject();
    m.add(InFlightCalls.META_KEY, id);
    p.add("_meta", m);
    return new Inbound(o.toString(), null, null, id, o);
  }

  /** A string, or an integer without fraction or exponent: what JSON-RPC and MCP allow as an id. */
  private static JsonPrimitive validId(JsonElement e) {
    if (e == null || !e.isJsonPrimitive()) {
      return null;
    }
    JsonPrimitive p = e.getAsJsonPrimitive();
    if (p.isString()) {
      return p;
    }
    if (p.isNumber()) {
      String digits = p.getAsNumber().toString();
      return digits.length() <= 20 && digits.matches("-?[0-9]+") ? p : null;
    }
    return null;
  }

  private static Object value(JsonPrimitive id) {
    return id.isString() ? id.getAsString() : new BigDecimal(id.getAsNumber().toString());
  }

  private static Inbound reject(JsonPrimitive id, int code, String message) {
    return new Inbound(null, error(id, code, message), null, id);
  }

  static String error(JsonPrimitive id, int code, String message) {
    JsonObject error = new JsonObject();
    error.addProperty("code", code);
    error.addProperty("message", message);
    JsonObject answer = new JsonObject();
    answer.addProperty("jsonrpc", "2.0");
    answer.add("id", id);
    answer.add("error", error);
    return answer.toString();
  }

  /** The tool error for a write tool while writes are off, in the shape of every other tool error. */
  private static String writesOff(JsonPrimitive id, String tool) {
    String message = tool + " is a write tool, and write tools are off: start the server with "
        + "OZON_MCP_ENABLE_WRITES=true to register them (writes default to a dry run even then).";
    JsonObject envelope = new JsonObject();
    envelope.addProperty("type", "permission");
    envelope.addProperty("message", message);
    envelope.addProperty("retryable", false);
    JsonObject text = new JsonObject();
    text.addProperty("type", "text");
    text.addProperty("text", message);
    com.google.gson.JsonArray content = new com.google.gson.JsonArray();
    content.add(text);
    JsonObject result = new JsonObject();
    result.add("content", content);
    result.addProperty("isError", true);
    result.add("structuredContent", envelope);
    JsonObject answer = new JsonObject();
    answer.addProperty("jsonrpc", "2.0");
    answer.add("id", id);
    answer.add("result", result);
    return answer.toString();
  }
}
