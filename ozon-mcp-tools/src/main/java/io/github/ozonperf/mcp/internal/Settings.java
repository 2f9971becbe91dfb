package io.github.ozonperf.mcp.internal;

import io.github.ozonperf.auth.ClientCredentials;
import io.github.ozonperf.auth.FileTokenStore;
import io.github.ozonperf.client.OzonPerformanceClient;
import io.github.ozonperf.sandbox.OzonSandbox;
import java.nio.file.Path;
import java.util.Map;

/** The server's configuration, read from one environment map (never from System.getenv() elsewhere). */
final class Settings {
  static final String ENABLE_WRITES = "OZON_MCP_ENABLE_WRITES";
  static final String TOKEN_CACHE_DIR = "OZON_TOKEN_CACHE_DIR";
  static final String TOOLSETS = "OZON_MCP_TOOLSETS";
  static final String TOOLS = "OZON_MCP_TOOLS";
  static final String READ_ONLY = "OZON_MCP_READ_ONLY";
  static final String DYNAMIC_TOOLSETS = "OZON_MCP_DYNAMIC_TOOLSETS";

  static final String NO_CREDENTIALS = "ozon-mcp-tools: no Ozon credentials. Set OZON_CLIENT_ID and"
      + " OZON_CLIENT_SECRET (or OAUTH_CLIENT_ID / OAUTH_CLIENT_SECRET) to the Performance API service account"
      + " from the seller cabinet, or add --sandbox to try everything on the embedded fake API.";

  private final Map<String, String> env;

  Settings(Map<String, String> env) {
    this.env = Map.copyOf(env);
  }

  /** Whether the model may enable toolsets while the server runs: --dynamic-toolsets or this variable. */
  boolean dynamicToolsets(boolean flag) {
    return flag || "true".equalsIgnoreCase(value(DYNAMIC_TOOLSETS));
  }

  boolean writesEnabled() {
    return "true".equalsIgnoreCase(value(ENABLE_WRITES));
  }

  /**
   * The tools to register: command-line values win over OZON_MCP_TOOLSETS / OZON_MCP_TOOLS / OZON_MCP_READ_ONLY.
   *
   * @param toolsets      --toolsets, or null
   * @param tools         --tools, or null
   * @param readOnly      whether --read-only was given
   * @param toolsetsIfNone the toolsets when neither --toolsets nor OZON_MCP_TOOLSETS says
   * @throws IllegalArgumentException for an unknown toolset (the message lists the valid ones)
   */
  io.github.ozonperf.mcp.tools.ToolSelection selection(String toolsets, String tools, boolean readOnly,
      String toolsetsIfNone) {
    String sets = toolsets != null ? toolsets : value(TOOLSETS);
    return io.github.ozonperf.mcp.tools.ToolSelection.parse(sets == null ? toolsetsIfNone : sets,
        tools != null ? tools : value(TOOLS), readOnly || "true".equalsIgnoreCase(value(READ_ONLY)));
  }

  /**
   * The recorded handshake ({@link PreparedHandshake}) this configuration answers with: the default toolset without
   * or with write tools; null for any other selection, or when {@value PreparedHandshake#SWITCH} is false.
   */
  String preparedHandshakeKey(String toolsets, String tools, boolean readOnly, boolean dynamicFlag) {
    if ("false".equalsIgnoreCase(value(PreparedHandshake.SWITCH)) || toolsets != null || tools != null || readOnly
        || value(TOOLSETS) != null || value(TOOLS) != null || "true".equalsIgnoreCase(value(READ_ONLY))
        || dynamicToolsets(dynamicFlag)) {
      return null;
    }
    return writesEnabled() ? "default-writes" : "default";
  }

  boolean hasCredentials() {
    return (value("OZON_CLIENT_ID") != null || value("OAUTH_CLIENT_ID") != null)
        && (value("OZON_CLIENT_SECRET") != null || value("OAUTH_CLIENT_SECRET") != null);
  }

  private String value(String name) {
    String v = env.get(name);
    return v == null || v.isBlank() ? null : v.trim();
  }

  /** The resources of one run: the client and, with --sandbox, the sandbox behind it. */
  record Backend(OzonPerformanceClient client, OzonSandbox sandbox) implements AutoCloseable {
    @Override
    public void close() {
      try {
        client.close();
      } catch (Exception ignored) {
        // closing on the way out
      }
      if (sandbox != null) {
        sandbox.close();
      }
    }
  }

  Backend connect(boolean sandbox) {
    OzonPerformanceClient.Builder b = OzonPerformanceClient.builder();
    OzonSandbox box = null;
    if (sandbox) {
      box = OzonSandbox.builder().start();
      b.baseUrl(box.baseUrl()).tokenUrl(box.tokenUrl())
          .credentials(ClientCredentials.of(box.clientId(), box.clientSecret()));
    } else {
      b.environment(env);
    }
    String cacheDir = value(TOKEN_CACHE_DIR);
    if (cacheDir != null) {
      b.tokenStore(FileTokenStore.in(Path.of(cacheDir)));
    }
    try {
      return new Backend(b.build(), box);
    } catch (RuntimeException e) {
      if (box != null) {
        box.close();
      }
      throw e;
    }
  }
}
