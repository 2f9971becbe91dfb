package io.github.ozonperf.client.internal;

import com.google.gson.JsonParseException;
import io.github.ozonperf.client.OzonApiException;
import io.github.ozonperf.client.invoker.ApiClient;
import io.github.ozonperf.client.invoker.ApiException;
import io.github.ozonperf.client.invoker.ApiResponse;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.lang.reflect.Type;
import java.net.URLEncoder;
import java.time.DateTimeException;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import okhttp3.Call;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.BufferedSource;

/**
 * The generated {@link ApiClient} wired to our OkHttpClient, with every synchronous failure mapped to
 * {@link OzonApiException}: HTTP errors, I/O failures (including token refresh failures) and the generator's
 * unchecked parse errors ({@link JsonParseException}, {@link DateTimeException}, {@link IllegalArgumentException},
 * {@link IllegalStateException}). The generated {@code HttpBearerAuth} is left unset: the ozon-auth interceptor is
 * the only source of {@code Authorization}.
 */
public final class OzonApiClient extends ApiClient {

  /**
   * Creates the client.
   *
   * @param http the fully configured OkHttpClient (auth, retries)
   * @param baseUrl the base URL without a trailing slash
   */
  public OzonApiClient(OkHttpClient http, String baseUrl) {
    super(Objects.requireNonNull(http, "http == null"));
    setBasePath(Objects.requireNonNull(baseUrl, "baseUrl == null"));
  }

  /**
   * Sends every declared media type. The generated default sends only the JSON one when an operation declares
   * JSON errors, which would ask a CSV method for JSON.
   */
  @Override
  public String selectHeaderAccept(String[] accepts) {
    if (accepts == null || accepts.length == 0) {
      return null;
    }
    Set<String> unique = new LinkedHashSet<>();
    for (String a : accepts) {
      unique.add(a);
    }
    return String.join(",", unique);
  }

  /** The generated rule, compiled once: the generated method compiles this regex on every response. */
  private static final Pattern JSON_MIME =
      Pattern.compile("(?i)^(application/json|[^;/ \t]+/[^;/ \t]+[+]json)[ \t]*(;.*)?$");

  /** The generated rule without a regex compilation per call (measured: part of 13 % of a call's allocation). */
  @Override
  public boolean isJsonMime(String mime) {
    return mime != null && (JSON_MIME.matcher(mime).matches() || mime.equals("*/*"));
  }

  /**
   * The generated encoding ({@code URLEncoder}, then {@code +} as {@code %20}) without its {@code replaceAll}, which
   * compiled a regex for every query parameter of every call.
   */
  @Override
  public String escapeString(String str) {
    return URLEncoder.encode(str, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /**
   * Binds JSON answers in one pass with {@link ModelJson} instead of the generated tree-validate-bind; other
   * answers (strings, files, bytes, non-JSON) go to the generated code.
   */
  @Override
  public <T> T deserialize(Response response, Type returnType) throws ApiException {
    if (response == null || returnType == null || returnType == String.class || returnType == File.class
        || returnType == byte[].class || !isJsonMime(response.header("Content-Type", "application/json"))) {
      return super.deserialize(response, returnType);
    }
    try (Reader reader = new InputStreamReader(response.body().byteStream(), StandardCharsets.UTF_8)) {
      return ModelJson.gson().fromJson(reader, returnType);
    } catch (IOException e) {
      throw new ApiException(e);
    }
  }

  /** JSON answers up to this size are read whole, then bound; larger ones are bound from the stream. */
  private static final long WHOLE_BODY_MAX = 1 << 20;

  /**
   * The whole body of a JSON answer of at most {@link #WHOLE_BODY_MAX} bytes that {@link ModelJson} binds, or null
   * (the generated path then handles it). Read whole, a typical answer is decoded in one pass instead of through a
   * streaming decoder and refilled 1 k-char buffers, and the start of the body for an error message is taken from
   * it only when binding fails, instead of copying and decoding the first 4 kB of every answer up front (issue 17:
   * the typed call vs raw OkHttp).
   */
  private byte[] smallJsonBody(Response response, Type returnType, String method, String path) {
    ResponseBody body = response.body();
    if (body == null || returnType == String.class || returnType == File.class || returnType == byte[].class
        || !isJsonMime(response.header("Content-Type", "application/json"))) {
      return null;
    }
    try {
      BufferedSource source = body.source();
      if (source.request(WHOLE_BODY_MAX + 1)) {
        return null; // larger: streamed (the bytes read so far stay buffered in the source)
      }
      return source.getBuffer().readByteArray();
    } catch (IOException e) {
      throw ErrorMapping.fromIOException(method, path, e);
    }
  }

  /** The first {@link OzonApiException#MAX_RAW_BODY} bytes as text, a UTF-8 byte order mark left out. */
  private static String start(byte[] body) {
    int from = body.length >= 3 && body[0] == (byte) 0xEF && body[1] == (byte) 0xBB && body[2] == (byte) 0xBF ? 3 : 0;
    return new String(body, from, Math.min(body.length - from, OzonApiException.MAX_RAW_BODY),
        StandardCharsets.UTF_8);
  }

  @Override
  public <T> ApiResponse<T> execute(Call call, Type returnType) {
    Request request = call.request();
    String method = request.method();
    String path = request.url().encodedPath();
    Response response;
    try {
      response = call.execute();
    } catch (IOException e) {
      throw ErrorMapping.fromIOException(method, path, e);
    } catch (OzonApiException e) {
      throw e;
    } catch (RuntimeException e) {
      // An interceptor of a user-supplied OkHttpClient, or a client used after close(): still our exception type.
      throw ErrorMapping.fromIOException(method, path, new IOException(ErrorMapping.describe(e), e));
    }
    try (response) {
      if (!response.isSuccessful()) {
        throw ErrorMapping.fromResponse(response);
      }
      byte[] json = returnType != null && response.code() != 204 ? smallJsonBody(response, returnType, method, path)
          : null;
      if (json != null) {
        try {
          T data = ModelJson.gson().fromJson(new String(json, StandardCharsets.UTF_8), returnType);
          return new ApiResponse<>(response.code(), response.headers().toMultimap(), data);
        } catch (JsonParseException | DateTimeException | IllegalArgumentException | IllegalStateException
            | ClassCastException e) {
          throw ErrorMapping.malformed(method, path, response.code(), start(json), e);
        }
      }
      String bodyStart = null;
      if (returnType != null && response.code() != 204) {
        try {
          bodyStart = response.peekBody(OzonApiException.MAX_RAW_BODY).string();
        } catch (IOException e) {
          throw ErrorMapping.fromIOException(method, path, e);
        }
      }
      try {
        T data = handleResponse(response, returnType);
        return new ApiResponse<>(response.code(), response.headers().toMultimap(), data);
      } catch (ApiException e) {
        if (e.getCause() instanceof IOException io) {
          throw ErrorMapping.fromIOException(method, path, io);
        }
        throw ErrorMapping.malformed(method, path, response.code(), bodyStart, new IllegalStateException(
            "unexpected Content-Type " + response.header("Content-Type", "(none)") + " for " + returnType));
      } catch (JsonParseException | DateTimeException | IllegalArgumentException | IllegalStateException
          | ClassCastException e) {
        throw ErrorMapping.malformed(method, path, response.code(), bodyStart, e);
      }
    }
  }
}
