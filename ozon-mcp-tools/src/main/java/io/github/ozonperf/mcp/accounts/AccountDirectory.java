package io.github.ozonperf.mcp.accounts;

import io.github.ozonperf.client.OzonPerformanceClient;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The Ozon accounts one server process serves, by alias, from {@code OZON_MCP_ACCOUNTS_FILE}. Each alias has one
 * {@link OzonPerformanceClient} for the whole process, and with it one token cache, one 429 cool-down and one
 * report slot, shared by every session and every tool call (stdio and HTTP alike).
 */
public final class AccountDirectory {
  private final List<String> aliases;
  private final String defaultAlias;
  private final Function<String, OzonPerformanceClient> clients;
  private final Map<String, String> tokenFailures = new ConcurrentHashMap<>();

  private AccountDirectory(List<String> aliases, String defaultAlias, Function<String, OzonPerformanceClient> clients) {
    this.aliases = List.copyOf(aliases);
    if (this.aliases.isEmpty()) {
      throw new IllegalArgumentException("aliases: at least one account is needed");
    }
    this.defaultAlias = Objects.requireNonNull(defaultAlias, "defaultAlias == null");
    if (!this.aliases.contains(defaultAlias)) {
      throw new IllegalArgumentException("defaultAlias: '" + defaultAlias + "' is not one of the accounts");
    }
    this.clients = Objects.requireNonNull(clients, "clients == null");
  }

  /**
   * A directory over clients built elsewhere (the server builds them after the MCP handshake).
   *
   * @param aliases      the accounts, in the file's order
   * @param defaultAlias the account used when a call names none
   * @param clients      the client of an alias; called on every tool call, so it must be cheap once built
   * @return the directory
   */
  public static AccountDirectory of(List<String> aliases, String defaultAlias,
      Function<String, OzonPerformanceClient> clients) {
    return new AccountDirectory(aliases, defaultAlias, clients);
  }

  /**
   * The configured aliases.
   *
   * @return every alias, in the file's order
   */
  public List<String> aliases() {
    return aliases;
  }

  /**
   * The account used when a call names none (if the caller may use it).
   *
   * @return the default alias
   */
  public String defaultAlias() {
    return defaultAlias;
  }

  /**
   * The default account of a caller: the directory's default when granted, else the caller's first granted alias.
   *
   * @param principal the caller
   * @return the alias, or null when the caller may use no account
   */
  public String defaultFor(Principal principal) {
    if (principal.mayUse(defaultAlias)) {
      return defaultAlias;
    }
    return aliases.stream().filter(principal::mayUse).findFirst().orElse(null);
  }

  /**
   * The aliases a caller may use.
   *
   * @param principal the caller
   * @return its aliases, in the file's order
   */
  public List<String> visibleTo(Principal principal) {
    return aliases.stream().filter(principal::mayUse).toList();
  }

  /**
   * The client of an account (one per alias and process).
   *
   * @param alias a configured alias
   * @return its client
   */
  public OzonPerformanceClient client(String alias) {
    if (!aliases.contains(alias)) {
      throw new IllegalArgumentException("unknown account alias");
    }
    return clients.apply(alias);
  }

  /**
   * Records a terminal token failure of one account: its tool calls then report it.
   *
   * @param alias   the account
   * @param message the actionable message, without secrets
   */
  public void markTokenFailure(String alias, String message) {
    tokenFailures.putIfAbsent(alias, Objects.requireNonNull(message, "message == null"));
  }

  /**
   * The terminal token failure of an account.
   *
   * @param alias the account
   * @return the message, or null
   */
  public String tokenFailure(String alias) {
    return tokenFailures.get(alias);
  }

  @Override
  public String toString() {
    return "AccountDirectory" + aliases;
  }
}
