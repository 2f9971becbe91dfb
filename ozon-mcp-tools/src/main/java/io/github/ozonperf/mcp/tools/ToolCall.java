package io.github.ozonperf.mcp.tools;

import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.McpSchema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Per-call context handed to a handler: progress reporting when the client asked for it. */
final class ToolCall {
  private static final Logger log = LoggerFactory.getLogger(ToolCall.class);

  private final McpSyncServerExchange exchange;
  private final Object progressToken;

  ToolCall(McpSyncServerExchange exchange, Object progressToken) {
    this.exchange = exchange;
    this.progressToken = progressToken;
  }

  boolean wantsProgress() {
    return exchange != null && progressToken != null;
  }

  /** Sends notifications/progress when the request carried _meta.progressToken; never throws. */
  void progress(double progress, Double total, String message) {
    if (!wantsProgress()) {
      return;
    }
    try {
      exchange.progressNotification(
          McpSchema.ProgressNotification.builder(progressToken, progress).total(total).message(message).build());
    } catch (RuntimeException e) {
      log.debug("progress notification not delivered: {}", e.toString());
    }
  }
}
