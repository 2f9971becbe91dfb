package io.github.ozonperf.client.internal;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.ozonperf.auth.TokenRefreshException;
import io.github.ozonperf.client.OzonApiException;
import io.github.ozonperf.client.OzonAuthenticationException;
import io.github.ozonperf.client.OzonBadRequestException;
import io.github.ozonperf.client.OzonConnectionException;
import io.github.ozonperf.client.OzonMalformedResponseException;
import io.github.ozonperf.client.OzonNotFoundException;
import io.github.ozonperf.client.OzonPermissionException;
import io.github.ozonperf.client.OzonRateLimitException;
import io.github.ozonperf.client.OzonServerException;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Turns HTTP failures into {@link OzonApiException} subclasses. Public so that the report workflow (which streams
 * downloads through the generated {@code ...Call} methods) maps errors exactly like the facade does.
 *
 * <p>Messages are built from the method, the path (never the query), the status, Ozon's short error text and
 * advice. They never include headers (the Authorization header lives there), the request, or a whole body.
 */
public final class ErrorMapping {
  /** Ozon's error text is cut to this many characters in messages. */
  static final int MAX_OZON_ERROR = 300;

  private ErrorMapping() {
  }

  /**
   * Maps a non-2xx response. Reads at most {@link OzonApiException#MAX_RAW_BODY} bytes of its body (without
   * consuming it); the caller still closes the response.
   *
   * @param response the unsuccessful response
   * @return the exception to throw
   */
  public static OzonApiException fromResponse(Response response) {
    String body;
    try {
      body = response.peekBody(OzonApiException.MAX_RAW_BODY).string();
    } catch (IOException | IllegalStateException e) {
      body = null;
    }
    Request request = response.request();
    return fromStatus(request.method(), request.url().encodedPath(), response.code(), body,
        parseRetryAfter(response.header("Retry-After"), Instant.now()));
  }

  /**
   * Maps an HTTP status with its (possibly null) body.
   *
   * @param method the HTTP method
   * @param path the URL path
   * @param code the status code
   * @param body the error body, or null
   * @param retryAfter Ozon's Retry-After, or null
   * @return the exception to throw
   */
  public static OzonApiException fromStatus(String method, String path, int code, String body, Duration retryAfter) {
    String ozonError = ozonError(body);
    String call = method + " " + path;
    String says = ozonError == null ? "" : ": \"" + ozonError + "\"";
    if (code == 400 || code == 422) {
      // The report limits are a hint only where they apply: statistics requests, not campaign or bid writes.
      String hint = !path.contains("/statistics") ? ""
          : ozonError != null && ozonError.contains("type of report is forbidden")
          ? " (a campaign of a type this report cannot include is in the request: SEARCH_PROMO, ALL_SKU_PROMO and "
              + "REF_* campaigns have reports of their own)"
          : " (limits: 10 campaigns and 62 days per report)";
      return new OzonBadRequestException(call + " was rejected by Ozon as invalid (HTTP " + code + says
          + "). Fix the request and try again" + hint + ".",
          code, ozonError, body, method, path, retryAfter, null);
    }
    if (code == 401) {
      return new OzonAuthenticationException(call + " was rejected by Ozon (HTTP 401" + says
          + ") even after a fresh access token. Check that the client id is the service account's full id "
          + "(ending in @advertising.performance.ozon.ru), that the secret belongs to it, and that the account "
          + "is active.", code, ozonError, body, method, path, retryAfter, null);
    }
    if (code == 403) {
      return new OzonPermissionException(call + " is not allowed for this service account (HTTP 403" + says
          + "). Grant it access in the Ozon cabinet, or use an id of your own organisation.",
          code, ozonError, body, method, path, retryAfter, null);
    }
    if (code == 404) {
      return new OzonNotFoundException(call + " found nothing (HTTP 404" + says
          + "). Check the campaign id or report UUID; reports are kept for a limited time.",
          code, ozonError, body, method, path, retryAfter, null);
    }
    if (code == 429) {
      String wait = retryAfter == null ? "" : "; Ozon asks to wait " + retryAfter.toSeconds() + " s";
      return new OzonRateLimitException(call + " was rate limited by Ozon (HTTP 429" + says + ")" + wait
          + ". Wait before retrying; on a report submission this can mean the account's daily report quota or "
          + "its single report slot is taken.", code, ozonError, body, method, path, retryAfter, null);
    }
    if (code >= 500 && code <= 599) {
      return new OzonServerException(call + " failed on Ozon's side (HTTP " + code + says + "). Retry later.",
          code, ozonError, body, method, path, retryAfter, null);
    }
    return OzonApiException.of(call + " failed (HTTP " + code + says + ").", code, ozonError, body, method, path);
  }

  /**
   * Maps an I/O failure. A token endpoint that could not be reached ({@link TokenRefreshException#isConnectionFailure()})
   * is a network failure like any other: {@link OzonConnectionException}, retryable, keeping the refresh message that
   * names the token URL. Any other token refresh failure becomes {@link OzonAuthenticationException} (keeping its
   * {@code "OAuth token refresh failed: "} message); anything else {@link OzonConnectionException}.
   *
   * @param method the HTTP method
   * @param path the URL path
   * @param e the failure
   * @return the exception to throw
   */
  public static OzonApiException fromIOException(String method, String path, IOException e) {
    if (e instanceof TokenRefreshException t && t.isConnectionFailure()) {
      return new OzonConnectionException(sentence(t.getMessage()) + " " + method + " " + path
          + " was not sent to Ozon; the call can be retried.", -1, null, null, method, path, null, t);
    }
    if (e instanceof TokenRefreshException t) {
      return new OzonAuthenticationException(t.getMessage(), t.statusCode(), t.errorCode(), null, method, path, null,
          t);
    }
    return new OzonConnectionException("Could not get an answer from Ozon for " + method + " " + path + " ("
        + describe(e) + "). Check the network, proxy and base URL (OZON_API_URL); the call can be retried.",
        -1, null, null, method, path, null, e);
  }

  /** {@code text} ending with a full stop, so that another sentence can follow it. */
  private static String sentence(String text) {
    String t = text.strip();
    return t.endsWith(".") || t.endsWith("!") || t.endsWith("?") ? t : t + ".";
  }

  /**
   * Maps a 2xx answer whose body could not be read (malformed JSON, a date-time without offset, a missing
   * required field, an unexpected content type).
   *
   * @param method the HTTP method
   * @param path the URL path
   * @param code the HTTP status
   * @param bodyStart the start of the body, or null
   * @param cause the parse failure
   * @return the exception to throw
   */
  public static OzonApiException malformed(String method, String path, int code, String bodyStart, Throwable cause) {
    String what = describe(cause);
    // The generator's exceptions quote the whole body (and ApiException all headers) in their messages: keep only
    // the short description and the stack trace, so that a logged stack trace cannot dump the body.
    MalformedBodyException sanitized = new MalformedBodyException(what);
    sanitized.setStackTrace(cause.getStackTrace());
    return new OzonMalformedResponseException(method + " " + path + " answered HTTP " + code
        + " with a body this SDK cannot read (" + what + "). The API may have changed: report it with "
        + "the exception's rawBody().", code, null, bodyStart, method, path, null, sanitized);
  }

  /** The body-free stand-in for a parse failure (see {@link #malformed}). */
  static final class MalformedBodyException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    MalformedBodyException(String message) {
      super(message);
    }
  }

  /**
   * A short, body-free description of an exception: its simple class name and the first part of its message.
   * Parse errors of the generated models quote the whole JSON after "in the JSON string"; that part is cut.
   *
   * @param t the exception
   * @return e.g. {@code "JsonSyntaxException: Expected BEGIN_OBJECT but was STRING at line 1 column 1 path $"}
   */
  public static String describe(Throwable t) {
    if (t instanceof io.github.ozonperf.client.invoker.ApiException) {
      // Its getMessage() appends the body and every response header.
      return t.getClass().getSimpleName();
    }
    String message = t.getMessage();
    if (message == null) {
      return t.getClass().getSimpleName();
    }
    int cut = message.indexOf(" in the JSON string");
    if (cut < 0) {
      cut = message.indexOf(" JSON string:");
    }
    if (cut >= 0) {
      message = message.substring(0, cut);
    }
    int brace = message.indexOf('{');
    if (brace >= 0) {
      message = message.substring(0, brace);
    }
    if (message.length() > 200) {
      message = message.substring(0, 200) + "...";
    }
    return t.getClass().getSimpleName() + ": " + message.strip();
  }

  /**
   * Ozon's error text from an error body: {@code error}, else {@code message}; null if neither.
   *
   * @param body the body, or null
   * @return the text, cut to {@value #MAX_OZON_ERROR} characters, or null
   */
  public static String ozonError(String body) {
    if (body == null || body.isBlank()) {
      return null;
    }
    try {
      JsonElement root = JsonParser.parseString(body);
      if (!root.isJsonObject()) {
        return null;
      }
      JsonObject o = root.getAsJsonObject();
      String text = stringField(o, "error");
      if (text == null) {
        text = stringField(o, "message");
      }
      if (text == null) {
        return null;
      }
      return text.length() <= MAX_OZON_ERROR ? text : text.substring(0, MAX_OZON_ERROR) + "...";
    } catch (RuntimeException e) {
      return null;
    }
  }

  private static String stringField(JsonObject o, String name) {
    JsonElement e = o.get(name);
    if (e == null || !e.isJsonPrimitive()) {
      return null;
    }
    String s = e.getAsString();
    return s.isBlank() ? null : s;
  }

  /**
   * Parses a {@code Retry-After} header: delay-seconds or an HTTP date.
   *
   * @param value the header value, or null
   * @param now the current wall-clock time (for HTTP dates)
   * @return the delay (never negative), or null if absent or unparseable
   */
  public static Duration parseRetryAfter(String value, Instant now) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String v = value.trim();
    try {
      long seconds = Long.parseLong(v);
      return seconds < 0 ? null : Duration.ofSeconds(seconds);
    } catch (NumberFormatException notSeconds) {
      try {
        Instant at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        Duration d = Duration.between(now, at);
        return d.isNegative() ? Duration.ZERO : d;
      } catch (DateTimeParseException notDate) {
        return null;
      }
    }
  }
}
