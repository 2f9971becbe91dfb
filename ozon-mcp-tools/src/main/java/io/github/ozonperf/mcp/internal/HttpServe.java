package io.github.ozonperf.mcp.internal;

import io.github.ozonperf.mcp.accounts.Principal;
import io.github.ozonperf.mcp.tools.ToolContext;
import io.github.ozonperf.mcp.tools.ToolRegistry;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.HttpServletStreamableServerTransportProvider;
import jakarta.servlet.DispatcherType;
import java.io.PrintStream;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code --http}: the same tools over MCP Streamable HTTP at {@code /mcp}, on the SDK's
 * {@link HttpServletStreamableServerTransportProvider} in an embedded Jetty 12. Only this class (and {@link HttpGate},
 * {@link HttpSessions}) touch the HTTP stack, and {@link Cli} reaches them only with {@code --http}, so stdio mode loads
 * none of it.
 *
 * <p>SIGTERM: new requests get 503, calls in flight get {@code OZON_MCP_HTTP_SHUTDOWN_SECONDS} (20) to finish and be answered, then the rest are
 * cancelled (a report run logs the UUIDs it submitted) and answered; then Jetty stops and the backend is closed.
 */
final class HttpServe {
  private static final Logger log = LoggerFactory.getLogger(HttpServe.class);
  private HttpServe() {
  }

  /**
   * Starts serving and returns; Jetty's threads keep the process alive.
   *
   * @param ready what to do with the backend once built (fetch the tokens)
   * @return {@link Cli#SERVING}, or 1 when the port cannot be bound
   */
  static int serve(HttpConfig config, ToolRegistry registry, ToolContext ctx, DeferredBackend backend,
      ServeLifecycle lifecycle, String version, PrintStream err, Consumer<Settings.Backend> ready,
      boolean hookSigterm) {
    HttpServletStreamableServerTransportProvider transport = HttpServletStreamableServerTransportProvider.builder()
        .jsonMapper(ServerRuntime.MAPPER)
        .mcpEndpoint(HttpGate.ENDPOINT)
        .maxRequestSize(config.maxBodyBytes)
        .sessionSweepInterval(config.idleTimeout)
        .contextExtractor(request -> {
          Object p = request.getAttribute(Principal.CONTEXT_KEY);
          return p == null ? McpTransportContext.EMPTY : McpTransportContext.create(Map.of(Principal.CONTEXT_KEY, p));
        })
        .build();
    McpSyncServer server = ServerRuntime.build(McpServer.sync(transport), registry, version);

    QueuedThreadPool threads = new QueuedThreadPool(200, 4);
    threads.setName("ozon-mcp-http");
    Server jetty = new Server(threads);
    HttpConfiguration http = new HttpConfiguration();
    http.setSendServerVersion(false);
    http.setSendXPoweredBy(false);
    ServerConnector connector = new ServerConnector(jetty, 1, 1, new HttpConnectionFactory(http));
    connector.setHost(config.host);
    connector.setPort(config.port);
    jetty.addConnector(connector);
    HttpSessions sessions = new HttpSessions(config.maxSessionsPerPrincipal, config.idleTimeout, System::nanoTime);
    HttpGate gate = new HttpGate(config, sessions, System::nanoTime);
    ServletContextHandler context = new ServletContextHandler();
    context.setContextPath("/");
    ServletHolder servlet = new ServletHolder(transport);
    servlet.setAsyncSupported(true);
    context.addServlet(servlet, "/*");
    FilterHolder filter = new FilterHolder(gate);
    filter.setAsyncSupported(true);
    context.addFilter(filter, "/*", EnumSet.of(DispatcherType.REQUEST));
    context.setErrorHandler(new org.eclipse.jetty.ee10.servlet.ErrorHandler() {
      {
        setShowStacks(false);
        setShowMessageInTitle(false);
      }
    });
    // GracefulHandler: on stop, requests already inside (answers being written) complete within the stop timeout.
    org.eclipse.jetty.server.handler.GracefulHandler graceful = new org.eclipse.jetty.server.handler.GracefulHandler();
    graceful.setHandler(context);
    jetty.setHandler(graceful);
    jetty.setStopTimeout(5_000);
    try {
      jetty.start();
    } catch (Exception e) {
      err.println("ozon-mcp-tools: --http " + config.host + ":" + config.port + ": cannot listen there ("
          + e.getClass().getSimpleName() + ": " + e.getMessage() + ")");
      server.closeGracefully();
      try {
        jetty.stop();
      } catch (Exception ignored) {
        // nothing started
      }
      return 1;
    }
    String host = config.host.contains(":") ? "[" + config.host + "]" : config.host;
    err.println("ozon-mcp-tools " + version + ": MCP Streamable HTTP at http://" + host + ":" + connector.getLocalPort()
        + HttpGate.ENDPOINT + (config.authenticates() ? " (bearer tokens: " + config.credentials.size()
        + " principal(s))" : " WITHOUT authentication (loopback only; any local process can use every account)"));
    if (!config.authenticates()) {
      log.warn("No {} or {}: every local process may call this server.", HttpConfig.TOKEN, HttpConfig.ACCESS_FILE);
    }

    ScheduledExecutorService sweeper = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "ozon-mcp-http-sessions");
      t.setDaemon(true);
      return t;
    });
    long every = Math.max(1, Math.min(60, config.idleTimeout.toSeconds() / 4));
    sweeper.scheduleAtFixedRate(() -> {
      int n = sessions.sweep();
      if (n > 0) {
        log.info("{} idle session(s) expired", n);
      }
    }, every, every, TimeUnit.SECONDS);

    lifecycle.serving(server, ready);
    backend.start(); // no handshake to wait for: the first session may come at once
    if (hookSigterm) {
      Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(gate, ctx, jetty, server, backend, sweeper,
          config.grace),
          "ozon-mcp-http-sigterm"));
    }
    return Cli.SERVING;
  }

  /** SIGTERM: drain, let calls finish, cancel the rest, then stop. */
  static void stop(HttpGate gate, ToolContext ctx, Server jetty, McpSyncServer server, DeferredBackend backend,
      ScheduledExecutorService sweeper, Duration grace) {
    gate.drain();
    int inFlight = ctx.inFlight().size();
    log.info("Stopping: new requests get 503; {} tool call(s) in flight", inFlight);
    if (inFlight > 0) {
      log.info("Waiting up to {} s for them to be answered", grace.toSeconds());
      if (!ctx.inFlight().awaitIdle(grace)) {
        int cancelled = ctx.inFlight().cancelAll();
        log.info("Cancelling {} tool call(s) still running; report UUIDs already submitted are logged by the report"
            + " run", cancelled);
        ctx.inFlight().awaitIdle(ServeLifecycle.ANSWER_WAIT);
      }
    }
    try {
      jetty.stop(); // requests still open (answers being written) get the stop timeout
    } catch (Exception e) {
      log.warn("Jetty did not stop cleanly: {}", e.toString());
    }
    server.closeGracefully();
    sweeper.shutdownNow();
    backend.closeWithoutExit();
  }
}
