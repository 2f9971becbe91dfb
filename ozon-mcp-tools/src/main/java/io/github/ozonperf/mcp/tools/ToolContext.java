package io.github.ozonperf.mcp.tools;

import io.github.ozonperf.client.OzonPerformanceClient;
import io.github.ozonperf.mcp.accounts.AccountDirectory;
import io.github.ozonperf.mcp.accounts.Principal;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * What the tools need from the server: the Ozon client, whether write tools are enabled, and the token
 * state observed at startup. Build one with {@link #builder()}.
 */
public final class ToolContext {
  private final Supplier<OzonPerformanceClient> client;
  private final boolean writesEnabled;
  private final Duration reportTimeLimit;
  private final AtomicReference<String> tokenFailure = new AtomicReference<>();
  private final ExecutorService reportExecutor;
  private final InFlightCalls inFlight = new InFlightCalls();
  private final AccountDirectory accounts;
  private final boolean principalRequired;
  /** The account of the tool call running on this thread (accounts mode only). */
  private final ThreadLocal<String> boundAccount = new ThreadLocal<>();
  private final ThreadLocal<Principal> boundPrincipal = new ThreadLocal<>();

  private ToolContext(Builder b) {
    this.client = b.client;
    this.writesEnabled = b.writesEnabled;
    this.reportTimeLimit = b.reportTimeLimit;
    this.accounts = b.accounts;
    this.principalRequired = b.principalRequired;
    AtomicInteger n = new AtomicInteger();
    ExecutorService pool = Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, "ozon-mcp-report-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    this.reportExecutor = accounts == null ? pool : new AccountPropagating(pool);
  }

  /**
   * Starts a builder.
   *
   * @return a new builder (no client, writes disabled, report time limit 120 s)
   */
  public static Builder builder() {
    return new Builder();
  }

  OzonPerformanceClient client() {
    if (accounts != null) {
      String alias = boundAccount.get();
      return accounts.client(alias != null ? alias : accounts.defaultAlias());
    }
    OzonPerformanceClient client = this.client == null ? null : this.client.get();
    if (client == null) {
      throw new ToolError(ToolError.Type.AUTH, "no Ozon credentials are configured: set OZON_CLIENT_ID and"
          + " OZON_CLIENT_SECRET, or start the server with --sandbox", false, null, null, null);
    }
    return client;
  }

  /**
   * Whether write tools are registered.
   *
   * @return true when OZON_MCP_ENABLE_WRITES=true was set
   */
  public boolean writesEnabled() {
    return writesEnabled;
  }

  /**
   * The calls received and not answered yet: the transport registers them, cancels them and waits for them.
   *
   * @return this context's in-flight calls
   */
  public InFlightCalls inFlight() {
    return inFlight;
  }

  Duration reportTimeLimit() {
    return reportTimeLimit;
  }

  ExecutorService reportExecutor() {
    return reportExecutor;
  }

  /**
   * Records a terminal token failure: from now on every tool call returns an {@code auth} error with this
   * message (which must not contain a secret). Only the first call has an effect.
   *
   * @param message the actionable message, starting "OAuth token refresh failed: "
   */
  public void markTokenFailure(String message) {
    tokenFailure.compareAndSet(null, Objects.requireNonNull(message, "message == null"));
  }

  String tokenFailure() {
    if (accounts != null) {
      String alias = boundAccount.get();
      return accounts.tokenFailure(alias != null ? alias : accounts.defaultAlias());
    }
    return tokenFailure.get();
  }

  /**
   * The accounts of an {@code OZON_MCP_ACCOUNTS_FILE}, or null when the server serves one account from the
   * environment (then tools have no {@code account} argument and there is no {@code list_accounts}).
   *
   * @return the directory, or null
   */
  public AccountDirectory accounts() {
    return accounts;
  }

  /** The caller of a tool call: from the transport context (HTTP), else the local user (stdio). */
  Principal principal(Object fromTransport) {
    if (fromTransport instanceof Principal p) {
      return p;
    }
    return principalRequired ? null : Principal.LOCAL;
  }

  /**
   * Binds the current thread to a call's caller and, for a tool that reaches Ozon, to the account it asked for (or
   * the caller's default), after checking that the caller may use it. Unknown and not granted aliases get the same
   * {@code forbidden} error, which names only the alias asked for. Does nothing outside accounts mode.
   */
  AutoCloseable bindCall(Principal principal, Object requested, boolean reachesOzon) {
    if (accounts == null) {
      return () -> { };
    }
    if (principal == null) {
      throw new ToolError(ToolError.Type.FORBIDDEN, "this call carries no authenticated caller", false, null, null,
          null);
    }
    String alias = null;
    if (reachesOzon) {
      if (requested != null && !(requested instanceof String)) {
        throw ToolError.validation("account: expected a string, the alias of an account from list_accounts");
      }
      alias = (String) requested;
      if (alias == null) {
        alias = accounts.defaultFor(principal);
        if (alias == null) {
          throw new ToolError(ToolError.Type.FORBIDDEN, "no Ozon account is granted to you; ask the server's"
              + " operator", false, null, null, null);
        }
      } else if (!accounts.aliases().contains(alias) || !principal.mayUse(alias)) {
        String shown = alias.length() > 64 ? alias.substring(0, 64) + "…" : alias;
        throw new ToolError(ToolError.Type.FORBIDDEN, "account '" + shown + "' is not available to you; call"
            + " list_accounts for the accounts you may use", false, null, null, null);
      }
    }
    String previousAlias = boundAccount.get();
    Principal previousPrincipal = boundPrincipal.get();
    boundAccount.set(alias);
    boundPrincipal.set(principal);
    return () -> {
      boundAccount.set(previousAlias);
      boundPrincipal.set(previousPrincipal);
    };
  }

  /** The caller of the call running on this thread (accounts mode), or null. */
  Principal boundPrincipal() {
    return boundPrincipal.get();
  }

  /** The alias bound to the current call, or null outside accounts mode. */
  String boundAccount() {
    return accounts == null ? null : boundAccount.get();
  }

  /** Runs report work on the pool with the submitting call's account bound (reports run on their own thread). */
  private final class AccountPropagating extends AbstractExecutorService {
    private final ExecutorService pool;

    AccountPropagating(ExecutorService pool) {
      this.pool = pool;
    }

    @Override
    public void execute(Runnable task) {
      String alias = boundAccount.get();
      pool.execute(() -> {
        boundAccount.set(alias);
        try {
          task.run();
        } finally {
          boundAccount.remove();
        }
      });
    }

    @Override
    public void shutdown() {
      pool.shutdown();
    }

    @Override
    public List<Runnable> shutdownNow() {
      return pool.shutdownNow();
    }

    @Override
    public boolean isShutdown() {
      return pool.isShutdown();
    }

    @Override
    public boolean isTerminated() {
      return pool.isTerminated();
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
      return pool.awaitTermination(timeout, unit);
    }
  }

  /** Builder of {@link ToolContext}. */
  public static final class Builder {
    private Supplier<OzonPerformanceClient> client;
    private boolean writesEnabled;
    private Duration reportTimeLimit = Duration.ofSeconds(120);
    private AccountDirectory accounts;
    private boolean principalRequired;

    private Builder() {
    }

    /**
     * Serves the accounts of an accounts file: every tool that reaches Ozon takes an optional {@code account}
     * argument, and {@code list_accounts} is registered.
     *
     * @param accounts the directory, or null for one account from the environment
     * @return this builder
     */
    public Builder accounts(AccountDirectory accounts) {
      this.accounts = accounts;
      return this;
    }

    /**
     * Whether every call must carry an authenticated {@link Principal} in its transport context (HTTP); without
     * one a call is {@code forbidden}. Off for stdio, whose caller is {@link Principal#LOCAL}.
     *
     * @param required true over HTTP
     * @return this builder
     */
    public Builder principalRequired(boolean required) {
      this.principalRequired = required;
      return this;
    }

    /**
     * The Ozon client the tools call; may be left unset when tools are only listed.
     *
     * @param client the client
     * @return this builder
     */
    public Builder client(OzonPerformanceClient client) {
      Objects.requireNonNull(client, "client == null");
      this.client = () -> client;
      return this;
    }

    /**
     * The Ozon client the tools call, obtained when a tool call needs it: the server builds it on another thread
     * while it answers initialize and tools/list. An exception from the supplier fails that tool call.
     *
     * @param client supplies the client; called on every tool call, so it must be cheap once the client exists
     * @return this builder
     */
    public Builder lazyClient(Supplier<OzonPerformanceClient> client) {
      this.client = Objects.requireNonNull(client, "client == null");
      return this;
    }

    /**
     * Registers the write tools (activate/deactivate/update campaign, set product bids).
     *
     * @param writesEnabled true to register them
     * @return this builder
     */
    public Builder writesEnabled(boolean writesEnabled) {
      this.writesEnabled = writesEnabled;
      return this;
    }

    /**
     * Default time get_statistics_report waits before returning the report UUIDs instead of rows.
     *
     * @param limit a positive duration
     * @return this builder
     */
    public Builder reportTimeLimit(Duration limit) {
      Objects.requireNonNull(limit, "limit == null");
      if (limit.isNegative() || limit.isZero()) {
        throw new IllegalArgumentException("reportTimeLimit must be positive, got " + limit);
      }
      this.reportTimeLimit = limit;
      return this;
    }

    /**
     * Builds the context.
     *
     * @return a new context
     */
    public ToolContext build() {
      return new ToolContext(this);
    }
  }
}
