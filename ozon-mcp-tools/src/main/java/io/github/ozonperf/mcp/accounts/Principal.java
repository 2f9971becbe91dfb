package io.github.ozonperf.mcp.accounts;

import java.util.Objects;
import java.util.Set;

/**
 * Who is calling: the person whose host spawned the stdio server ({@link #LOCAL}), or an HTTP caller that presented a
 * bearer token. It names the Ozon accounts the caller may use; its {@link #toString()} carries no token.
 *
 * @param name     a name for logs and answers, never a token
 * @param accounts the aliases the caller may use, or null for every configured account
 */
public record Principal(String name, Set<String> accounts) {
  /** The key under which the HTTP transport puts the caller into the MCP transport context. */
  public static final String CONTEXT_KEY = "io.github.ozonperf/principal";

  /** The local user of a stdio server: every configured account. */
  public static final Principal LOCAL = new Principal("local", null);

  /**
   * Checks and copies the values.
   *
   * @param name     not blank
   * @param accounts null for every account, else the aliases
   */
  public Principal {
    Objects.requireNonNull(name, "name == null");
    accounts = accounts == null ? null : Set.copyOf(accounts);
  }

  /**
   * A caller who may use every configured account.
   *
   * @param name the caller's name
   * @return the principal
   */
  public static Principal everyAccount(String name) {
    return new Principal(name, null);
  }

  /**
   * Whether this caller may use an account.
   *
   * @param alias an account alias
   * @return true when granted
   */
  public boolean mayUse(String alias) {
    return accounts == null || accounts.contains(alias);
  }
}
