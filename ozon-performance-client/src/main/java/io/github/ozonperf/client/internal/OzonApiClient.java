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
import io.github.ozonperf.client.invoker.ApiCallback;
import io.github.ozonperf.client.invoker.Pair;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import okhttp3.Call;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.RequestBody;
import okhttp3.internal.http.HttpMethod;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
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
   * Writes JSON request bodies with {@link ModelJson}, the binding that also reads answers, so that what a caller
   * previews with {@code ModelJson.gson().toJson(request)} is byte for byte what is sent; other bodies go to the
   * generated code.
   */
  @Override
  public RequestBody serialize(Object obj, String contentType) throws ApiException {
    if (obj == null || obj instanceof String || obj instanceof byte[] || obj instanceof File
        || !isJsonMime(contentType)) {
      return super.serialize(obj, contentType);
    }
    return RequestBody.create(ModelJson.gson().toJson(obj), MediaType.parse(contentType));
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

  /**
   * The generated request building, minus three per-call costs (issue 17: 24 % of a typed call's CPU in
   * TypedCallBenchmark): the URL string is no longer parsed whole, which ran OkHttp's IDN mapping of the host on every
   * call (an 8 kB buffer segment each time), only the part after the host, resolved against the base URL parsed once;
   * no {@code java.net.URI} is parsed and no request body is copied into a String for the generated authentications,
   * none of which reads them; the URL is built once, not twice. Same URL, headers and body as the generated code
   * (OzonApiClientTest compares the two).
   */
  @Override
  public Request buildRequest(String baseUrl, String path, String method, List<Pair> queryParams,
      List<Pair> collectionQueryParams, Object body, Map<String, String> headerParams, Map<String, String> cookieParams,
      Map<String, Object> formParams, String[] authNames, ApiCallback callback) throws ApiException {
    if (callback != null) {
      return super.buildRequest(baseUrl, path, method, queryParams, collectionQueryParams, body, headerParams,
          cookieParams, formParams, authNames, callback);
    }
    RequestBody reqBody = requestBody(method, body, headerParams, formParams);
    List<Pair> updatedQueryParams = new ArrayList<>(queryParams);
    updateParamsForAuth(authNames, updatedQueryParams, headerParams, cookieParams, null, method, null);
    Request.Builder reqBuilder = new Request.Builder()
        .url(url(buildUrl(baseUrl, path, updatedQueryParams, collectionQueryParams)));
    processHeaderParams(headerParams, reqBuilder);
    processCookieParams(cookieParams, reqBuilder);
    reqBuilder.tag(callback);
    return reqBuilder.method(method, reqBody).build();
  }

  /** The generated body rules: form, multipart, none for GET/HEAD (and a DELETE without one), else serialised. */
  private RequestBody requestBody(String method, Object body, Map<String, String> headerParams,
      Map<String, Object> formParams) throws ApiException {
    String contentType = headerParams.get("Content-Type");
    String contentTypePure = contentType;
    if (contentTypePure != null && contentTypePure.contains(";")) {
      contentTypePure = contentType.substring(0, contentType.indexOf(";"));
    }
    if (!HttpMethod.permitsRequestBody(method)) {
      return null;
    } else if ("application/x-www-form-urlencoded".equals(contentTypePure)) {
      return buildRequestBodyFormEncoding(formParams);
    } else if ("multipart/form-data".equals(contentTypePure)) {
      return buildRequestBodyMultipart(formParams);
    } else if (body == null) {
      return "DELETE".equals(method) ? null
          : RequestBody.create("", contentType == null ? null : MediaType.parse(contentType));
    }
    return serialize(body, contentType);
  }

  /** The authority ("scheme://host:port") last parsed, and its HttpUrl. */
  private volatile ParsedAuthority authority;

  private record ParsedAuthority(String text, HttpUrl url) {
  }

  /**
   * {@code HttpUrl.get(url)}, parsing only what follows the authority when the authority is the one parsed last:
   * resolving a path-absolute reference against it takes the scheme, user, host and port as they are and parses
   * path, query and fragment exactly as the whole parse would.
   */
  HttpUrl url(String url) {
    int scheme = url.indexOf("://");
    if (scheme <= 0) {
      return HttpUrl.get(url);
    }
    int end = scheme + 3;
    while (end < url.length() && "/?#".indexOf(url.charAt(end)) < 0) {
      end++;
    }
    String rest = url.substring(end);
    if (rest.startsWith("//") || !rest.startsWith("/")) {
      return HttpUrl.get(url); // "//" would be read as an authority, "?"/"#" right after the host as no path
    }
    ParsedAuthority a = authority;
    if (a == null || !url.startsWith(a.text()) || a.text().length() != end) {
      a = new ParsedAuthority(url.substring(0, end), HttpUrl.get(url.substring(0, end)));
      authority = a;
    }
    HttpUrl resolved = a.url().resolve(rest);
    return resolved != null ? resolved : HttpUrl.get(url);
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
