package io.github.ozonperf.mcp.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Serve mode's start and end now that the backend is built after the handshake: the exit code and the one line
 * on stderr when the configuration turns out bad, and a clean exit 0 when stdin ends first.
 */
class ServeLifecycleTest {
  private static final String INITIALIZE = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":"
      + "{\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}";
  private static final String INITIALIZED = "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}";
  private static final String TOOLS_LIST = "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}";

  /** The serve-mode timer, run by hand. */
  static final class ManualScheduler implements ServeLifecycle.Scheduler {
    final List<Runnable> pending = new CopyOnWriteArrayList<>();

    @Override
    public void schedule(Runnable task, java.time.Duration delay) {
      pending.add(task);
    }

    void fireAll() {
      List<Runnable> due = List.copyOf(pending);
      pending.clear();
      due.forEach(Runnable::run);
    }
  }

  private record Session(Pipe stdin, BufferedReader stdout, ByteArrayOutputStream err, List<Integer> exits,
      CompletableFuture<Integer> exited, ManualScheduler timer, List<String> writtenBeforeExit) {
    void send(String line) throws Exception {
      stdin.sink.write((line + "\n").getBytes(StandardCharsets.UTF_8));
    }

    JsonObject answer() throws Exception {
      return JsonParser.parseString(stdout.readLine()).getAsJsonObject();
    }
  }

  private static Session serve(Map<String, String> env, String... args) {
    Pipe stdin = new Pipe();
    Pipe stdout = new Pipe();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    List<Integer> exits = new CopyOnWriteArrayList<>();
    CompletableFuture<Integer> exited = new CompletableFuture<>();
    ManualScheduler timer = new ManualScheduler();
    List<String> written = new CopyOnWriteArrayList<>();
    java.io.OutputStream recording = new java.io.FilterOutputStream(stdout.sink) {
      @Override
      public void write(byte[] b, int off, int len) throws java.io.IOException {
        written.add(new String(b, off, len, StandardCharsets.UTF_8));
        out.write(b, off, len);
      }
    };
    List<String> writtenBeforeExit = new CopyOnWriteArrayList<>();
    Cli cli = new Cli(env, stdin.source, new PrintStream(recording, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), false, false, code -> {
          writtenBeforeExit.addAll(written);
          exits.add(code);
          exited.complete(code);
        }, timer, false);
    assertEquals(Cli.SERVING, cli.run(args));
    return new Session(stdin, new BufferedReader(new InputStreamReader(stdout.source, StandardCharsets.UTF_8)), err,
        exits, exited, timer, writtenBeforeExit);
  }

  /** Waits for serve mode's end-of-input thread, so that "exactly one exit" is checked after everything ran. */
  private static void awaitShutdownThread() throws InterruptedException {
    for (Thread t : Thread.getAllStackTraces().keySet()) {
      if (t.getName().equals("ozon-mcp-shutdown")) {
        t.join(30_000);
      }
    }
  }

  @Test
  void anInvalidApiUrlEndsTheServerWithExit2AndOneLineNamingTheVariableOnceToolsAreListed() throws Exception {
    Session s = serve(Map.of("OZON_CLIENT_ID", "1-1@advertising.performance.ozon.ru", "OZON_CLIENT_SECRET", "s",
        "OZON_API_URL", "ftp://api-performance.ozon.ru"));
    s.send(INITIALIZE);
    assertEquals(1, s.answer().get("id").getAsInt(), "the handshake does not wait for the backend");
    s.send(INITIALIZED);
    s.send(TOOLS_LIST);
    assertEquals(2, s.answer().get("id").getAsInt());
    assertEquals(2, s.exited().get(30, TimeUnit.SECONDS));
    s.stdin().sink.close();
    awaitShutdownThread();
    assertEquals(List.of(2), s.exits(), "exactly one exit, with the configuration error's code");
    String err = s.err().toString(StandardCharsets.UTF_8).strip();
    assertEquals(1, err.lines().count(), err);
    assertTrue(err.contains("OZON_API_URL") && err.contains("ftp://api-performance.ozon.ru"), err);
  }

  @Test
  void stdinEndingWhileABadBackendIsBuiltStillExits2() throws Exception {
    Session s = serve(Map.of("OZON_CLIENT_ID", "1-1@advertising.performance.ozon.ru", "OZON_CLIENT_SECRET", "s",
        "OZON_API_URL", "http://192.0.2.1"));
    s.send(INITIALIZE);
    s.answer();
    s.send(INITIALIZED);
    s.send(TOOLS_LIST);
    s.stdin().sink.close(); // the host hangs up right after listing the tools
    assertEquals(2, s.exited().get(30, TimeUnit.SECONDS));
    awaitShutdownThread();
    assertEquals(List.of(2), s.exits());
    assertTrue(s.err().toString(StandardCharsets.UTF_8).contains("OZON_API_URL: plain http is refused"),
        s.err().toString(StandardCharsets.UTF_8));
  }

  @Test
  void stdinEndingBeforeTheBackendStartedExits0WithoutStartingIt() throws Exception {
    Session s = serve(Map.of(), "--sandbox");
    s.stdin().sink.close();
    assertEquals(0, s.exited().get(30, TimeUnit.SECONDS));
    s.timer().fireAll(); // the backend timer comes due after the end of input
    awaitShutdownThread();
    assertEquals(List.of(0), s.exits());
    assertFalse(s.err().toString(StandardCharsets.UTF_8).contains("embedded fake Ozon API"),
        "the sandbox must not start after the end of input: " + s.err());
  }

  @Test
  void aConfigurationErrorAnswersThePendingToolCallBeforeTheServerExits2() throws Exception {
    Session s = serve(Map.of("OZON_CLIENT_ID", "1-1@advertising.performance.ozon.ru", "OZON_CLIENT_SECRET", "s",
        "OZON_API_URL", "ftp://api-performance.ozon.ru"));
    s.send(INITIALIZE);
    s.answer();
    s.send(INITIALIZED);
    s.send("{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/call\",\"params\":{\"name\":\"list_campaigns\","
        + "\"arguments\":{}}}");
    assertEquals(2, s.exited().get(30, TimeUnit.SECONDS));
    String before = String.join("", s.writtenBeforeExit());
    assertTrue(before.contains("\"id\":3"), "the call was answered before the exit: " + before);
    JsonObject call = s.answer();
    assertEquals(3, call.get("id").getAsInt());
    assertTrue(call.getAsJsonObject("result").get("isError").getAsBoolean(), call.toString());
    assertTrue(call.toString().contains("OZON_API_URL"), call.toString());
  }

  @Test
  void theBackendTimerBuildsTheBackendWithoutAnyToolCall() throws Exception {
    Session s = serve(Map.of(), "--sandbox");
    s.send(INITIALIZE);
    s.answer();
    s.timer().fireAll();
    s.send(INITIALIZED);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!s.err().toString(StandardCharsets.UTF_8).contains("embedded fake Ozon API")
        && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertTrue(s.err().toString(StandardCharsets.UTF_8).contains("embedded fake Ozon API"), s.err().toString());
    s.stdin().sink.close();
    assertEquals(0, s.exited().get(30, TimeUnit.SECONDS));
  }

  @Test
  void aToolCallBuildsTheBackendAndStdinEndClosesItWithExit0() throws Exception {
    Session s = serve(Map.of(), "--sandbox");
    s.send(INITIALIZE);
    s.answer();
    s.send(INITIALIZED);
    s.send("{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/call\",\"params\":{\"name\":\"list_campaigns\","
        + "\"arguments\":{\"limit\":1}}}");
    JsonObject call = s.answer();
    assertFalse(call.getAsJsonObject("result").get("isError").getAsBoolean(), call.toString());
    s.stdin().sink.close();
    assertEquals(0, s.exited().get(30, TimeUnit.SECONDS));
    assertEquals(List.of(0), s.exits());
  }
}
