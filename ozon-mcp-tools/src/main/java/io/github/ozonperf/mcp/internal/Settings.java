package io.github.ozonperf.mcp.internal;

import io.github.ozonperf.auth.ClientCredentials;
import io.github.ozonperf.auth.FileTokenStore;
import io.github.ozonperf.client.OzonPerformanceClient;
import io.github.ozonperf.sandbox.OzonSandbox;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
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

  /** The alias of the one account of a server without an accounts file. */
  static final String SINGLE_ACCOUNT = "default";

  private final Map<String, String> env;

  Settings(Map<String, String> env) {
    this.env = Map.copyOf(env);
  }

  /**
   * The accounts file named by OZON_MCP_ACCOUNTS_FILE, read and checked (secrets resolved unless under --sandbox,
   * where every account gets its own embedded sandbox), or null when the variable is not set.
   *
   * @throws io.github.ozonperf.auth.ConfigurationException naming the file, the account and what to fix
   */
  AccountsFile accountsFile(boolean sandbox) {
    String path = value(AccountsFile.VARIABLE);
    if (path == null) {
      return null;
    }
    Path file;
    try {
      file = Path.of(path);
    } catch (java.nio.file.InvalidPathException e) {
      throw new io.github.ozonperf.auth.ConfigurationException(AccountsFile.VARIABLE + ": not a valid path");
    }
    return AccountsFile.load(file, env, !sandbox);
  }

  /** OZON_MCP_HTTP ([HOST:]PORT), or null: --http wins over it. */
  String http() {
    return value("OZON_MCP_HTTP");
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

  /**
   * The resources of one run: one client per account (the default alias first) and, with --sandbox, the sandboxes
   * behind them.
   */
  record Backend(Map<String, OzonPerformanceClient> clients, List<OzonSandbox> sandboxes, String defaultAlias)
      implements AutoCloseable {
    Backend(OzonPerformanceClient client, OzonSandbox sandbox) {
      this(Map.of(SINGLE_ACCOUNT, client), sandbox == null ? List.of() : List.of(sandbox), SINGLE_ACCOUNT);
    }

    /** The default account's client. */
    OzonPerformanceClient client() {
      return clients.get(defaultAlias);
    }

    /** The default account's sandbox, or null. */
    OzonSandbox sandbox() {
      return sandboxes.isEmpty() ? null : sandboxes.get(0);
    }

    @Override
    public void close() {
      for (OzonPerformanceClient client : clients.values()) {
        try {
          client.close();
        } catch (Exception ignored) {
          // closing on the way out
        }
      }
      sandboxes.forEach(OzonSandbox::close);
    }
  }

  Backend connect(boolean sandbox) {
    return connect(sandbox, null);
  }

  /**
   * Builds the clients: one from the environment, or one per account of {@code accounts}. Under --sandbox each
   * account gets its own embedded sandbox with its own data (seed), client id and token.
   */
  Backend connect(boolean sandbox, AccountsFile accounts) {
    if (accounts == null) {
      return connectOne(sandbox, null, 0);
    }
    Map<String, OzonPerformanceClient> clients = new LinkedHashMap<>();
    List<OzonSandbox> boxes = new ArrayList<>();
    try {
      int i = 0;
      for (AccountsFile.Account a : accounts.accounts) {
        Backend one = connectOne(sandbox, a, i++);
        clients.put(a.alias(), one.client());
        boxes.addAll(one.sandboxes());
      }
      // In the file's order (logs, token prefetch): Map.copyOf would not keep it.
      return new Backend(java.util.Collections.unmodifiableMap(clients), List.copyOf(boxes), accounts.defaultAlias);
    } catch (RuntimeException e) {
      clients.values().forEach(OzonPerformanceClient::close);
      boxes.forEach(OzonSandbox::close);
      throw e;
    }
  }

  private Backend connectOne(boolean sandbox, AccountsFile.Account account, int index) {
    OzonPerformanceClient.Builder b = OzonPerformanceClient.builder();
    OzonSandbox box = null;
    if (sandbox) {
      OzonSandbox.Builder sb = OzonSandbox.builder();
      if (account != null) {
        sb.seed(20261123L + 7919L * index).clientId(account.alias() + "@sandbox.advertising.performance.ozon.ru");
      }
      box = sb.start();
      b.baseUrl(box.baseUrl()).tokenUrl(box.tokenUrl())
          .credentials(ClientCredentials.of(box.clientId(), box.clientSecret()));
    } else if (account != null) {
      b.environment(account.environment()).credentials(account.credentials());
    } else {
      b.environment(env);
    }
    String cacheDir = value(TOKEN_CACHE_DIR);
    if (cacheDir != null) {
      b.tokenStore(FileTokenStore.in(Path.of(cacheDir)));
    }
    try {
      return new Backend(account == null ? b.build() : buildNamed(b, account.alias()), box);
    } catch (RuntimeException e) {
      if (box != null) {
        box.close();
      }
      throw e;
    }
  }

  private static OzonPerformanceClient buildNamed(OzonPerformanceClient.Builder b, String alias) {
    try {
      return b.build();
    } catch (io.github.ozonperf.auth.ConfigurationException e) {
      throw new io.github.ozonperf.auth.ConfigurationException(AccountsFile.VARIABLE + ": account \"" + alias
          + "\": " + e.getMessage().replace("OZON_API_URL", "apiUrl").replace("OZON_TOKEN_URL", "tokenUrl")
          .replace("OZON_TOKEN_FORMAT", "tokenFormat"));
    }
  }
}
