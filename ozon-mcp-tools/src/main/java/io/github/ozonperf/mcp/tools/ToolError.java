package io.github.ozonperf.mcp.tools;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A tool failure the model should see as an {@code isError} result: carries the error envelope
 * ({@code type, message, retryable, retryAfterSeconds?, operation?}).
 */
final class ToolError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Envelope types, in the wire spelling. */
  enum Type {
    VALIDATION("validation"), AUTH("auth"), PERMISSION("permission"), NOT_FOUND("not_found"),
    RATE_LIMITED("rate_limited"), UPSTREAM("upstream"), TIMEOUT("timeout"),
    /** The caller may not use the account it named (only with an accounts file). */
    FORBIDDEN("forbidden");

    final String wire;

    Type(String wire) {
      this.wire = wire;
    }
  }

  private final Type type;
  private final boolean retryable;
  private final Long retryAfterSeconds;
  private final String operation;
  private final Integer httpStatus;

  ToolError(Type type, String message, boolean retryable, Long retryAfterSeconds, String operation, Integer httpStatus) {
    super(Objects.requireNonNull(message, "message == null"), null, false, false);
    this.type = Objects.requireNonNull(type, "type == null");
    this.retryable = retryable;
    this.retryAfterSeconds = retryAfterSeconds;
    this.operation = operation;
    this.httpStatus = httpStatus;
  }

  static ToolError validation(String message) {
    return new ToolError(Type.VALIDATION, message, false, null, null, null);
  }

  Type type() {
    return type;
  }

  ToolError withOperation(String op) {
    if (operation != null || op == null) {
      return this;
    }
    return new ToolError(type, getMessage(), retryable, retryAfterSeconds, op, httpStatus);
  }

  /** The error envelope as plain JSON values (see {@link Schemas#errorEnvelope()}). */
  Map<String, Object> envelope() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("type", type.wire);
    m.put("message", getMessage());
    m.put("retryable", retryable);
    if (retryAfterSeconds != null) {
      m.put("retryAfterSeconds", retryAfterSeconds);
    }
    if (operation != null) {
      m.put("operation", operation);
    }
    if (httpStatus != null) {
      m.put("httpStatus", httpStatus);
    }
    return m;
  }

  /** One line for people and models: "validation error: ...". */
  String text() {
    StringBuilder sb = new StringBuilder();
    sb.append(type.wire).append(" error");
    if (operation != null) {
      sb.append(" in ").append(operation);
    }
    sb.append(": ").append(getMessage());
    if (retryAfterSeconds != null) {
      sb.append(" (retry after ").append(retryAfterSeconds).append(" s)");
    }
    return sb.toString();
  }
}
