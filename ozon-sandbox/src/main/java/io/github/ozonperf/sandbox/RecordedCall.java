package io.github.ozonperf.sandbox;

import java.time.Instant;
import java.util.Objects;

/**
 * One request the sandbox received, for assertions in tests. Secrets are never kept: the
 * {@code Authorization} header is reduced to its scheme ({@code "Bearer <redacted>"}) and token request bodies
 * and query strings are not recorded.
 *
 * @param at sandbox-clock time the request was handled
 * @param method HTTP method
 * @param path raw path, e.g. {@code /api/client/campaign/123/objects}
 * @param pattern the spec path it matched, e.g. {@code /api/client/campaign/{campaignId}/objects}, or the raw
 *     path when nothing matched
 * @param query raw query string without {@code ?}, or {@code ""} (always {@code ""} for token requests)
 * @param authorization redacted {@code Authorization} header, or {@code ""} when absent
 * @param contentType request {@code Content-Type}, or {@code ""}
 * @param body request body as UTF-8 (at most 4 KiB), {@code ""} for token requests and empty bodies
 * @param status HTTP status answered ({@code -1} when the connection was reset on purpose)
 */
public record RecordedCall(Instant at, String method, String path, String pattern, String query,
    String authorization, String contentType, String body, int status) {

  /** Validates that no component is null. */
  public RecordedCall {
    Objects.requireNonNull(at, "at == null");
    Objects.requireNonNull(method, "method == null");
    Objects.requireNonNull(path, "path == null");
    Objects.requireNonNull(pattern, "pattern == null");
    Objects.requireNonNull(query, "query == null");
    Objects.requireNonNull(authorization, "authorization == null");
    Objects.requireNonNull(contentType, "contentType == null");
    Objects.requireNonNull(body, "body == null");
  }
}
