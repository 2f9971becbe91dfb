package io.github.ozonperf.sandbox.internal;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import io.github.ozonperf.sandbox.Faults;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;

/** The token endpoint and bearer-token checks. */
final class TokenRoutes {
  static final String TOKEN_PATH = "/api/client/token";
  private final String clientId;
  private final String clientSecret;
  private final Duration tokenTtl;
  private final Faults faults;
  private final Instant startedAt;
  private final SecureRandom secureRandom = new SecureRandom();
  private final Map<String, Instant> tokens = new ConcurrentHashMap<>();

  TokenRoutes(String clientId, String clientSecret, Duration tokenTtl, SandboxState state) {
    this.clientId = clientId;
    this.clientSecret = clientSecret;
    this.tokenTtl = tokenTtl;
    this.faults = state.faults;
    this.startedAt = state.startedAt;
  }

  String clientId() {
    return clientId;
  }

  String clientSecret() {
    return clientSecret;
  }

  void expireAll() {
    tokens.clear();
  }

  MockResponse token(RecordedRequest request, Instant now) {
    String ct = request.getHeaders().get("Content-Type");
    String text = request.getBody() == null ? "" : request.getBody().string(StandardCharsets.UTF_8);
    Map<String, String> fields = new HashMap<>();
    if (ct != null && ct.toLowerCase().startsWith("application/x-www-form-urlencoded")) {
      for (String pair : text.split("&")) {
        if (pair.isEmpty()) {
          continue;
        }
        int eq = pair.indexOf('=');
        String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
        String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
        fields.put(k, v);
      }
    } else {
      try {
        JsonElement e = JsonParser.parseString(text.isBlank() ? "null" : text);
        if (!e.isJsonObject()) {
          return oauthError(400, "invalid_request",
              "send a JSON object {\"client_id\",\"client_secret\",\"grant_type\":\"client_credentials\"}");
        }
        for (Map.Entry<String, JsonElement> en : e.getAsJsonObject().entrySet()) {
          if (en.getValue().isJsonPrimitive()) {
            fields.put(en.getKey(), en.getValue().getAsString());
          }
        }
      } catch (JsonParseException ex) {
        return oauthError(400, "invalid_request", "malformed JSON body");
      }
    }
    String grant = fields.get("grant_type");
    String id = fields.get("client_id");
    String secret = fields.get("client_secret");
    if (grant == null || id == null || secret == null) {
      return oauthError(400, "invalid_request", "client_id, client_secret and grant_type are required");
    }
    if (!grant.equals("client_credentials")) {
      return oauthError(400, "unsupported_grant_type", "grant_type must be client_credentials");
    }
    boolean ok = MessageDigest.isEqual(id.getBytes(StandardCharsets.UTF_8), clientId.getBytes(StandardCharsets.UTF_8))
        & MessageDigest.isEqual(secret.getBytes(StandardCharsets.UTF_8), clientSecret.getBytes(StandardCharsets.UTF_8));
    if (!ok) {
      return oauthError(401, "invalid_client", "client_id or client_secret is wrong");
    }
    byte[] raw = new byte[24];
    secureRandom.nextBytes(raw);
    String token = "sbx." + Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    if (tokens.size() > 100_000) {
      tokens.values().removeIf(exp -> !exp.isAfter(now));
    }
    tokens.put(token, now.plus(tokenTtl));
    JsonObject o = new JsonObject();
    o.addProperty("access_token", token);
    o.addProperty("expires_in", tokenTtl.getSeconds());
    o.addProperty("token_type", "Bearer");
    return Http.ok(o);
  }

  private static MockResponse oauthError(int code, String error, String description) {
    JsonObject o = new JsonObject();
    o.addProperty("error", error);
    o.addProperty("error_description", description);
    return Http.json(code, o);
  }

  boolean authorized(RecordedRequest request, Instant now) {
    String auth = request.getHeaders().get("Authorization");
    if (auth == null || !auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return false;
    }
    String token = auth.substring(7).trim();
    Instant expiresAt = tokens.get(token);
    if (expiresAt == null || !now.isBefore(expiresAt)) {
      return false;
    }
    Duration every = faults.forceTokenExpiryEvery();
    if (every != null) {
      Instant issuedAt = expiresAt.minus(tokenTtl);
      long issuedEpoch = Duration.between(startedAt, issuedAt).toNanos() / every.toNanos();
      long nowEpoch = Duration.between(startedAt, now).toNanos() / every.toNanos();
      return issuedEpoch == nowEpoch;
    }
    return true;
  }

}
