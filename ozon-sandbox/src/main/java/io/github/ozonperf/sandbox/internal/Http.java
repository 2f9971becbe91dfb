package io.github.ozonperf.sandbox.internal;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import mockwebserver3.MockResponse;
import okio.Buffer;

/** Response helpers: every body is UTF-8, every error is Ozon's {@code {"error":"…"}}. */
final class Http {
  static final Gson GSON = new GsonBuilder().disableHtmlEscaping().serializeNulls().create();
  static final String JSON = "application/json; charset=utf-8";

  private Http() {}

  static MockResponse json(int code, JsonElement body) {
    return json(code, new Buffer().writeUtf8(GSON.toJson(body)));
  }

  /** A body that is already JSON, as UTF-8 bytes. */
  static MockResponse json(int code, Buffer utf8) {
    return new MockResponse.Builder().code(code).setHeader("Content-Type", JSON).body(utf8).build();
  }

  /** 200 with a JSON object holding one field, e.g. {@code {"list":[…]}}. */
  static MockResponse ok(String field, JsonElement value) {
    JsonObject body = new JsonObject();
    body.add(field, value);
    return ok(body);
  }

  static MockResponse ok(JsonElement body) {
    return json(200, body);
  }

  static MockResponse emptyOk() {
    return json(200, new JsonObject());
  }

  /** 200 without a body, as Ozon's document declares for product and all-SKU-promo writes. */
  static MockResponse noBody() {
    return new MockResponse.Builder().code(200).build();
  }

  static MockResponse error(int code, String message) {
    JsonObject o = new JsonObject();
    o.addProperty("error", message);
    return json(code, o);
  }

  static MockResponse bytes(String contentType, byte[] body, String fileName) {
    MockResponse.Builder b = new MockResponse.Builder().code(200).setHeader("Content-Type", contentType)
        .body(new Buffer().write(body));
    if (fileName != null) {
      b.setHeader("Content-Disposition", "attachment; filename=\"" + fileName + "\"");
    }
    return b.build();
  }

  /** An error answered to the client: thrown by handlers, turned into {@code {"error": message}}. */
  static final class ApiError extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final int status;

    ApiError(int status, String message) {
      super(message, null, false, false);
      this.status = status;
    }

    static ApiError badRequest(String message) {
      return new ApiError(400, message);
    }

    static ApiError notFound(String message) {
      return new ApiError(404, message);
    }
  }
}
