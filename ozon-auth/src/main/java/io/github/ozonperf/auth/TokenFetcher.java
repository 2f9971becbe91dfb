package io.github.ozonperf.auth;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import okhttp3.Call;
import okhttp3.FormBody;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.BufferedSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Sends one token request and classifies the outcome. Not part of the public API. */
final class TokenFetcher {
  private static final Logger LOG = LoggerFactory.getLogger(TokenProvider.class);
  private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
  static final long DEFAULT_LIFETIME_SECONDS = 300;
  static final long MAX_LIFETIME_SECONDS = 86_400;
  private static final long MAX_BODY_BYTES = 64 * 1024;
  static final String VALID_ID_EXAMPLE = "12345678-1700000000000@advertising.performance.ozon.ru";
  private static final String CHECK_CREDENTIALS = "check OZON_CLIENT_ID and OZON_CLIENT_SECRET (or OAUTH_CLIENT_ID "
      + "and OAUTH_CLIENT_SECRET); a valid client id looks like " + VALID_ID_EXAMPLE;

  /** A successful answer: token value and validated lifetime. */
  record Fetched(String value, long lifetimeSeconds) {
  }

  /** The outcome of one failed attempt; {@code retryAfter} is null unless the server sent one. */
  static final class Failure extends Exception {
    private static final long serialVersionUID = 1L;
    final transient TokenRefreshException exception;
    final transient Duration retryAfter;
    final String errorClass;

    Failure(TokenRefreshException exception, Duration retryAfter, String errorClass) {
      super(null, null, false, false);
      this.exception = exception;
      this.retryAfter = retryAfter;
      this.errorClass = errorClass;
    }
  }

  private final OkHttpClient client;
  private final String tokenUrl;
  /** The token URL as shown in messages: without user info or query, which may hold credentials. */
  private final String shownUrl;
  private final String clientId;
  private final String clientSecret;
  private final TokenRequestFormat format;
  private final String scope;
  private final String audience;
  private volatile Call current;
  private volatile boolean cancelled;

  TokenFetcher(OkHttpClient client, String tokenUrl, String clientId, String clientSecret, TokenRequestFormat format,
      String scope, String audience) {
    this.client = client;
    this.tokenUrl = tokenUrl;
    this.shownUrl = displayUrl(tokenUrl);
    this.clientId = clientId;
    this.clientSecret = clientSecret;
    this.format = format;
    this.scope = scope;
    this.audience = audience;
  }

  /** Cancels the request in progress and every later one (used by {@code close()}). */
  void cancel() {
    cancelled = true;
    Call call = current;
    if (call != null) {
      call.cancel();
    }
  }

  Fetched fetch() throws Failure {
    Call call = client.newCall(request());
    current = call;
    if (cancelled) {
      // close() ran between newCall and the assignment above and could not see this call: cancel it ourselves,
      // so the refresh thread does not outlive close() by a whole call timeout.
      call.cancel();
    }
    try (Response response = call.execute()) {
      return parse(response);
    } catch (InterruptedIOException e) {
      // A network failure, not a credentials problem: the endpoint never judged the credentials.
      String kind = e.getClass() == InterruptedIOException.class ? "timeout" : e.getClass().getSimpleName();
      throw new Failure(TokenRefreshException.connectionFailure("no answer from the token endpoint " + shownUrl
          + " (" + kind + "); it may be slow or unreachable: check the network, proxy settings and the token URL "
          + "(OZON_TOKEN_URL).", e), null, e.getClass().getSimpleName());
    } catch (IOException e) {
      throw new Failure(TokenRefreshException.connectionFailure("could not reach the token endpoint " + shownUrl
          + " (" + e.getClass().getSimpleName() + "): check the network, proxy settings and the token URL "
          + "(OZON_TOKEN_URL).", e), null, e.getClass().getSimpleName());
    } finally {
      current = null;
    }
  }

  private Request request() {
    RequestBody body;
    if (format == TokenRequestFormat.FORM) {
      FormBody.Builder form = new FormBody.Builder()
          .add("grant_type", "client_credentials")
          .add("client_id", clientId)
          .add("client_secret", clientSecret);
      if (scope != null) {
        form.add("scope", scope);
      }
      if (audience != null) {
        form.add("audience", audience);
      }
      body = form.build();
    } else {
      JsonObject json = new JsonObject();
      json.addProperty("client_id", clientId);
      json.addProperty("client_secret", clientSecret);
      json.addProperty("grant_type", "client_credentials");
      if (scope != null) {
        json.addProperty("scope", scope);
      }
      if (audience != null) {
        json.addProperty("audience", audience);
      }
      body = RequestBody.create(json.toString(), JSON);
    }
    return new Request.Builder()
        .url(tokenUrl)
        .header("Accept", "application/json")
        .header("User-Agent", "ozon-performance-sdk ozon-auth")
        .post(body)
        .build();
  }

  private Fetched parse(Response response) throws IOException, Failure {
    int code = response.code();
    String text = bodyText(response.body());
    if (code >= 200 && code < 300) {
      return success(text, code);
    }
    JsonObject error = tryObject(text);
    // The server's error code is echoed in messages, events and logs: bound it and mask the secret like any text.
    String errorCode = error == null || string(error, "error") == null ? null : sanitize(string(error, "error"));
    String description = error == null ? null : firstNonNull(string(error, "error_description"),
        string(error, "message"));
    String said = describe(errorCode, description);
    if (code == 429 || code >= 500 || code == 408) {
      Duration retryAfter = retryAfter(response.header("Retry-After"));
      throw new Failure(new TokenRefreshException("HTTP " + code + said + " from " + shownUrl
          + "; the token endpoint is overloaded or unavailable, retry later", false, code, errorCode, null),
          retryAfter, "HTTP " + code);
    }
    String fix;
    if (code == 401 || "invalid_client".equals(errorCode)) {
      fix = "the client id or secret was rejected: " + CHECK_CREDENTIALS;
    } else if (code == 403) {
      fix = "the service account may not request tokens: check that the Performance API key is active in the "
          + "Ozon seller cabinet, and " + CHECK_CREDENTIALS;
    } else if (code == 400) {
      fix = "the token request was rejected: check OZON_CLIENT_ID/OZON_CLIENT_SECRET, the request format "
          + "(JSON for Ozon, FORM for RFC 6749 servers) and any scope/audience";
    } else if (code >= 300 && code < 400) {
      fix = "the token URL redirects (redirects are not followed so the secret never leaves for another address): "
          + "set the token URL (OZON_TOKEN_URL) to the final address";
    } else {
      fix = "check the token URL (OZON_TOKEN_URL), currently " + shownUrl;
    }
    throw new Failure(new TokenRefreshException("HTTP " + code + said + "; " + fix, true, code, errorCode, null),
        null, errorCode != null ? errorCode : "HTTP " + code);
  }

  private Fetched success(String text, int code) throws Failure {
    JsonObject o = tryObject(text);
    if (o == null) {
      throw terminal("the token endpoint " + shownUrl + " answered HTTP " + code + " with a body that is not a JSON "
          + "object; check the token URL (OZON_TOKEN_URL)", code, "malformed_response");
    }
    String token = string(o, "access_token");
    if (token == null || token.isBlank()) {
      throw terminal("the answer from " + shownUrl + " has no access_token; check the token URL (OZON_TOKEN_URL) "
          + "and the request format (TokenRequestFormat)", code, "missing_access_token");
    }
    String type = string(o, "token_type");
    if (type != null && !type.equalsIgnoreCase("bearer")) {
      LOG.warn("Token endpoint returned token_type '{}', not 'Bearer'; using it as a bearer token anyway",
          sanitize(type));
    }
    return new Fetched(token, lifetime(o.get("expires_in")));
  }

  private static long lifetime(JsonElement e) {
    Long seconds = null;
    if (e != null && e.isJsonPrimitive()) {
      JsonPrimitive p = e.getAsJsonPrimitive();
      try {
        seconds = p.isNumber() ? (long) Math.floor(p.getAsDouble()) : (long) Math.floor(Double.parseDouble(p.getAsString().trim()));
      } catch (NumberFormatException ignored) {
        seconds = null;
      }
    }
    if (seconds == null) {
      LOG.warn("Token answer has no usable expires_in; assuming {} s", DEFAULT_LIFETIME_SECONDS);
      return DEFAULT_LIFETIME_SECONDS;
    }
    if (seconds <= 0) {
      LOG.warn("Token answer has expires_in={} (not positive); assuming {} s", seconds, DEFAULT_LIFETIME_SECONDS);
      return DEFAULT_LIFETIME_SECONDS;
    }
    if (seconds > MAX_LIFETIME_SECONDS) {
      LOG.warn("Token answer has expires_in={} (more than a day); clamping to {} s", seconds, MAX_LIFETIME_SECONDS);
      return MAX_LIFETIME_SECONDS;
    }
    return seconds;
  }

  private Failure terminal(String detail, int code, String errorClass) {
    return new Failure(new TokenRefreshException(detail, true, code, null, null), null, errorClass);
  }

  private String describe(String errorCode, String description) {
    StringBuilder sb = new StringBuilder();
    if (errorCode != null) {
      sb.append(' ').append(errorCode);
    }
    if (description != null) {
      sb.append(" (").append(sanitize(description)).append(')');
    }
    return sb.toString();
  }

  /** Bounds server-provided text and removes anything equal to the secret before it enters a message. */
  private String sanitize(String s) {
    String out = s.replace(clientSecret, "***").replaceAll("[\\r\\n\\t]", " ");
    return out.length() > 200 ? out.substring(0, 200) + "..." : out;
  }

  private static String bodyText(ResponseBody body) throws IOException {
    if (body == null) {
      return "";
    }
    BufferedSource source = body.source();
    if (!source.request(MAX_BODY_BYTES + 1)) {
      return source.getBuffer().readUtf8();
    }
    return source.getBuffer().readUtf8(MAX_BODY_BYTES);
  }

  private static JsonObject tryObject(String text) {
    try {
      JsonElement e = JsonParser.parseString(text);
      return e.isJsonObject() ? e.getAsJsonObject() : null;
    } catch (RuntimeException e) {
      return null;
    }
  }

  private static String string(JsonObject o, String name) {
    JsonElement e = o.get(name);
    return e != null && e.isJsonPrimitive() ? e.getAsString() : null;
  }

  private static String firstNonNull(String a, String b) {
    return a != null ? a : b;
  }

  /**
   * {@code url} as shown in messages and logs: without {@code user:password@}, query and fragment, which may hold
   * credentials. Unparseable input is shown as {@code "(invalid URL)"}.
   */
  static String displayUrl(String url) {
    okhttp3.HttpUrl parsed = okhttp3.HttpUrl.parse(url);
    if (parsed == null) {
      return "(invalid URL)";
    }
    return parsed.newBuilder().username("").password("").query(null).fragment(null).build().toString();
  }

  static Duration retryAfter(String header) {
    if (header == null || header.isBlank()) {
      return null;
    }
    try {
      long seconds = Long.parseLong(header.trim());
      return seconds < 0 ? null : Duration.ofSeconds(seconds);
    } catch (NumberFormatException e) {
      try {
        Instant at = ZonedDateTime.parse(header.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        Duration d = Duration.between(Instant.now(), at);
        return d.isNegative() ? Duration.ZERO : d;
      } catch (RuntimeException ignored) {
        return null;
      }
    }
  }
}
