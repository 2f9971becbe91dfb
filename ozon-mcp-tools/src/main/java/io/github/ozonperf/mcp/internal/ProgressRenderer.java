package io.github.ozonperf.mcp.internal;

import com.google.gson.JsonObject;
import java.io.PrintStream;

/** Draws MCP progress notifications on stderr: a bar on a terminal, plain lines otherwise. */
final class ProgressRenderer {
  private static final int WIDTH = 24;
  private final PrintStream err;
  private final boolean terminal;
  private boolean drawn;

  ProgressRenderer(PrintStream err, boolean terminal) {
    this.err = err;
    this.terminal = terminal;
  }

  synchronized void onProgress(JsonObject params) {
    double progress = params.has("progress") ? params.get("progress").getAsDouble() : 0;
    Double total = params.has("total") && !params.get("total").isJsonNull() ? params.get("total").getAsDouble()
        : null;
    String message = params.has("message") ? params.get("message").getAsString() : "";
    if (terminal) {
      StringBuilder bar = new StringBuilder("\r[");
      int filled = total == null || total <= 0 ? 0 : (int) Math.min(WIDTH, Math.round(WIDTH * progress / total));
      bar.append("#".repeat(filled)).append("-".repeat(WIDTH - filled)).append("] ").append(message);
      bar.append("    ");
      err.print(bar);
      err.flush();
      drawn = true;
    } else {
      err.println("progress: " + message);
    }
  }

  synchronized void finish() {
    if (drawn) {
      err.println();
      drawn = false;
    }
  }
}
