package io.github.ozonperf.mcp.tools;

import io.github.ozonperf.client.OzonPerformanceClient;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
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

  private ToolContext(Builder b) {
    this.client = b.client;
    this.writesEnabled = b.writesEnabled;
    this.reportTimeLimit = b.reportTimeLimit;
    AtomicInteger n = new AtomicInteger();
    this.reportExecutor = Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, "ozon-mcp-report-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
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
    return tokenFailure.get();
  }

  /** Builder of {@link ToolContext}. */
  public static final class Builder {
    private Supplier<OzonPerformanceClient> client;
    private boolean writesEnabled;
    private Duration reportTimeLimit = Duration.ofSeconds(120);

    private Builder() {
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
