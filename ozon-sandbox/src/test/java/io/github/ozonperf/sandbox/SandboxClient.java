package io.github.ozonperf.sandbox;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/** A tiny raw HTTP client for the tests: the sandbox speaks HTTP/JSON, so we test it over HTTP. */
final class SandboxClient {
  static final MediaType JSON = MediaType.get("application/json");
  /**
   * Generous timeouts: they only end a call when the sandbox is broken, and CI machines are small and shared, so
   * no test outcome may depend on how fast a loaded machine answers.
   */
  static final OkHttpClient HTTP = new OkHttpClient.Builder().retryOnConnectionFailure(false)
      .connectTimeout(60, TimeUnit.SECONDS).readTimeout(60, TimeUnit.SECONDS).build();

  final OzonSandbox sandbox;
  String token;

  SandboxClient(OzonSandbox sandbox) {
    this.sandbox = sandbox;
  }

  /** A reply read fully. */
  record Reply(int code, String contentType, byte[] bytes, okhttp3.Headers headers) {
    String text() {
      return new String(bytes, StandardCharsets.UTF_8);
    }

    JsonObject json() {
      JsonElement e = JsonParser.parseString(text());
      return e.getAsJsonObject();
    }

    String error() {
      return json().get("error").getAsString();
    }
  }

  SandboxClient login() {
    JsonObject body = new JsonObject();
    body.addProperty("client_id", sandbox.clientId());
    body.addProperty("client_secret", sandbox.clientSecret());
    body.addProperty("grant_type", "client_credentials");
    Reply r = send(new Request.Builder().url(sandbox.tokenUrl()).post(RequestBody.create(body.toString(), JSON)));
    if (r.code() != 200) {
      throw new AssertionError("token request failed: " + r.code() + " " + r.text());
    }
    token = r.json().get("access_token").getAsString();
    return this;
  }

  Reply get(String pathAndQuery) {
    return send(auth(new Request.Builder().url(sandbox.baseUrl() + pathAndQuery).get()));
  }

  Reply post(String path, String json) {
    return send(auth(new Request.Builder().url(sandbox.baseUrl() + path).post(RequestBody.create(json, JSON))));
  }

  Reply put(String path, String json) {
    return send(auth(new Request.Builder().url(sandbox.baseUrl() + path).put(RequestBody.create(json, JSON))));
  }

  Reply patch(String path, String json) {
    return send(auth(new Request.Builder().url(sandbox.baseUrl() + path).patch(RequestBody.create(json, JSON))));
  }

  private Request.Builder auth(Request.Builder b) {
    return token == null ? b : b.header("Authorization", "Bearer " + token);
  }

  static Reply send(Request.Builder b) {
    try (Response r = HTTP.newCall(b.build()).execute()) {
      return new Reply(r.code(), r.header("Content-Type", ""), r.body().bytes(), r.headers());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
