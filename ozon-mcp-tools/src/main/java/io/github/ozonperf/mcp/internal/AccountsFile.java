package io.github.ozonperf.mcp.internal;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import io.github.ozonperf.auth.ClientCredentials;
import io.github.ozonperf.auth.ConfigurationException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code OZON_MCP_ACCOUNTS_FILE}: Ozon accounts by alias. Secrets are never in the file, only references to them:
 *
 * <pre>{@code
 * {
 *   "default": "shop-a",
 *   "accounts": {
 *     "shop-a": { "clientId": "env:SHOP_A_CLIENT_ID", "clientSecret": "env:SHOP_A_CLIENT_SECRET" },
 *     "shop-b": { "clientId": "1234-17000@advertising.performance.ozon.ru",
 *                 "clientSecret": "file:/run/secrets/shop-b", "apiUrl": "https://api-performance.ozon.ru" }
 *   }
 * }
 * }</pre>
 *
 * A client id may be written as is (it is not a secret) or referenced; a client secret must be {@code env:NAME} or
 * {@code file:/path}. Every error names the file, the account and the key, and never a secret value.
 */
final class AccountsFile {
  static final String VARIABLE = "OZON_MCP_ACCOUNTS_FILE";
  static final Pattern ALIAS = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");
  private static final Set<String> TOP_KEYS = Set.of("default", "accounts");
  private static final Set<String> ACCOUNT_KEYS = Set.of("clientId", "clientSecret", "apiUrl", "tokenUrl",
      "tokenFormat");

  /** One account; {@code credentials} is null when the file was read without resolving secrets (--sandbox). */
  record Account(String alias, ClientCredentials credentials, Map<String, String> environment) {
    @Override
    public String toString() {
      return "Account[" + alias + "]";
    }
  }

  final List<Account> accounts;
  final String defaultAlias;

  private AccountsFile(List<Account> accounts, String defaultAlias) {
    this.accounts = List.copyOf(accounts);
    this.defaultAlias = defaultAlias;
  }

  List<String> aliases() {
    return accounts.stream().map(Account::alias).toList();
  }

  /**
   * Reads and checks the file.
   *
   * @param file            the path from the variable
   * @param env             the environment, for {@code env:} references
   * @param resolveSecrets  false under --sandbox: references are checked for form only
   * @throws ConfigurationException naming the file, the account and what to fix
   */
  static AccountsFile load(Path file, Map<String, String> env, boolean resolveSecrets) {
    String where = VARIABLE + "=" + file;
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new ConfigurationException(where + ": cannot read the file (" + e.getClass().getSimpleName()
          + "); point the variable at a readable JSON file, see the README (Many accounts)");
    }
    JsonObject root;
    try {
      JsonElement parsed = JsonParser.parseString(text);
      if (!parsed.isJsonObject()) {
        throw new JsonParseException("not an object");
      }
      root = parsed.getAsJsonObject();
    } catch (JsonParseException | IllegalStateException e) {
      throw new ConfigurationException(where + ": not a JSON object like {\"default\": \"shop-a\", \"accounts\":"
          + " {\"shop-a\": {\"clientId\": \"env:A_ID\", \"clientSecret\": \"env:A_SECRET\"}}}");
    }
    for (String key : root.keySet()) {
      if (!TOP_KEYS.contains(key)) {
        throw new ConfigurationException(where + ": unknown key \"" + key + "\" (expected \"default\" and"
            + " \"accounts\")");
      }
    }
    if (!root.has("accounts") || !root.get("accounts").isJsonObject()
        || root.getAsJsonObject("accounts").size() == 0) {
      throw new ConfigurationException(where + ": \"accounts\" must be an object with at least one account");
    }
    List<Account> accounts = new ArrayList<>();
    for (Map.Entry<String, JsonElement> e : root.getAsJsonObject("accounts").entrySet()) {
      String alias = e.getKey();
      if (!ALIAS.matcher(alias).matches()) {
        throw new ConfigurationException(where + ": account alias \"" + shorten(alias) + "\" must be 1-64 letters,"
            + " digits, '_', '.' or '-', starting with a letter or digit");
      }
      String at = where + ": account \"" + alias + "\"";
      if (!e.getValue().isJsonObject()) {
        throw new ConfigurationException(at + ": must be an object with clientId and clientSecret");
      }
      JsonObject a = e.getValue().getAsJsonObject();
      for (String key : a.keySet()) {
        if (!ACCOUNT_KEYS.contains(key)) {
          throw new ConfigurationException(at + ": unknown key \"" + key + "\" (allowed: clientId, clientSecret,"
              + " apiUrl, tokenUrl, tokenFormat)");
        }
      }
      String idRef = string(a, "clientId", at);
      String secretRef = string(a, "clientSecret", at);
      if (!isReference(secretRef)) {
        throw new ConfigurationException(at + ": clientSecret must be a reference, \"env:VARIABLE\" or"
            + " \"file:/path/to/secret\", never the secret itself; move the secret out of " + file);
      }
      ClientCredentials credentials = null;
      if (resolveSecrets) {
        String id = isReference(idRef) ? resolve(idRef, env, at + ": clientId") : idRef;
        String secret = resolve(secretRef, env, at + ": clientSecret");
        credentials = ClientCredentials.of(id, secret);
      } else {
        checkForm(idRef, at + ": clientId");
        checkForm(secretRef, at + ": clientSecret");
      }
      Map<String, String> accountEnv = new java.util.HashMap<>();
      optional(a, "apiUrl", at).ifPresent(v -> accountEnv.put("OZON_API_URL", v));
      optional(a, "tokenUrl", at).ifPresent(v -> accountEnv.put("OZON_TOKEN_URL", v));
      optional(a, "tokenFormat", at).ifPresent(v -> accountEnv.put("OZON_TOKEN_FORMAT", v));
      accounts.add(new Account(alias, credentials, Map.copyOf(accountEnv)));
    }
    String defaultAlias = accounts.get(0).alias();
    if (root.has("default")) {
      JsonElement d = root.get("default");
      if (!d.isJsonPrimitive() || !d.getAsJsonPrimitive().isString()) {
        throw new ConfigurationException(where + ": \"default\" must be the alias of one of the accounts");
      }
      defaultAlias = d.getAsString();
      if (accounts.stream().noneMatch(x -> x.alias().equals(d.getAsString()))) {
        throw new ConfigurationException(where + ": \"default\" is \"" + shorten(defaultAlias)
            + "\", which is not one of the accounts");
      }
    }
    return new AccountsFile(accounts, defaultAlias);
  }

  private static String string(JsonObject o, String key, String at) {
    JsonElement v = o.get(key);
    if (v == null || !v.isJsonPrimitive() || !v.getAsJsonPrimitive().isString() || v.getAsString().isBlank()) {
      throw new ConfigurationException(at + ": \"" + key + "\" is missing or not a string");
    }
    return v.getAsString().strip();
  }

  private static java.util.Optional<String> optional(JsonObject o, String key, String at) {
    return o.has(key) ? java.util.Optional.of(string(o, key, at)) : java.util.Optional.empty();
  }

  static boolean isReference(String value) {
    return value.startsWith("env:") || value.startsWith("file:");
  }

  private static void checkForm(String ref, String at) {
    if (isReference(ref) && ref.substring(ref.indexOf(':') + 1).isBlank()) {
      throw new ConfigurationException(at + ": \"" + ref + "\" names nothing after the colon");
    }
  }

  /** The value behind {@code env:NAME} or {@code file:/path}; errors name the reference, never the value. */
  static String resolve(String ref, Map<String, String> env, String at) {
    checkForm(ref, at);
    String target = ref.substring(ref.indexOf(':') + 1).strip();
    if (ref.startsWith("env:")) {
      String v = env.get(target);
      if (v == null || v.isBlank()) {
        throw new ConfigurationException(at + ": the environment variable " + target + " is not set; set it or"
            + " change the reference");
      }
      return v.strip();
    }
    try {
      String v = Files.readString(Path.of(target), StandardCharsets.UTF_8).strip();
      if (v.isEmpty()) {
        throw new ConfigurationException(at + ": the file " + target + " is empty");
      }
      return v;
    } catch (IOException | java.nio.file.InvalidPathException e) {
      throw new ConfigurationException(at + ": cannot read the file " + target + " ("
          + e.getClass().getSimpleName() + ")");
    }
  }

  private static String shorten(String s) {
    return s.length() > 40 ? s.substring(0, 40) + "…" : s;
  }
}
