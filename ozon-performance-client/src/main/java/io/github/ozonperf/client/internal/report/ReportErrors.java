package io.github.ozonperf.client.internal.report;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.ozonperf.client.OzonApiException;
import io.github.ozonperf.client.OzonConnectionException;
import io.github.ozonperf.client.OzonMalformedResponseException;
import io.github.ozonperf.client.internal.ErrorMapping;
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
        return connection(api.getCause() != null ? api.getCause() : sanitized(api), method, path);
      }
      // ApiException.getMessage() dumps the body and every response header: never keep it as the cause.
      return fromStatus(api.getCode(), api.getResponseBody(), retryAfter(api.getResponseHeaders()),
          method, path, sanitized(api));
    }
    return new OzonMalformedResponseException(method + " " + path + " answered with something this SDK cannot "
        + "read (" + ErrorMapping.describe(e) + "). The API may have changed: report it to the SDK's maintainers.",
        -1, null, null, method, path, null, sanitized(e));
  }

  /** Maps an I/O failure. */
  public static OzonConnectionException connection(Throwable cause, String method, String path) {
    return connection(cause, method, path, "check the network and retry");
  }

  /** Maps an I/O failure, ending the message with {@code advice}. */
  public static OzonConnectionException connection(Throwable cause, String method, String path, String advice) {
    return new OzonConnectionException("connection to Ozon failed during " + method + " " + path + " ("
        + cause.getClass().getSimpleName() + "); " + advice, -1, null, null, method, path, null, cause);
  }

  /**
   * Maps a failure to write a downloaded report to disk: not Ozon's fault and not retryable as is.
   *
   * @param e the storage failure
   * @param uuid the report being saved; it stays downloadable at Ozon
   */
  public static OzonApiException storage(ReportDownloader.StorageException e, String uuid) {
    return new LocalFileException("could not save report " + uuid + " to " + e.dir() + " ("
        + ErrorMapping.describe(e.getCause() != null ? e.getCause() : e) + "). Check that ReportOptions.tempDir "
        + "(default java.io.tmpdir) exists, is writable and has free space, then download it again with "
        + "reports().download(\"" + uuid + "\", format).", e);
  }

  /** A report could not be written to (or read from) the local disk. */
  public static final class LocalFileException extends OzonApiException {
    private static final long serialVersionUID = 1L;

    LocalFileException(String message, Throwable cause) {
      super(message, -1, null, null, null, null, null, cause);
    }
  }

  /** A body- and header-free stand-in for a generated exception, keeping its stack trace. */
  private static RuntimeException sanitized(RuntimeException e) {
    RuntimeException s = new RuntimeException(ErrorMapping.describe(e));
    s.setStackTrace(e.getStackTrace());
    return s;
  }

  /**
   * Maps a non-2xx status with its (bounded) body, exactly like the facade does (same classes, same messages).
   * {@code cause} is accepted for compatibility and not kept: the facade's exceptions carry none either.
   */
  public static OzonApiException fromStatus(int code, String body, Duration retryAfter, String method,
      String path, Throwable cause) {
    return ErrorMapping.fromStatus(method, path, code, body, retryAfter);
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

  /** The {@code Retry-After} delay (delay-seconds or an HTTP date), or null if absent or unparseable. */
  public static Duration retryAfter(String value) {
    return ErrorMapping.parseRetryAfter(value, java.time.Instant.now());
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
