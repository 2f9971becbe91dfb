package io.github.ozonperf.it.support;

import io.github.ozonperf.auth.ClientCredentials;
import io.github.ozonperf.auth.TokenStats;
import io.github.ozonperf.client.OzonPerformanceClient;
import io.github.ozonperf.sandbox.OzonSandbox;
import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;

/**
 * One scenario's view of its target: how to build SDK clients for it, how to count token requests on it, which
 * dates to ask for, and how to start the MCP server against it. Fresh per scenario invocation (a SANDBOX gets its
 * own sandbox), closed after it; on close every client built here is closed and its counters go to
 * {@link SuccessMetrics}.
 */
public final class TargetEnv implements AutoCloseable {
  /** Moscow: Ozon's statistics days are Moscow days. */
  public static final ZoneId OZON_ZONE = ZoneId.of("Europe/Moscow");

  private final Target target;
  private final OzonSandbox sandbox;
  private final List<OzonPerformanceClient> clients = new ArrayList<>();
  private final Map<OzonPerformanceClient, CallCounter> counters = new IdentityHashMap<>();
  private final Map<OzonPerformanceClient, Boolean> inMetrics = new IdentityHashMap<>();

  private TargetEnv(Target target, OzonSandbox sandbox) {
    this.target = target;
    this.sandbox = sandbox;
  }

  /** A target environment outside a scenario (the caller closes it). */
  public static TargetEnv open(Target target) {
    if (target == Target.REAL) {
      return new TargetEnv(target, null);
    }
    return new TargetEnv(target, Sandboxes.forScenarios().start());
  }

  /** The target. */
  public Target target() {
    return target;
  }

  /** Whether this is the SANDBOX target. */
  public boolean isSandbox() {
    return target == Target.SANDBOX;
  }

  /** The sandbox; only for SANDBOX scenarios. */
  public OzonSandbox sandbox() {
    if (sandbox == null) {
      throw new IllegalStateException("sandbox() on the REAL target");
    }
    return sandbox;
  }

  /** Whether write scenarios may run: always on the sandbox, on REAL only with OZON_IT_ALLOW_WRITES=true. */
  public boolean writesAllowed() {
    return isSandbox() || RealApi.writesAllowed();
  }

  /** The last {@code days} full Moscow days, ending yesterday (today's statistics are still moving). */
  public LocalDate[] lastDays(int days) {
    LocalDate yesterday = LocalDate.now(OZON_ZONE).minusDays(1);
    return new LocalDate[] {yesterday.minusDays(days - 1L), yesterday};
  }

  /** Credentials that work on this target. */
  public ClientCredentials credentials() {
    return isSandbox() ? ClientCredentials.of(sandbox.clientId(), sandbox.clientSecret())
        : ClientCredentials.fromEnvironment(RealApi.environment());
  }

  /**
   * A builder pointed at this target, with a {@link CallCounter} (and any other interceptors, such as an
   * {@link AnswerCapture}) on its base OkHttpClient. Build it with
   * {@link #build(OzonPerformanceClient.Builder, CallCounter, boolean)} so the client is closed and measured.
   */
  public OzonPerformanceClient.Builder clientBuilder(CallCounter counter, Interceptor... more) {
    OkHttpClient.Builder http = new OkHttpClient.Builder().addInterceptor(counter);
    for (Interceptor i : more) {
      http.addInterceptor(i);
    }
    OzonPerformanceClient.Builder b = OzonPerformanceClient.builder().okHttpClient(http.build());
    if (isSandbox()) {
      b.credentials(credentials()).baseUrl(sandbox.baseUrl()).tokenUrl(sandbox.tokenUrl())
          .reportOptions(Sandboxes.fastReports());
    } else {
      b.environment(RealApi.environment());
    }
    return b;
  }

  /** A client for this target with default settings, closed and measured after the scenario. */
  public OzonPerformanceClient newClient() {
    CallCounter counter = new CallCounter();
    return build(clientBuilder(counter), counter, true);
  }

  /**
   * Builds and registers a client.
   *
   * @param builder from {@link #clientBuilder(CallCounter)}
   * @param counter the counter given to it
   * @param countInMetrics false for clients that are meant to fail (wrong secret)
   */
  public OzonPerformanceClient build(OzonPerformanceClient.Builder builder, CallCounter counter,
      boolean countInMetrics) {
    OzonPerformanceClient client = builder.build();
    synchronized (this) {
      clients.add(client);
      counters.put(client, counter);
      inMetrics.put(client, countInMetrics);
    }
    return client;
  }

  /** API calls the client made so far (one per logical call). */
  public synchronized long apiCalls(OzonPerformanceClient client) {
    return counters.get(client).calls();
  }

  /**
   * Token requests: on SANDBOX the server's own counter (what actually arrived), on REAL the client's
   * {@link TokenStats#tokenRequests()} (the only view we have).
   */
  public long tokenRequests(OzonPerformanceClient client) {
    return isSandbox() ? sandbox.tokenRequests() : client.tokens().stats().tokenRequests();
  }

  /** Program arguments for ozon-mcp-tools.jar on this target. */
  public List<String> mcpArgs() {
    return isSandbox() ? List.of("--sandbox") : List.of();
  }

  /**
   * The MCP server's complete environment: PATH/HOME/JAVA_HOME only on SANDBOX (so a developer's credentials
   * cannot leak into it), plus the OZON_* variables on REAL. Writes stay off.
   */
  public Map<String, String> mcpEnvironment() {
    Map<String, String> env = new HashMap<>();
    for (String keep : List.of("PATH", "HOME", "JAVA_HOME", "LANG", "TMPDIR")) {
      String v = System.getenv(keep);
      if (v != null) {
        env.put(keep, v);
      }
    }
    if (!isSandbox()) {
      RealApi.environment().forEach((k, v) -> {
        if ((k.startsWith("OZON_") && !k.equals("OZON_MCP_ENABLE_WRITES")) || k.startsWith("OAUTH_")) {
          env.put(k, v);
        }
      });
    }
    return env;
  }

  /** Secrets that must never appear in any output of this target (the client secret). */
  public String secret() {
    return credentials().clientSecret();
  }

  @Override
  public void close() throws IOException {
    List<OzonPerformanceClient> all;
    synchronized (this) {
      all = List.copyOf(clients);
    }
    for (OzonPerformanceClient c : all) {
      if (inMetrics.get(c)) {
        TokenStats s = c.tokens().stats();
        SuccessMetrics.record(target + " scenarios", s.tokenRequests(), s.successes(), counters.get(c).calls());
      }
      c.close();
    }
    if (sandbox != null) {
      sandbox.close();
    }
  }

  /** Bound for a single wait in a scenario (guards against hangs; not a performance assertion). */
  public Duration patience() {
    return isSandbox() ? Duration.ofSeconds(60) : Duration.ofMinutes(10);
  }
}
