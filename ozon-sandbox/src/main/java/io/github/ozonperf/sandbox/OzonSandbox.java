package io.github.ozonperf.sandbox;

import io.github.ozonperf.sandbox.internal.NoDelayServerSocketFactory;
import io.github.ozonperf.sandbox.internal.SandboxDispatcher;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import mockwebserver3.MockWebServer;

/**
 * A stateful fake of the Ozon Performance API on loopback: token endpoint, campaigns, products and bids,
 * asynchronous statistics reports (CSV, ZIP of CSVs, JSON) and synchronous statistics, with Ozon's limits and
 * optional fault injection. It speaks HTTP/JSON only, so any client can be tested against it.
 *
 * <pre>{@code
 * try (OzonSandbox sandbox = OzonSandbox.builder().clock(testClock).reportDuration(Duration.ofSeconds(2)).start()) {
 *   String api = sandbox.baseUrl();          // http://127.0.0.1:PORT
 *   String token = sandbox.tokenUrl();       // api + "/api/client/token"
 *   // ... point a client at it with sandbox.clientId() / sandbox.clientSecret() ...
 *   assertEquals(1, sandbox.tokenRequests());
 * }
 * }</pre>
 *
 * <p>Standalone: {@code java -jar ozon-sandbox/target/ozon-sandbox.jar --port 8089}. Instances are thread-safe.
 */
public final class OzonSandbox implements AutoCloseable {
  /** Demo client id used when none is configured. */
  public static final String DEMO_CLIENT_ID = "demo-client@advertising.performance.ozon.ru";
  /** Demo client secret used when none is configured. */
  public static final String DEMO_CLIENT_SECRET = "demo-secret";

  private final MockWebServer server;
  private final SandboxDispatcher dispatcher;
  private final String baseUrl;

  private OzonSandbox(MockWebServer server, SandboxDispatcher dispatcher) {
    this.server = server;
    this.dispatcher = dispatcher;
    this.baseUrl = "http://127.0.0.1:" + server.getPort();
  }

  /** Returns a builder with the demo credentials, a 1800 s token TTL, the system clock and no faults. */
  public static Builder builder() {
    return new Builder();
  }

  /** Base URL of the API, e.g. {@code http://127.0.0.1:8089} (no trailing slash). */
  public String baseUrl() {
    return baseUrl;
  }

  /** URL of the token endpoint: {@code baseUrl() + "/api/client/token"}. */
  public String tokenUrl() {
    return baseUrl + "/api/client/token";
  }

  /** The client id the token endpoint accepts. */
  public String clientId() {
    return dispatcher.clientId();
  }

  /** The client secret the token endpoint accepts. */
  public String clientSecret() {
    return dispatcher.clientSecret();
  }

  /** Number of requests to the token endpoint so far (successful or not). */
  public long tokenRequests() {
    return dispatcher.requests("/api/client/token");
  }

  /**
   * Number of requests so far for {@code path}. A path containing <code>{</code> is a pattern as written in the
   * spec ({@code "/api/client/campaign/{campaignId}/objects"}) and counts every request that matched it;
   * any other string is a raw path ({@code "/api/client/campaign/1234/objects"}, no query string). Every request
   * counts, including those answered 401, 429 or reset by fault injection.
   */
  public long requests(String path) {
    Objects.requireNonNull(path, "path == null");
    return dispatcher.requests(path);
  }

  /** Number of requests of any kind so far. */
  public long totalRequests() {
    return dispatcher.totalRequests();
  }

  /** The last requests (at most 200), oldest first, with the Authorization header redacted. */
  public List<RecordedCall> recentRequests() {
    return dispatcher.recentRequests();
  }

  /** Invalidates every token issued so far: the next API call with one of them gets 401. */
  public void expireAllTokens() {
    dispatcher.expireAllTokens();
  }

  /** The deterministic dataset (campaigns as at start, products, metrics). */
  public SandboxData data() {
    return dispatcher.data();
  }

  /** The current state of a campaign, reflecting activate/deactivate/patch calls and created campaigns. */
  public Optional<SandboxCampaign> campaign(String campaignId) {
    return dispatcher.currentCampaign(campaignId);
  }

  /** Stops the server; pending connections are closed. Idempotent. */
  @Override
  public void close() {
    server.close();
  }

  @Override
  public String toString() {
    return "OzonSandbox{" + baseUrl + ", clientId=" + clientId() + '}';
  }

  /**
   * Runs the sandbox standalone until the process is killed. Arguments: {@code --port N} (default 8089, 0 = any
   * free port), {@code --seed N}, {@code --client-id ID}, {@code --client-secret SECRET},
   * {@code --report-seconds N} (time a report takes to become OK, default 2).
   */
  public static void main(String[] args) throws InterruptedException {
    Builder b = builder().port(8089);
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (a.equals("--help") || a.equals("-h")) {
        usage(System.out);
        return;
      }
      if (i + 1 >= args.length) {
        System.err.println("ozon-sandbox: missing value after " + a);
        usage(System.err);
        System.exit(2);
      }
      String v = args[++i];
      try {
        switch (a) {
          case "--port" -> b.port(Integer.parseInt(v));
          case "--seed" -> b.seed(Long.parseLong(v));
          case "--client-id" -> b.clientId(v);
          case "--client-secret" -> b.clientSecret(v);
          case "--report-seconds" -> b.reportDuration(Duration.ofSeconds(Long.parseLong(v)));
          default -> {
            System.err.println("ozon-sandbox: unknown option " + a);
            usage(System.err);
            System.exit(2);
          }
        }
      } catch (IllegalArgumentException e) {
        System.err.println("ozon-sandbox: bad value for " + a + ": " + e.getMessage());
        System.exit(2);
      }
    }
    OzonSandbox sandbox = b.start();
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      sandbox.close();
      stopped.countDown();
    }, "ozon-sandbox-shutdown"));
    System.out.println("Ozon Performance API sandbox listening on " + sandbox.baseUrl());
    System.out.println("  OZON_API_URL=" + sandbox.baseUrl());
    System.out.println("  OZON_TOKEN_URL=" + sandbox.tokenUrl());
    System.out.println("  OZON_CLIENT_ID=" + sandbox.clientId());
    System.out.println("  OZON_CLIENT_SECRET=" + sandbox.clientSecret());
    System.out.println("Press Ctrl+C to stop.");
    System.out.flush();
    stopped.await();
  }

  private static void usage(PrintStream out) {
    out.println("usage: java -jar ozon-sandbox.jar [--port 8089] [--seed N] [--client-id ID] "
        + "[--client-secret SECRET] [--report-seconds 2]");
  }

  /** Builder of {@link OzonSandbox}. */
  public static final class Builder {
    private int port;
    private String clientId = DEMO_CLIENT_ID;
    private String clientSecret = DEMO_CLIENT_SECRET;
    private Duration tokenTtl = Duration.ofSeconds(1800);
    private Clock clock = Clock.systemUTC();
    private Duration reportDuration = Duration.ofSeconds(2);
    private long seed = 20261123L;
    private Faults faults = Faults.none();

    private Builder() {}

    /** Port on 127.0.0.1 to listen on; 0 (the default) picks a free port. */
    public Builder port(int port) {
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("port: must be 0..65535, got " + port);
      }
      this.port = port;
      return this;
    }

    /** Client id accepted by the token endpoint (default {@value OzonSandbox#DEMO_CLIENT_ID}). */
    public Builder clientId(String clientId) {
      Objects.requireNonNull(clientId, "clientId == null");
      if (clientId.isBlank()) {
        throw new IllegalArgumentException("clientId: must not be blank");
      }
      this.clientId = clientId;
      return this;
    }

    /** Client secret accepted by the token endpoint (default {@value OzonSandbox#DEMO_CLIENT_SECRET}). */
    public Builder clientSecret(String clientSecret) {
      Objects.requireNonNull(clientSecret, "clientSecret == null");
      if (clientSecret.isBlank()) {
        throw new IllegalArgumentException("clientSecret: must not be blank");
      }
      this.clientSecret = clientSecret;
      return this;
    }

    /** Lifetime of issued tokens ({@code expires_in}), default 1800 s; at least 1 s. */
    public Builder tokenTtl(Duration tokenTtl) {
      Objects.requireNonNull(tokenTtl, "tokenTtl == null");
      if (tokenTtl.getSeconds() < 1) {
        throw new IllegalArgumentException("tokenTtl: must be at least 1 s, got " + tokenTtl);
      }
      this.tokenTtl = tokenTtl;
      return this;
    }

    /** Clock for token expiry, report progress and the page rate limit; tests inject one they advance. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock == null");
      return this;
    }

    /**
     * Time from submitting a report to state {@code OK} on the sandbox clock (default 2 s): the report is
     * {@code NOT_STARTED} for the first third, then {@code IN_PROGRESS}. {@link Duration#ZERO} makes reports
     * ready at once.
     */
    public Builder reportDuration(Duration reportDuration) {
      Objects.requireNonNull(reportDuration, "reportDuration == null");
      if (reportDuration.isNegative()) {
        throw new IllegalArgumentException("reportDuration: must not be negative, got " + reportDuration);
      }
      this.reportDuration = reportDuration;
      return this;
    }

    /** Seed of the dataset (see {@link SandboxData#generate(long)}). */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /** Fault injection settings (default {@link Faults#none()}). */
    public Builder faults(Faults faults) {
      this.faults = Objects.requireNonNull(faults, "faults == null");
      return this;
    }

    /**
     * Starts the server on 127.0.0.1.
     *
     * @throws UncheckedIOException if the port cannot be bound (e.g. already in use: pick another or 0)
     */
    public OzonSandbox start() {
      SandboxDispatcher dispatcher = new SandboxDispatcher(clientId, clientSecret, tokenTtl, clock,
          reportDuration, SandboxData.generate(seed), faults);
      MockWebServer server = new MockWebServer();
      server.setDispatcher(dispatcher);
      server.setServerSocketFactory(new NoDelayServerSocketFactory());
      try {
        server.start(InetAddress.getLoopbackAddress(), port);
      } catch (IOException e) {
        server.close();
        throw new UncheckedIOException("ozon-sandbox: cannot listen on 127.0.0.1:" + port
            + " (is the port in use? use another one or 0 for a free port)", e);
      }
      dispatcher.attach(server);
      return new OzonSandbox(server, dispatcher);
    }
  }
}
