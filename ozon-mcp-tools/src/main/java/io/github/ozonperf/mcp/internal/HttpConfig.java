package io.github.ozonperf.mcp.internal;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import io.github.ozonperf.auth.ConfigurationException;
import io.github.ozonperf.mcp.accounts.Principal;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What {@code --http} serves and to whom, read from the command line and the environment before anything starts:
 * the address ({@code [HOST:]PORT}, loopback by default), the bearer tokens ({@code OZON_MCP_HTTP_TOKEN}, and
 * {@code OZON_MCP_ACCESS_FILE} mapping tokens, by reference or SHA-256, to principals and their accounts), the allowed
 * browser origins and the limits. Only SHA-256 hashes of tokens are kept. No class of the HTTP stack is touched here.
 */
final class HttpConfig {
  static final String HTTP = "OZON_MCP_HTTP";
  static final String TOKEN = "OZON_MCP_HTTP_TOKEN";
  static final String ACCESS_FILE = "OZON_MCP_ACCESS_FILE";
  static final String ORIGINS = "OZON_MCP_HTTP_ORIGINS";
  static final String MAX_SESSIONS = "OZON_MCP_HTTP_MAX_SESSIONS";
  static final String IDLE_MINUTES = "OZON_MCP_HTTP_IDLE_MINUTES";
  static final String RATE = "OZON_MCP_HTTP_RATE_LIMIT";
  static final String MAX_BODY = "OZON_MCP_HTTP_MAX_BODY_BYTES";
  static final String GRACE = "OZON_MCP_HTTP_SHUTDOWN_SECONDS";
  static final int MIN_TOKEN_LENGTH = 16;
  private static final Pattern HEX64 = Pattern.compile("[0-9a-fA-F]{64}");
  private static final Pattern PRINCIPAL = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.@-]{0,63}");

  /** A principal and the SHA-256 of its token. */
  record Credential(byte[] sha256, Principal principal) {
    @Override
    public String toString() {
      return "Credential[" + principal.name() + "]";
    }
  }

  final String host;
  final int port;
  final boolean loopback;
  final List<Credential> credentials;
  final Set<String> origins;
  final int maxSessionsPerPrincipal;
  final Duration idleTimeout;
  final int requestsPerMinute;
  final int maxBodyBytes;
  /** How long SIGTERM waits for calls in flight before cancelling them. */
  final Duration grace;

  private HttpConfig(String host, int port, boolean loopback, List<Credential> credentials, Set<String> origins,
      int maxSessions, Duration idle, int rate, int maxBody, Duration grace) {
    this.host = host;
    this.port = port;
    this.loopback = loopback;
    this.credentials = List.copyOf(credentials);
    this.origins = Set.copyOf(origins);
    this.maxSessionsPerPrincipal = maxSessions;
    this.idleTimeout = idle;
    this.requestsPerMinute = rate;
    this.maxBodyBytes = maxBody;
    this.grace = grace;
  }

  /** Whether bearer tokens are required (always, unless loopback without any token configured). */
  boolean authenticates() {
    return !credentials.isEmpty();
  }

  /**
   * Reads the configuration.
   *
   * @param bind    {@code [HOST:]PORT} from --http or OZON_MCP_HTTP
   * @param env     the environment
   * @param aliases the configured account aliases (grants are checked against them)
   * @throws ConfigurationException naming the option, variable or file and what to fix
   */
  static HttpConfig read(String bind, Map<String, String> env, List<String> aliases) {
    String host = "127.0.0.1";
    String portText = bind.strip();
    int colon = portText.lastIndexOf(':');
    if (colon >= 0) {
      host = portText.substring(0, colon);
      portText = portText.substring(colon + 1);
      if (host.startsWith("[") && host.endsWith("]")) {
        host = host.substring(1, host.length() - 1);
      }
      if (host.isEmpty()) {
        throw new ConfigurationException("--http " + bind + ": the host before ':' is empty; use e.g. 127.0.0.1:8080"
            + " or just 8080");
      }
    }
    int port;
    try {
      port = Integer.parseInt(portText);
    } catch (NumberFormatException e) {
      port = -1;
    }
    if (port < 0 || port > 65535) {
      throw new ConfigurationException("--http " + bind + ": expected [HOST:]PORT with a port 0-65535, e.g. 8080 or"
          + " 127.0.0.1:8080");
    }
    boolean loopback;
    try {
      loopback = InetAddress.getByName(host).isLoopbackAddress();
    } catch (UnknownHostException e) {
      throw new ConfigurationException("--http " + bind + ": unknown host '" + host + "'");
    }
    List<Credential> credentials = new ArrayList<>();
    String token = value(env, TOKEN);
    if (token != null) {
      checkToken(token, TOKEN);
      credentials.add(new Credential(sha256(token), Principal.everyAccount("token")));
    }
    String access = value(env, ACCESS_FILE);
    if (access != null) {
      credentials.addAll(accessFile(access, env, aliases));
    }
    Set<String> seen = new HashSet<>();
    for (Credential c : credentials) {
      if (!seen.add(HexFormat.of().formatHex(c.sha256()))) {
        throw new ConfigurationException(ACCESS_FILE + "/" + TOKEN + ": two principals have the same token ("
            + c.principal().name() + "); give each its own");
      }
    }
    if (!loopback && credentials.isEmpty()) {
      throw new ConfigurationException("--http " + bind + ": refusing to serve a non-loopback address without"
          + " authentication. Set " + TOKEN + " (e.g. to the output of `openssl rand -hex 32`) or " + ACCESS_FILE
          + ", or bind 127.0.0.1.");
    }
    Set<String> origins = new LinkedHashSet<>();
    String o = value(env, ORIGINS);
    if (o != null) {
      for (String s : o.split(",")) {
        if (!s.isBlank()) {
          origins.add(s.strip().toLowerCase(Locale.ROOT));
        }
      }
    }
    return new HttpConfig(host, port, loopback, credentials, origins,
        positive(env, MAX_SESSIONS, 10), Duration.ofMinutes(positive(env, IDLE_MINUTES, 30)),
        positive(env, RATE, 600), positive(env, MAX_BODY, 1024 * 1024),
        Duration.ofSeconds(positive(env, GRACE, 20)));
  }

  private static void checkToken(String token, String where) {
    if (token.length() < MIN_TOKEN_LENGTH) {
      throw new ConfigurationException(where + ": the token is shorter than " + MIN_TOKEN_LENGTH + " characters; use"
          + " a random one, e.g. the output of `openssl rand -hex 32`");
    }
  }

  /**
   * {@code {"principals": {"alice": {"tokenSha256": "<64 hex>", "accounts": ["shop-a"]},
   * "ci": {"token": "env:CI_TOKEN", "accounts": "*"}}}}: a token is given by its SHA-256 or by reference
   * ({@code env:NAME}, {@code file:/path}), never inline.
   */
  private static List<Credential> accessFile(String path, Map<String, String> env, List<String> aliases) {
    String where = ACCESS_FILE + "=" + path;
    JsonObject root;
    try {
      JsonElement e = JsonParser.parseString(Files.readString(Path.of(path), StandardCharsets.UTF_8));
      if (!e.isJsonObject() || !e.getAsJsonObject().has("principals")
          || !e.getAsJsonObject().get("principals").isJsonObject()) {
        throw new JsonParseException("shape");
      }
      root = e.getAsJsonObject().getAsJsonObject("principals");
    } catch (IOException | java.nio.file.InvalidPathException e) {
      throw new ConfigurationException(where + ": cannot read the file (" + e.getClass().getSimpleName() + ")");
    } catch (JsonParseException | IllegalStateException e) {
      throw new ConfigurationException(where + ": expected {\"principals\": {\"alice\": {\"tokenSha256\": \"<64 hex"
          + " digits>\", \"accounts\": [\"shop-a\"]}}}");
    }
    if (root.size() == 0) {
      throw new ConfigurationException(where + ": \"principals\" is empty");
    }
    List<Credential> out = new ArrayList<>();
    for (Map.Entry<String, JsonElement> en : root.entrySet()) {
      String name = en.getKey();
      if (!PRINCIPAL.matcher(name).matches()) {
        throw new ConfigurationException(where + ": principal names are 1-64 letters, digits, '_', '.', '@', '-'");
      }
      String at = where + ": principal \"" + name + "\"";
      if (!en.getValue().isJsonObject()) {
        throw new ConfigurationException(at + ": must be an object with tokenSha256 (or token) and accounts");
      }
      JsonObject p = en.getValue().getAsJsonObject();
      for (String key : p.keySet()) {
        if (!Set.of("tokenSha256", "token", "accounts").contains(key)) {
          throw new ConfigurationException(at + ": unknown key \"" + key + "\" (allowed: tokenSha256, token,"
              + " accounts)");
        }
      }
      byte[] hash;
      if (p.has("tokenSha256") == p.has("token")) {
        throw new ConfigurationException(at + ": give exactly one of tokenSha256 and token");
      } else if (p.has("tokenSha256")) {
        String hex = p.get("tokenSha256").isJsonPrimitive() ? p.get("tokenSha256").getAsString().strip() : "";
        if (!HEX64.matcher(hex).matches()) {
          throw new ConfigurationException(at + ": tokenSha256 must be 64 hex digits, e.g. from"
              + " `printf %s \"$TOKEN\" | sha256sum`");
        }
        hash = HexFormat.of().parseHex(hex.toLowerCase(Locale.ROOT));
      } else {
        String ref = p.get("token").isJsonPrimitive() ? p.get("token").getAsString().strip() : "";
        if (!AccountsFile.isReference(ref)) {
          throw new ConfigurationException(at + ": token must be a reference, \"env:VARIABLE\" or \"file:/path\","
              + " never the token itself (or give tokenSha256)");
        }
        String t = AccountsFile.resolve(ref, env, at + ": token");
        checkToken(t, at + ": token");
        hash = sha256(t);
      }
      out.add(new Credential(hash, new Principal(name, grants(p.get("accounts"), aliases, at))));
    }
    return out;
  }

  /** The accounts granted: "*" (every one) or a non-empty list of configured aliases; null means every one. */
  private static Set<String> grants(JsonElement accounts, List<String> aliases, String at) {
    if (accounts != null && accounts.isJsonPrimitive() && "*".equals(accounts.getAsString())) {
      return null;
    }
    if (accounts == null || !accounts.isJsonArray() || accounts.getAsJsonArray().isEmpty()) {
      throw new ConfigurationException(at + ": \"accounts\" must be \"*\" or a non-empty list of account aliases");
    }
    Set<String> granted = new LinkedHashSet<>();
    for (JsonElement a : accounts.getAsJsonArray()) {
      String alias = a.isJsonPrimitive() ? a.getAsString() : "";
      if (!aliases.contains(alias)) {
        throw new ConfigurationException(at + ": account \"" + (alias.length() > 40 ? alias.substring(0, 40) : alias)
            + "\" is not configured (accounts: " + String.join(", ", aliases) + ")");
      }
      granted.add(alias);
    }
    return granted;
  }

  static byte[] sha256(String token) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  private static int positive(Map<String, String> env, String name, int dflt) {
    String v = value(env, name);
    if (v == null) {
      return dflt;
    }
    try {
      int n = Integer.parseInt(v);
      if (n > 0) {
        return n;
      }
    } catch (NumberFormatException ignored) {
      // below
    }
    throw new ConfigurationException(name + ": expected a positive whole number, got \"" + (v.length() > 20
        ? v.substring(0, 20) + "…" : v) + "\"");
  }

  private static String value(Map<String, String> env, String name) {
    String v = env.get(name);
    return v == null || v.isBlank() ? null : v.strip();
  }

  @Override
  public String toString() {
    return "HttpConfig[" + host + ":" + port + ", principals=" + credentials.size() + "]";
  }
}
