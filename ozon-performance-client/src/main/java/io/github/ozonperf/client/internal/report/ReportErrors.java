package io.github.ozonperf.client.internal.report;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.ozonperf.client.OzonApiException;
import io.github.ozonperf.client.OzonAuthenticationException;
import io.github.ozonperf.client.OzonBadRequestException;
import io.github.ozonperf.client.OzonConnectionException;
import io.github.ozonperf.client.OzonMalformedResponseException;
import io.github.ozonperf.client.OzonNotFoundException;
import io.github.ozonperf.client.OzonPermissionException;
import io.github.ozonperf.client.OzonRateLimitException;
import io.github.ozonperf.client.OzonServerException;
import io.github.ozonperf.client.invoker.ApiException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Maps failures of the report calls to our exception hierarchy. The facade's ApiClient already maps the
 * generated calls; this covers the download we execute ourselves and a raw generated ApiClient. Messages
 * carry Ozon's short error text, never a header or a body dump.
 */
public final class ReportErrors {
  private static final int MAX_ERROR_TEXT = 300;

  private ReportErrors() {}

  /** Maps anything a generated call threw. */
  public static OzonApiException map(RuntimeException e, String method, String path) {
    if (e instanceof OzonApiException ozon) {
      return ozon;
    }
    if (e instanceof ApiException api) {
      if (api.getCode() == 0) {
        return connection(api.getCause() != null ? api.getCause() : api, method, path);
      }
      return fromStatus(api.getCode(), api.getResponseBody(), retryAfter(api.getResponseHeaders()),
          method, path, api);
    }
    return new OzonMalformedResponseException("Ozon's answer to " + method + " " + path
        + " could not be read (" + e.getClass().getSimpleName() + "); report this with the request id",
        -1, null, null, method, path, null, e);
  }

  /** Maps an I/O failure. */
  public static OzonConnectionException connection(Throwable cause, String method, String path) {
    return new OzonConnectionException("connection to Ozon failed during " + method + " " + path + " ("
        + cause.getClass().getSimpleName() + "); check the network and retry", -1, null, null, method,
        path, null, cause);
  }

  /** Maps a non-2xx status with its (bounded) body. */
  public static OzonApiException fromStatus(int code, String body, Duration retryAfter, String method,
      String path, Throwable cause) {
    String error = ozonError(body);
    String what = "Ozon answered " + code + " to " + method + " " + path
        + (error == null ? "" : ": " + error);
    return switch (code) {
      case 400, 422 -> new OzonBadRequestException(what + ". Fix the request (ids, dates, at most 10 "
          + "campaigns and 62 days per report).", code, error, body, method, path, retryAfter, cause);
      case 401 -> new OzonAuthenticationException(what + ". Check OZON_CLIENT_ID / OZON_CLIENT_SECRET.",
          code, error, body, method, path, retryAfter, cause);
      case 403 -> new OzonPermissionException(what + ". The service account lacks access to this "
          + "campaign or method.", code, error, body, method, path, retryAfter, cause);
      case 404 -> new OzonNotFoundException(what + ". Check the report UUID (reports expire at Ozon).",
          code, error, body, method, path, retryAfter, cause);
      case 429 -> new OzonRateLimitException(what + ". Wait"
          + (retryAfter == null ? "" : " " + retryAfter.toSeconds() + " s") + " and retry; only one "
          + "report may generate per account and 2,000 per day.", code, error, body, method, path,
          retryAfter, cause);
      default -> code >= 500
          ? new OzonServerException(what + ". Ozon failed; retry later.", code, error, body, method, path,
              retryAfter, cause)
          : OzonApiException.of(what, code, error, body, method, path);
    };
  }

  /** Ozon's {@code error} (or {@code message}) text from a JSON error body, bounded; {@code null} if none. */
  public static String ozonError(String body) {
    if (body == null || body.isBlank()) {
      return null;
    }
    try {
      JsonElement element = JsonParser.parseString(body);
      if (element.isJsonObject()) {
        JsonObject object = element.getAsJsonObject();
        for (String key : new String[] {"error", "message"}) {
          JsonElement value = object.get(key);
          if (value != null && value.isJsonPrimitive()) {
            String text = value.getAsString();
            return text.length() <= MAX_ERROR_TEXT ? text : text.substring(0, MAX_ERROR_TEXT) + "…";
          }
        }
      }
    } catch (RuntimeException ignored) {
      // not JSON: no error text
    }
    return null;
  }

  /** The {@code Retry-After} delay in seconds, if present and numeric. */
  public static Duration retryAfter(String value) {
    if (value == null) {
      return null;
    }
    try {
      long seconds = Long.parseLong(value.trim());
      return seconds >= 0 ? Duration.ofSeconds(seconds) : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static Duration retryAfter(Map<String, List<String>> headers) {
    if (headers == null) {
      return null;
    }
    for (Map.Entry<String, List<String>> entry : headers.entrySet()) {
      if ("retry-after".equalsIgnoreCase(entry.getKey()) && entry.getValue() != null
          && !entry.getValue().isEmpty()) {
        return retryAfter(entry.getValue().get(0));
      }
    }
    return null;
  }

}
