package io.github.ozonperf.mcp.tools;

import io.github.ozonperf.auth.ConfigurationException;
import io.github.ozonperf.auth.TokenRefreshException;
import io.github.ozonperf.client.OzonApiException;
import io.github.ozonperf.client.OzonAuthenticationException;
import io.github.ozonperf.client.OzonBadRequestException;
import io.github.ozonperf.client.OzonConnectionException;
import io.github.ozonperf.client.OzonMalformedResponseException;
import io.github.ozonperf.client.OzonNotFoundException;
import io.github.ozonperf.client.OzonPermissionException;
import io.github.ozonperf.client.OzonRateLimitException;
import io.github.ozonperf.client.OzonReportTimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Maps any failure of a tool call to the error envelope; never leaks a stack trace, header or token. */
final class Errors {
  private static final Logger log = LoggerFactory.getLogger(Errors.class);
  /** Used when Ozon sends no Retry-After (it usually does not). */
  static final long DEFAULT_RETRY_AFTER_SECONDS = 10;

  private Errors() {
  }

  static ToolError map(Throwable t, String toolName, String operation) {
    Throwable e = unwrap(t);
    if (e instanceof ToolError te) {
      return te.withOperation(te.type() == ToolError.Type.VALIDATION ? null : operation);
    }
    if (e instanceof OzonApiException api) {
      return fromApi(api, operation);
    }
    TokenRefreshException tre = find(e, TokenRefreshException.class);
    if (tre != null && tre.isConnectionFailure()) {
      // The token endpoint could not be reached: a network failure like OzonConnectionException, not a
      // credentials problem, so no credentials hint.
      return new ToolError(ToolError.Type.UPSTREAM, sentence(tre.getMessage())
          + " Could not reach Ozon; retry in a moment.", true, DEFAULT_RETRY_AFTER_SECONDS, operation, null);
    }
    if (tre != null && !tre.isTerminal()) {
      // The token endpoint answered 5xx or 429: Ozon's trouble, not the credentials; worth a retry.
      return new ToolError(ToolError.Type.UPSTREAM, sentence(tre.getMessage()) + " Retry in a moment.", true,
          DEFAULT_RETRY_AFTER_SECONDS, operation, tre.statusCode() > 0 ? tre.statusCode() : null);
    }
    if (tre != null) {
      return new ToolError(ToolError.Type.AUTH, withAuthHint(tre.getMessage()), false, null, operation,
          tre.statusCode() > 0 ? tre.statusCode() : null);
    }
    if (e instanceof ConfigurationException) {
      // Found while the backend was built at the first tool call: the server exits 2 right after this answer.
      return new ToolError(ToolError.Type.AUTH, "the server's configuration is invalid: " + e.getMessage()
          + ". Fix it in the MCP host's configuration and restart the server; it is stopping now.", false, null,
          operation, null);
    }
    if (e instanceof InterruptedException) {
      Thread.currentThread().interrupt();
      return new ToolError(ToolError.Type.TIMEOUT, "the call was interrupted before it finished; try again", true,
          null, operation, null);
    }
    // A bug on our side: log it (stderr) with the stack, but tell the model only what it can act on.
    log.error("tool {} failed unexpectedly", toolName, e);
    return new ToolError(ToolError.Type.UPSTREAM, "internal error in tool " + toolName + " ("
        + e.getClass().getSimpleName() + "); the server's stderr log has details. Retrying will probably not help.",
        false, null, operation, null);
  }

  private static ToolError fromApi(OzonApiException api, String operation) {
    Integer status = api.statusCode() > 0 ? api.statusCode() : null;
    String op = api.method() != null && api.path() != null ? api.method() + " " + api.path() : operation;
    String msg = api.getMessage();
    if (api instanceof OzonRateLimitException) {
      long after = api.retryAfter().map(Duration::getSeconds).filter(s -> s > 0).orElse(DEFAULT_RETRY_AFTER_SECONDS);
      return new ToolError(ToolError.Type.RATE_LIMITED, msg + " — Ozon's rate limit was hit (HTTP 429); wait "
          + after + " s and retry. On a report submission a repeated 429 can mean the daily report quota"
          + " (2,000 reports per 24 h) is spent or another report is still generating.", true, after, op, status);
    }
    if (api instanceof OzonAuthenticationException) {
      return new ToolError(ToolError.Type.AUTH, msg + authHint(), false, null, op, status);
    }
    if (api instanceof OzonPermissionException) {
      return new ToolError(ToolError.Type.PERMISSION, msg + " — the service account may not access this object;"
          + " check the campaign id and the account's rights in the Ozon seller cabinet.", false, null, op, status);
    }
    if (api instanceof OzonNotFoundException) {
      return new ToolError(ToolError.Type.NOT_FOUND, msg + " — check the id (list_campaigns / list_reports show"
          + " valid ones).", false, null, op, status);
    }
    if (api instanceof OzonBadRequestException) {
      return new ToolError(ToolError.Type.VALIDATION, msg + " — Ozon rejected the arguments; change them and"
          + " retry.", false, null, op, status);
    }
    if (api instanceof OzonReportTimeoutException) {
      return new ToolError(ToolError.Type.TIMEOUT, msg, true, null, op, status);
    }
    if (api instanceof OzonConnectionException) {
      return new ToolError(ToolError.Type.UPSTREAM, msg + " — could not reach Ozon; retry in a moment.", true,
          DEFAULT_RETRY_AFTER_SECONDS, op, status);
    }
    if (api instanceof OzonMalformedResponseException) {
      return new ToolError(ToolError.Type.UPSTREAM, msg, false, null, op, status);
    }
    boolean retryable = api.isRetryable();
    return new ToolError(ToolError.Type.UPSTREAM, msg + (retryable ? " — retry in a moment." : ""), retryable,
        retryable ? Long.valueOf(api.retryAfter().map(Duration::getSeconds).orElse(DEFAULT_RETRY_AFTER_SECONDS))
            : null, op, status);
  }

  /** {@code text} ending with a full stop, so that another sentence can follow it. */
  private static String sentence(String text) {
    String t = text.strip();
    return t.endsWith(".") || t.endsWith("!") || t.endsWith("?") ? t : t + ".";
  }

  /** The message with the credentials hint, unless it already names the variables (no hint said twice). */
  static String withAuthHint(String message) {
    return message.contains("OZON_CLIENT_ID") ? sentence(message) : message + authHint();
  }

  static String authHint() {
    return " Check OZON_CLIENT_ID / OZON_CLIENT_SECRET (a client id looks like"
        + " 12345678-1700000000000@advertising.performance.ozon.ru) and restart the server.";
  }

  private static Throwable unwrap(Throwable t) {
    Throwable e = t;
    while ((e instanceof CompletionException || e instanceof ExecutionException) && e.getCause() != null) {
      e = e.getCause();
    }
    return e;
  }

  private static <T extends Throwable> T find(Throwable t, Class<T> type) {
    for (Throwable e = t; e != null; e = e.getCause()) {
      if (type.isInstance(e)) {
        return type.cast(e);
      }
      if (e.getCause() == e) {
        break;
      }
    }
    return null;
  }
}
