package io.github.ozonperf.client;

import java.time.Duration;
import java.util.Optional;

/**
 * The one exception type users of this SDK catch: every failure of a call through {@link OzonPerformanceClient}
 * (an HTTP error, a rejected or failed token refresh, a connection failure, a body that cannot be read) arrives
 * as an {@code OzonApiException} or one of its subclasses:
 *
 * <table>
 *   <caption>Subclasses</caption>
 *   <tr><th>exception</th><th>when</th><th>what to do</th></tr>
 *   <tr><td>{@link OzonBadRequestException}</td><td>400, 422</td><td>fix the request (see {@link #ozonError()})</td></tr>
 *   <tr><td>{@link OzonAuthenticationException}</td><td>401 after one token refresh, or the token request failed</td>
 *       <td>check the client id (it must end in {@code @advertising.performance.ozon.ru}) and secret</td></tr>
 *   <tr><td>{@link OzonPermissionException}</td><td>403</td><td>grant the service account access in the cabinet</td></tr>
 *   <tr><td>{@link OzonNotFoundException}</td><td>404</td><td>check the campaign id or report UUID</td></tr>
 *   <tr><td>{@link OzonRateLimitException}</td><td>429 after the SDK's own retries</td>
 *       <td>wait {@link #retryAfter()}; on report submission the daily quota may be spent</td></tr>
 *   <tr><td>{@link OzonServerException}</td><td>5xx</td><td>retry later</td></tr>
 *   <tr><td>{@link OzonConnectionException}</td><td>no HTTP answer (I/O failure, timeout)</td><td>check network, proxy, base URL</td></tr>
 *   <tr><td>{@link OzonMalformedResponseException}</td><td>a 2xx body this SDK cannot read</td><td>report it with {@link #rawBody()}</td></tr>
 *   <tr><td>{@link OzonIncompleteResultException}</td><td>a paged listing ended short of the server's total</td><td>retry later</td></tr>
 *   <tr><td>{@link OzonReportException}</td><td>a statistics report ended in state ERROR</td><td>see {@link #ozonError()}</td></tr>
 *   <tr><td>{@link OzonReportTimeoutException}</td><td>a report did not finish in time</td><td>resume it by its UUIDs</td></tr>
 *   <tr><td>{@link OzonReportNotReadyException}</td><td>a report was downloaded by UUID before it was OK</td>
 *       <td>poll its status, then download again</td></tr>
 * </table>
 *
 * <p>Messages say what happened and what to do. They never contain an access token, a client secret, a header or
 * a whole response body; {@link #rawBody()} keeps at most {@value #MAX_RAW_BODY} characters of the error body for
 * diagnosis.
 *
 * <pre>{@code
 * try {
 *   client.statistics().getReportStatus(uuid);
 * } catch (OzonNotFoundException e) {
 *   // Ozon forgot the report: submit it again
 * } catch (OzonApiException e) {
 *   log.warn("{} (HTTP {}, retryable: {})", e.getMessage(), e.statusCode(), e.isRetryable());
 * }
 * }</pre>
 */
public class OzonApiException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** The most characters of an error body kept in {@link #rawBody()}. */
  public static final int MAX_RAW_BODY = 4096;

  private final int statusCode;
  private final String ozonError;
  private final String rawBody;
  private final String method;
  private final String path;
  private final Duration retryAfter;

  /**
   * For subclasses (including the report package): an exception with every detail.
   *
   * @param message the human-readable message: what happened and what to do; no secrets, headers or bodies
   * @param statusCode the HTTP status, or -1 if there was no HTTP answer
   * @param ozonError Ozon's {@code error}/{@code message} text, or null
   * @param rawBody the error body (truncated to {@value #MAX_RAW_BODY} characters here), or null
   * @param method the HTTP method, or null
   * @param path the URL path (no query), or null
   * @param retryAfter how long Ozon asked to wait, or null
   * @param cause the underlying exception, or null
   */
  protected OzonApiException(String message, int statusCode, String ozonError, String rawBody, String method,
      String path, Duration retryAfter, Throwable cause) {
    super(message, cause);
    this.statusCode = statusCode;
    this.ozonError = ozonError;
    this.rawBody = rawBody == null || rawBody.length() <= MAX_RAW_BODY ? rawBody : rawBody.substring(0, MAX_RAW_BODY);
    this.method = method;
    this.path = path;
    this.retryAfter = retryAfter;
  }

  /**
   * For subclasses: an exception without HTTP details.
   *
   * @param message the human-readable message; no secrets, headers or bodies
   * @param cause the underlying exception, or null
   */
  protected OzonApiException(String message, Throwable cause) {
    this(message, -1, null, null, null, null, null, cause);
  }

  /**
   * An exception for an HTTP status that has no dedicated subclass.
   *
   * @param message the human-readable message; no secrets, headers or bodies
   * @param statusCode the HTTP status, or -1
   * @param ozonError Ozon's error text, or null
   * @param rawBody the error body (truncated), or null
   * @param method the HTTP method, or null
   * @param path the URL path, or null
   * @return the exception
   */
  public static OzonApiException of(String message, int statusCode, String ozonError, String rawBody, String method,
      String path) {
    return new OzonApiException(message, statusCode, ozonError, rawBody, method, path, null, null);
  }

  /**
   * The HTTP status of Ozon's answer.
   *
   * @return the status code, or -1 if there was no HTTP answer (connection failure, token refresh failure, a
   *     report that ended in ERROR)
   */
  public int statusCode() {
    return statusCode;
  }

  /**
   * Ozon's own error text: the {@code error} (or {@code message}) field of the error body, e.g.
   * {@code "report not found"} or {@code "max statistics period: 62 days"}.
   *
   * @return the text, or null if Ozon sent none
   */
  public String ozonError() {
    return ozonError;
  }

  /**
   * The error body as received, truncated to {@value #MAX_RAW_BODY} characters. Never part of the message.
   *
   * @return the body, or null if there was none
   */
  public String rawBody() {
    return rawBody;
  }

  /**
   * The HTTP method of the failed call.
   *
   * @return e.g. {@code "GET"}, or null if not known
   */
  public String method() {
    return method;
  }

  /**
   * The URL path of the failed call, without the query.
   *
   * @return e.g. {@code "/api/client/campaign"}, or null if not known
   */
  public String path() {
    return path;
  }

  /**
   * How long Ozon asked to wait (its {@code Retry-After} header), when it said so.
   *
   * @return the wait, or empty
   */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }

  /**
   * Whether the same call may succeed if made again later: true for 429, 500, 502, 503, 504 and connection
   * failures. Note that the SDK has already retried idempotent calls before throwing.
   *
   * @return true if retrying later makes sense
   */
  public boolean isRetryable() {
    return statusCode == 429 || statusCode == 500 || statusCode == 502 || statusCode == 503 || statusCode == 504;
  }
}
