package io.github.ozonperf.mcp.internal;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import com.google.gson.JsonSyntaxException;
import io.github.ozonperf.auth.TokenRefreshException;
import io.github.ozonperf.mcp.accounts.AccountDirectory;
import io.github.ozonperf.mcp.tools.ReportExport;
import io.github.ozonperf.mcp.tools.ToolContext;
import io.github.ozonperf.mcp.tools.ToolRegistry;
import io.github.ozonperf.mcp.tools.ToolSelection;
import io.modelcontextprotocol.server.McpSyncServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.function.IntConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The command line: {@code serve} (default), {@code tools [--json]}, {@code call <tool> ...}, {@code --help},
 * {@code --version}. Exit codes: 0 success, 1 the tool (or Ozon) failed, 2 usage or configuration error.
 */
public final class Cli {
  /** Returned by {@link #run} when the server is serving stdin: the caller must not exit. */
  public static final int SERVING = -1;
  /** The backend is built at the latest this long after the server is wired, even without tools/list. */
  static final Duration BACKEND_AT_THE_LATEST = Duration.ofSeconds(2);
  private static final Logger log = LoggerFactory.getLogger(Cli.class);
  private static final Gson PRETTY = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();
  private static final String JAR = "java -jar ozon-mcp-tools.jar";

  private final Map<String, String> env;
  private final InputStream stdin;
  private final PrintStream out;
  private final PrintStream err;
  private final boolean stdinIsTerminal;
  private final boolean stderrIsTerminal;
  private final IntConsumer exit;
  private final ServeLifecycle.Scheduler scheduler;
  private final boolean hookSigterm;

  /**
   * Creates a command line over explicit streams (tests pass their own).
   *
   * @param env              the environment (OZON_* variables)
   * @param stdin            where the MCP client writes (serve mode)
   * @param out              stdout: JSON-RPC in serve mode, results otherwise
   * @param err              stderr: logs, hints, progress
   * @param stdinIsTerminal  whether a person started the server by hand (prints a hint)
   * @param stderrIsTerminal whether progress is drawn as a bar
   * @param exit             ends serve mode: 0 once stdin has ended, 2 when the configuration turns out invalid
   *                         after the server started (Main exits the JVM there)
   */
  public Cli(Map<String, String> env, InputStream stdin, PrintStream out, PrintStream err, boolean stdinIsTerminal,
      boolean stderrIsTerminal, IntConsumer exit) {
    this(env, stdin, out, err, stdinIsTerminal, stderrIsTerminal, exit, ServeLifecycle.Scheduler.SYSTEM, false);
  }

  /** Like the public constructor, with the serve-mode timer and whether to hook SIGTERM (tests pass their own). */
  Cli(Map<String, String> env, InputStream stdin, PrintStream out, PrintStream err, boolean stdinIsTerminal,
      boolean stderrIsTerminal, IntConsumer exit, ServeLifecycle.Scheduler scheduler, boolean hookSigterm) {
    this.scheduler = scheduler;
    this.hookSigterm = hookSigterm;
    this.env = Map.copyOf(env);
    this.stdin = stdin;
    this.out = out;
    this.err = err;
    this.stdinIsTerminal = stdinIsTerminal;
    this.stderrIsTerminal = stderrIsTerminal;
    this.exit = exit;
  }

  /**
   * The process's command line: the system timer, and SIGTERM cancels the calls in flight as the end of input does.
   *
   * @param env      the environment
   * @param stdin    stdin
   * @param out      stdout
   * @param err      stderr
   * @param terminal whether a person started it by hand
   * @param exit     exits the JVM
   * @return the command line
   */
  public static Cli forMain(Map<String, String> env, InputStream stdin, PrintStream out, PrintStream err,
      boolean terminal, IntConsumer exit) {
    return new Cli(env, stdin, out, err, terminal, terminal, exit, ServeLifecycle.Scheduler.SYSTEM, true);
  }

  /** Thrown for usage errors (exit code 2). */
  static final class UsageException extends Exception {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
      super(message);
    }
  }

  /** Parsed command line. */
  static final class Command {
    String name = "serve";
    boolean sandbox;
    boolean json;
    boolean text;
    String tool;
    Path outFile;
    String toolsets;
    String tools;
    boolean readOnly;
    boolean dynamicToolsets;
    String http;
    final Map<String, JsonElement> args = new LinkedHashMap<>();
    JsonObject jsonArgs;
  }

  /**
   * Runs the command line.
   *
   * @param argv the arguments
   * @return the exit code, or {@link #SERVING} when serving stdin
   */
  public int run(String[] argv) {
    Command c;
    try {
      c = parse(argv);
    } catch (UsageException e) {
      err.println("ozon-mcp-tools: " + e.getMessage());
      err.println();
      err.print(usage());
      return 2;
    }
    try {
      switch (c.name) {
        case "help":
          out.print(help());
          return 0;
        case "version":
          out.println("ozon-mcp-tools " + version() + " (MCP Java SDK, Java " + Runtime.version().feature() + ")");
          return 0;
        case "tools":
          return tools(c);
        case "call":
          return call(c);
        default:
          return serve(c);
      }
    } catch (RuntimeException | LinkageError e) {
      // A bug or a broken installation: one line for the person, the stack in the log (stderr).
      log.debug("internal error", e);
      err.println("ozon-mcp-tools: internal error (" + e.getClass().getSimpleName() + ": " + e.getMessage()
          + "); please report it");
      return 1;
    }
  }

  static Command parse(String[] argv) throws UsageException {
    Command c = new Command();
    String sub = null;
    boolean helpAsked = false;
    boolean versionAsked = false;
    for (int i = 0; i < argv.length; i++) {
      String a = argv[i];
      switch (a) {
        case "--help", "-h", "help" -> helpAsked = true;
        case "--version", "-V" -> versionAsked = true;
        case "--sandbox" -> c.sandbox = true;
        case "--text" -> c.text = true;
        case "--arg", "-a" -> {
          String kv = next(argv, ++i, a);
          int eq = kv.indexOf('=');
          if (eq <= 0) {
            throw new UsageException("--arg needs key=value, got '" + kv + "'");
          }
          c.args.put(kv.substring(0, eq), argValue(kv.substring(eq + 1)));
        }
        case "--json" -> {
          // `tools --json` is a flag; `call <tool> --json '{...}'` takes an object.
          if ("call".equals(sub)) {
            String j = next(argv, ++i, a);
            try {
              c.jsonArgs = JsonParser.parseString(j).getAsJsonObject();
            } catch (JsonSyntaxException | IllegalStateException e) {
              throw new UsageException("--json needs a JSON object such as '{\"campaignIds\":[\"1\"]}', got " + j);
            }
          } else {
            c.json = true;
          }
        }
        case "--out", "-o" -> c.outFile = Path.of(next(argv, ++i, a));
        case "--toolsets" -> c.toolsets = next(argv, ++i, a);
        case "--tools" -> c.tools = next(argv, ++i, a);
        case "--read-only" -> c.readOnly = true;
        case "--dynamic-toolsets" -> c.dynamicToolsets = true;
        case "--http" -> c.http = next(argv, ++i, a);
        default -> {
          if (a.startsWith("-")) {
            throw new UsageException("unknown option '" + a + "'");
          }
          if (sub == null) {
            if (!List.of("serve", "tools", "call").contains(a)) {
              throw new UsageException("unknown command '" + a + "' (use serve, tools or call)");
            }
            sub = a;
          } else if ("call".equals(sub) && c.tool == null) {
            c.tool = a;
          } else {
            throw new UsageException("unexpected argument '" + a + "'");
          }
        }
      }
    }
    if (helpAsked) {
      c.name = "help";
      return c;
    }
    if (versionAsked) {
      c.name = "version";
      return c;
    }
    c.name = sub == null ? "serve" : sub;
    if (c.name.equals("call") && c.tool == null) {
      throw new UsageException("call needs a tool name, e.g. `call list_campaigns --sandbox`; `tools` lists them");
    }
    if (!c.name.equals("call") && (!c.args.isEmpty() || c.jsonArgs != null || c.outFile != null || c.text)) {
      throw new UsageException("--arg, --json '{...}', --out and --text only work with `call`");
    }
    if (!c.name.equals("serve") && c.http != null) {
      throw new UsageException("--http only works when serving (no `tools` or `call`)");
    }
    if (c.name.equals("serve") && c.json) {
      throw new UsageException("--json only works with `tools` or `call`");
    }
    return c;
  }

  private static String next(String[] argv, int i, String flag) throws UsageException {
    if (i >= argv.length) {
      throw new UsageException(flag + " needs a value");
    }
    return argv[i];
  }

  /** key=value: JSON when it parses as JSON (numbers, booleans, arrays, objects), else a plain string. */
  static JsonElement argValue(String v) {
    try {
      JsonElement e = JsonParser.parseString(v);
      if (e.isJsonPrimitive() && e.getAsJsonPrimitive().isString() && !v.trim().startsWith("\"")) {
        return new JsonPrimitive(v); // lenient Gson accepted a bare word
      }
      return e.isJsonNull() && !v.equals("null") ? new JsonPrimitive(v) : e;
    } catch (JsonSyntaxException e) {
      return new JsonPrimitive(v);
    }
  }

  /** The accounts file (null when none is set), or the message that stops the command with exit code 2. */
  private record Accounts(AccountsFile file, String error) {
  }

  /** Reads OZON_MCP_ACCOUNTS_FILE; without one (and without --sandbox) the credentials must be set. */
  private static Accounts accounts(Settings settings, boolean sandbox) {
    AccountsFile file;
    try {
      file = settings.accountsFile(sandbox);
    } catch (IllegalArgumentException e) {
      return new Accounts(null, "ozon-mcp-tools: " + e.getMessage());
    }
    if (!sandbox && file == null && !settings.hasCredentials()) {
      return new Accounts(null, Settings.NO_CREDENTIALS);
    }
    return new Accounts(file, null);
  }

  // ---------------------------------------------------------------- serve
  private int serve(Command c) {
    Settings settings = new Settings(env);
    Accounts accounts = accounts(settings, c.sandbox);
    if (accounts.error() != null) {
      err.println(accounts.error());
      return 2;
    }
    AccountsFile accountsFile = accounts.file();
    String httpBind = c.http != null ? c.http : settings.http();
    HttpConfig httpConfig = null;
    if (httpBind != null) {
      try {
        httpConfig = HttpConfig.read(httpBind, env, accountsFile == null ? List.of(Settings.SINGLE_ACCOUNT)
            : accountsFile.aliases());
      } catch (IllegalArgumentException e) {
        err.println("ozon-mcp-tools: " + e.getMessage());
        return 2;
      }
    }
    // Start-up (issue 9): the backend (sandbox, OkHttp and its TLS set-up, the generated client, the token) is built
    // on another thread, and only once the host has its tools/list answer (or at the first tool call, or after
    // BACKEND_AT_THE_LATEST): building it next to the handshake slowed the handshake by ~100-150 ms on 2 cores,
    // while hosts send their first tools/call seconds later. Tool calls wait for it.
    DeferredBackend backend = new DeferredBackend(() -> settings.connect(c.sandbox, accountsFile), err, exit);
    ToolContext.Builder cb = ToolContext.builder().writesEnabled(settings.writesEnabled())
        .principalRequired(httpConfig != null);
    if (accountsFile != null) {
      cb.accounts(AccountDirectory.of(accountsFile.aliases(), accountsFile.defaultAlias, backend::client));
    } else {
      cb.lazyClient(backend::client);
    }
    ToolContext ctx = cb.build();
    ServeLifecycle lifecycle = new ServeLifecycle(backend, ctx.inFlight(), scheduler, BACKEND_AT_THE_LATEST);
    // The default configurations answer the handshake from a build-time recording while the rest is built (issue 17);
    // not with an accounts file (its tools/list and instructions differ), and not over HTTP.
    PreparedHandshake prepared = httpConfig != null || accountsFile != null ? null
        : PreparedHandshake.load(settings.preparedHandshakeKey(c.toolsets, c.tools, c.readOnly, c.dynamicToolsets));
    StdioTransport early = null;
    if (prepared != null) {
      hintOnTerminal();
      early = ServerRuntime.startEarly(lifecycle.watch(stdin), out, lifecycle.afterToolsList(), ctx.inFlight(),
          prepared);
    }
    ToolRegistry registry;
    try {
      ToolSelection selection = settings.selection(c.toolsets, c.tools, c.readOnly, null);
      registry = settings.dynamicToolsets(c.dynamicToolsets) ? ToolRegistry.createDynamic(ctx, selection)
          : ToolRegistry.create(ctx, selection);
    } catch (IllegalArgumentException e) {
      err.println("ozon-mcp-tools: " + e.getMessage());
      return 2;
    }
    if (httpConfig != null) {
      // The HTTP stack is reached only here: stdio mode loads none of its classes.
      return HttpServe.serve(httpConfig, registry, ctx, backend, lifecycle, version(), err,
          b -> backendReady(b, ctx, backend::shuttingDown), hookSigterm);
    }
    McpSyncServer server;
    if (early != null) {
      server = ServerRuntime.start(registry, early, version());
    } else {
      hintOnTerminal();
      server = ServerRuntime.start(registry, lifecycle.watch(stdin), out, version(), lifecycle.afterToolsList());
    }
    lifecycle.serving(server, b -> backendReady(b, ctx, backend::shuttingDown));
    if (hookSigterm) {
      Runtime.getRuntime().addShutdownHook(lifecycle.shutdownHook());
    }
    return SERVING;
  }

  private void hintOnTerminal() {
    if (stdinIsTerminal) {
      err.println("ozon-mcp-tools " + version() + ": waiting for an MCP client on stdin (JSON-RPC, one message per"
          + " line). To try the tools by hand run `" + JAR + " tools` or `" + JAR
          + " call list_campaigns --sandbox`. Ctrl-D quits.");
    }
  }

  /** Announces the sandbox and fetches the token in the background; a terminal failure is reported once. */
  private void backendReady(Settings.Backend backend, ToolContext ctx, BooleanSupplier shuttingDown) {
    if (backend.sandboxes().size() == 1) {
      err.println("ozon-mcp-tools: --sandbox: embedded fake Ozon API at " + backend.sandbox().baseUrl()
          + " with demo data; nothing here touches your real account.");
    } else if (!backend.sandboxes().isEmpty()) {
      err.println("ozon-mcp-tools: --sandbox: one embedded fake Ozon API per account (" + String.join(", ",
          backend.clients().keySet()) + "), each with its own demo data; nothing here touches a real account.");
    }
    AccountDirectory accounts = ctx.accounts();
    backend.clients().forEach((alias, client) -> prefetch(client, alias, accounts, ctx, shuttingDown));
  }

  /** Fetches one account's token in the background; a terminal failure is reported once, per account. */
  private void prefetch(io.github.ozonperf.client.OzonPerformanceClient client, String alias,
      AccountDirectory accounts, ToolContext ctx, BooleanSupplier shuttingDown) {
    client.tokens().prefetch().whenComplete((token, failure) -> {
      if (failure != null && !shuttingDown.getAsBoolean()) { // closed under it because stdin ended: not a failure
        Throwable f = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause()
            : failure;
        String msg = f instanceof TokenRefreshException ? f.getMessage()
            : TokenRefreshException.PREFIX + f.getClass().getSimpleName();
        boolean terminal = f instanceof TokenRefreshException tre && tre.isTerminal();
        String who = accounts == null ? "" : "account '" + alias + "': ";
        if (terminal) {
          if (accounts == null) {
            ctx.markTokenFailure(msg);
          } else {
            accounts.markTokenFailure(alias, msg);
          }
          log.error("{}{} — every tool call {}will report this; fix the credentials and restart.", who, msg,
              accounts == null ? "" : "for this account ");
        } else {
          log.warn("{}{} — will retry on the first tool call.", who, msg);
        }
      }
    });
  }

  // ---------------------------------------------------------------- tools
  private int tools(Command c) {
    Settings settings = new Settings(env);
    ToolContext ctx = ToolContext.builder().writesEnabled(settings.writesEnabled()).build();
    ToolRegistry registry;
    try {
      registry = ToolRegistry.create(ctx, settings.selection(c.toolsets, c.tools, c.readOnly, null));
    } catch (IllegalArgumentException e) {
      err.println("ozon-mcp-tools: " + e.getMessage());
      return 2;
    }
    try (InProcess p = InProcess.start(registry, null)) {
      JsonObject list = p.client.request("tools/list", new JsonObject(), Duration.ofSeconds(30));
      if (c.json) {
        out.println(PRETTY.toJson(list));
        return 0;
      }
      out.println(String.format(Locale.ROOT, "%-36s %-12s %-5s %s", "TOOL", "TOOLSET", "MODE", "DESCRIPTION"));
      for (JsonElement e : list.getAsJsonArray("tools")) {
        JsonObject t = e.getAsJsonObject();
        boolean ro = t.has("annotations") && t.getAsJsonObject("annotations").has("readOnlyHint")
            && t.getAsJsonObject("annotations").get("readOnlyHint").getAsBoolean();
        String name = t.get("name").getAsString();
        out.println(String.format(Locale.ROOT, "%-36s %-12s %-5s %s", name, registry.toolsetOf(name),
            ro ? "read" : "write", firstSentence(t.get("description").getAsString())));
      }
      if (!registry.disabledWriteTools().isEmpty()) {
        out.println();
        out.println("Write tools (" + String.join(", ", registry.disabledWriteTools()) + ") appear with"
            + " OZON_MCP_ENABLE_WRITES=true.");
      }
      return 0;
    } catch (Exception e) {
      err.println("ozon-mcp-tools: could not list the tools: " + e.getMessage());
      return 1;
    }
  }

  static String firstSentence(String s) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\.\\s+[A-Z]").matcher(s);
    int dot = m.find() ? m.start() : -1;
    String first = dot > 0 ? s.substring(0, dot + 1) : s;
    return first.length() > 100 ? first.substring(0, 97) + "..." : first;
  }

  // ---------------------------------------------------------------- call
  private int call(Command c) {
    Settings settings = new Settings(env);
    if (c.outFile != null && !List.of("get_statistics_report", "download_report").contains(c.tool)) {
      err.println("ozon-mcp-tools: --out works with get_statistics_report and download_report only");
      return 2;
    }
    if (c.outFile != null) {
      Path parent = c.outFile.toAbsolutePath().getParent();
      if (parent == null || !Files.isDirectory(parent)) {
        err.println("ozon-mcp-tools: --out " + c.outFile + ": the directory " + parent + " does not exist");
        return 2;
      }
    }
    Accounts accounts = accounts(settings, c.sandbox);
    if (accounts.error() != null) {
      err.println(accounts.error());
      return 2;
    }
    AccountsFile accountsFile = accounts.file();
    JsonObject arguments = c.jsonArgs == null ? new JsonObject() : c.jsonArgs.deepCopy();
    c.args.forEach(arguments::add);
    Settings.Backend backend;
    try {
      backend = settings.connect(c.sandbox, accountsFile);
    } catch (IllegalArgumentException e) {
      err.println("ozon-mcp-tools: " + e.getMessage());
      return 2;
    }
    try (backend) {
      ToolContext.Builder cb = ToolContext.builder().client(backend.client())
          .writesEnabled(settings.writesEnabled());
      if (accountsFile != null) {
        cb.accounts(AccountDirectory.of(accountsFile.aliases(), accountsFile.defaultAlias, backend.clients()::get));
      }
      ToolContext ctx = cb.build();
      ToolRegistry registry;
      try {
        // `call` reaches every tool unless --toolsets / OZON_MCP_TOOLSETS narrows it
        registry = ToolRegistry.create(ctx, settings.selection(c.toolsets, c.tools, c.readOnly, "all"));
      } catch (IllegalArgumentException e) {
        err.println("ozon-mcp-tools: " + e.getMessage());
        return 2;
      }
      if (!registry.names().contains(c.tool)) {
        boolean write = registry.disabledWriteTools().contains(c.tool);
        err.println("ozon-mcp-tools: unknown tool '" + c.tool + "'" + (write
            ? " (write tools need OZON_MCP_ENABLE_WRITES=true)" : "") + "; available: "
            + String.join(", ", registry.names()));
        return 2;
      }
      ProgressRenderer progress = new ProgressRenderer(err, stderrIsTerminal);
      try (InProcess p = InProcess.start(registry, progress::onProgress)) {
        JsonObject params = new JsonObject();
        params.addProperty("name", c.tool);
        params.add("arguments", arguments);
        JsonObject meta = new JsonObject();
        meta.addProperty("progressToken", "cli-" + ProcessHandle.current().pid());
        params.add("_meta", meta);
        JsonObject result = p.client.request("tools/call", params, Duration.ofMinutes(30));
        progress.finish();
        boolean isError = result.has("isError") && result.get("isError").getAsBoolean();
        JsonElement structured = result.get("structuredContent");
        String text = textOf(result);
        if (structured != null) {
          out.println(PRETTY.toJson(structured));
        }
        if (isError) {
          err.println("ozon-mcp-tools: " + c.tool + " failed: " + text);
          return 1;
        }
        if (c.text) {
          err.println(text);
        }
        if (c.outFile != null) {
          JsonElement account = arguments.get("account");
          io.github.ozonperf.client.OzonPerformanceClient client = accountsFile != null && account != null
              && account.isJsonPrimitive() ? backend.clients().get(account.getAsString()) : backend.client();
          return writeOut(client, c, structured == null ? new JsonObject() : structured.getAsJsonObject());
        }
        return 0;
      }
    } catch (IOException | TimeoutException e) {
      err.println("ozon-mcp-tools: " + c.tool + " failed: " + e.getMessage());
      return 1;
    }
  }

  private int writeOut(io.github.ozonperf.client.OzonPerformanceClient client, Command c, JsonObject structured) {
    List<String> uuids = new ArrayList<>();
    if (structured.has("complete") && !structured.get("complete").getAsBoolean()) {
      err.println("ozon-mcp-tools: the report is not finished, so " + c.outFile + " was not written; resume with"
          + " `call get_report_status --arg uuid=...` and `call download_report --arg uuid=... --out "
          + c.outFile + "`");
      return 1;
    }
    if (structured.has("reports")) {
      for (JsonElement r : structured.getAsJsonArray("reports")) {
        uuids.add(r.getAsJsonObject().get("uuid").getAsString());
      }
    } else if (structured.has("uuid")) {
      uuids.add(structured.get("uuid").getAsString());
    }
    try {
      long rows = ReportExport.write(client, uuids, c.outFile);
      err.println("ozon-mcp-tools: wrote " + rows + " rows to " + c.outFile);
      return 0;
    } catch (IOException | RuntimeException e) {
      err.println("ozon-mcp-tools: could not write " + c.outFile + ": " + e.getMessage());
      return 1;
    }
  }

  private static String textOf(JsonObject result) {
    StringBuilder sb = new StringBuilder();
    if (result.has("content")) {
      for (JsonElement e : result.getAsJsonArray("content")) {
        JsonObject o = e.getAsJsonObject();
        if (o.has("text")) {
          sb.append(o.get("text").getAsString());
        }
      }
    }
    return sb.toString();
  }

  /** The real server and an MCP client, connected through in-memory pipes. */
  static final class InProcess implements AutoCloseable {
    final McpSyncServer server;
    final PipeClient client;

    private InProcess(McpSyncServer server, PipeClient client) {
      this.server = server;
      this.client = client;
    }

    static InProcess start(ToolRegistry registry, java.util.function.Consumer<JsonObject> progress)
        throws IOException, TimeoutException {
      Pipe toServer = new Pipe();
      Pipe fromServer = new Pipe();
      McpSyncServer server = ServerRuntime.start(registry, toServer.source, fromServer.sink, version());
      PipeClient client = new PipeClient(toServer.sink, fromServer.source, progress);
      client.initialize(version());
      return new InProcess(server, client);
    }

    @Override
    public void close() {
      try {
        client.close();
      } catch (IOException ignored) {
        // best effort
      }
      server.closeGracefully();
    }
  }

  // ---------------------------------------------------------------- text
  static String version() {
    Properties p = new Properties();
    try (InputStream in = Cli.class.getResourceAsStream("/io/github/ozonperf/mcp/version.properties")) {
      if (in != null) {
        p.load(in);
      }
    } catch (IOException ignored) {
      // fall through to the default
    }
    return p.getProperty("version", "dev");
  }

  static String usage() {
    return "Usage:\n"
        + "  " + JAR + " [serve] [--sandbox]        run the MCP stdio server (what an MCP host starts)\n"
        + "  " + JAR + " --http [HOST:]PORT [--sandbox]  serve MCP Streamable HTTP at /mcp (bearer tokens)\n"
        + "  " + JAR + " tools [--json]             list the tools (--json: the exact tools/list payload)\n"
        + "  " + JAR + " call <tool> [--arg k=v ...] [--json '{...}'] [--sandbox] [--text] [--out file]\n"
        + "                                         run one tool and print its structured result\n"
        + "  " + JAR + " --help | --version\n";
  }

  static String help() {
    return "ozon-mcp-tools " + version() + " — an MCP server for the Ozon Performance (advertising) API.\n\n"
        + usage()
        + "\nOptions:\n"
        + "  --sandbox        use an embedded fake Ozon API on a free loopback port with demo data and credentials\n"
        + "  --arg key=value  a tool argument; the value is JSON if it parses (42, true, [\"1\",\"2\"]), else a string\n"
        + "  --json '{...}'   (call) all arguments as one JSON object; --arg values override it\n"
        + "  --text           (call) also print the tool's text rendering on stderr\n"
        + "  --out file       (call get_statistics_report / download_report) write the complete report to file,\n"
        + "                   CSV (or JSON when the name ends in .json), atomically\n"
        + "  --toolsets a,b   toolsets to serve: " + String.join(", ", ToolSelection.TOOLSETS) + "\n"
        + "                   (default: default, the curated tools; `call` reaches all)\n"
        + "  --tools +x,-y    add (+x or x) or remove (-y) single tools after the toolsets\n"
        + "  --read-only      no write tool at all, whatever else says\n"
        + "  --http [HOST:]PORT  serve MCP Streamable HTTP at /mcp instead of stdio (host default 127.0.0.1;\n"
        + "                   OZON_MCP_HTTP); callers need Authorization: Bearer <OZON_MCP_HTTP_TOKEN>\n"
        + "  --dynamic-toolsets  start with the selection plus list_toolsets/enable_toolset; the model enables\n"
        + "                   more toolsets as it needs them (OZON_MCP_DYNAMIC_TOOLSETS=true)\n"
        + "\nEnvironment (explicit values beat the environment; the environment beats defaults):\n"
        + "  OZON_CLIENT_ID         service-account client id (…@advertising.performance.ozon.ru); no default\n"
        + "  OZON_CLIENT_SECRET     service-account secret; no default\n"
        + "  OAUTH_CLIENT_ID, OAUTH_CLIENT_SECRET   fallbacks for the two above\n"
        + "  OZON_API_URL           default https://api-performance.ozon.ru (plain http only on loopback)\n"
        + "  OZON_TOKEN_URL         default <OZON_API_URL>/api/client/token\n"
        + "  OZON_TOKEN_FORMAT      json (default) or form\n"
        + "  OZON_MCP_ENABLE_WRITES true registers activate_campaign, deactivate_campaign, update_campaign,\n"
        + "                         set_product_bids (each defaults to dryRun=true); default false\n"
        + "  OZON_TOKEN_CACHE_DIR   directory to keep the access token across restarts; default: not kept\n"
        + "  OZON_MCP_ACCOUNTS_FILE JSON file of Ozon accounts by alias (secrets as env:NAME / file:/path); tools\n"
        + "                         then take an optional `account` argument, and list_accounts appears\n"
        + "  OZON_MCP_HTTP_TOKEN    (--http) the bearer token callers send, giving every account (16+ chars)\n"
        + "  OZON_MCP_ACCESS_FILE   (--http) principals: token SHA-256 (or env:/file: reference) -> accounts\n"
        + "  OZON_MCP_HTTP_ORIGINS  (--http) browser origins allowed besides loopback ones, comma-separated\n"
        + "  OZON_MCP_TOOLSETS      like --toolsets; OZON_MCP_TOOLS like --tools; OZON_MCP_READ_ONLY=true like\n"
        + "                         --read-only (the command line wins)\n"
        + "\nMCP host configuration (Claude Desktop / Cursor: mcpServers; VS Code: servers):\n"
        + "  {\"mcpServers\": {\"ozon-performance\": {\"command\": \"java\",\n"
        + "    \"args\": [\"-jar\", \"/path/to/ozon-mcp-tools.jar\"],\n"
        + "    \"env\": {\"OZON_CLIENT_ID\": \"…\", \"OZON_CLIENT_SECRET\": \"…\"}}}}\n"
        + "\nExit codes: 0 success · 1 the tool returned an error (message on stderr) · 2 usage or configuration"
        + " error\n";
  }
}
