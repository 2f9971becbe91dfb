package io.github.ozonperf.mcp.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

/** Serve mode over in-memory stdin/stdout: start-up must not wait for the token. */
class ServeTest {
  @StartStop
  final MockWebServer ozon = new MockWebServer();

  @Test
  void initializeIsAnsweredWhileTheStartupTokenFetchIsStillRunning() throws Exception {
    CountDownLatch tokenMayAnswer = new CountDownLatch(1);
    CountDownLatch tokenAsked = new CountDownLatch(1);
    AtomicInteger tokenRequests = new AtomicInteger();
    java.util.concurrent.atomic.AtomicBoolean tokenAnswered = new java.util.concurrent.atomic.AtomicBoolean();
    ozon.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
        if (request.getUrl().encodedPath().equals("/api/client/token")) {
          tokenRequests.incrementAndGet();
          tokenAsked.countDown();
          tokenMayAnswer.await(30, TimeUnit.SECONDS);
          tokenAnswered.set(true);
          return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
              .body("{\"access_token\":\"t-1\",\"expires_in\":1800,\"token_type\":\"Bearer\"}").build();
        }
        return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
            .body("{\"list\":[{\"id\":\"7\",\"title\":\"x\",\"state\":\"CAMPAIGN_STATE_RUNNING\"}]}").build();
      }
    });
    Pipe stdin = new Pipe();
    Pipe stdout = new Pipe();
    CountDownLatch stopped = new CountDownLatch(1);
    Map<String, String> env = Map.of("OZON_CLIENT_ID", "1-1@advertising.performance.ozon.ru",
        "OZON_CLIENT_SECRET", "s", "OZON_API_URL", ozon.url("/").toString().replaceAll("/$", ""));
    try (PrintStream out = new PrintStream(stdout.sink, true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(java.io.OutputStream.nullOutputStream())) {
      assertEquals(Cli.SERVING, new Cli(env, stdin.source, out, err, false, false, exit -> stopped.countDown()).run(new String[0]));
      BufferedReader lines = new BufferedReader(new InputStreamReader(stdout.source, StandardCharsets.UTF_8));
      assertTrue(tokenAsked.await(30, TimeUnit.SECONDS), "the token is fetched at start-up");

      send(stdin, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":"
          + "\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}");
      JsonObject init = JsonParser.parseString(lines.readLine()).getAsJsonObject();
      assertEquals(1, init.get("id").getAsInt());
      assertEquals("ozon-mcp-tools", init.getAsJsonObject("result").getAsJsonObject("serverInfo").get("name")
          .getAsString());
      assertEquals(false, tokenAnswered.get(), "initialize must be answered while the token request is pending");

      tokenMayAnswer.countDown();
      send(stdin, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
      send(stdin, "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\",\"params\":{\"name\":\"list_campaigns\","
          + "\"arguments\":{\"page\":1}}}");
      JsonObject call = JsonParser.parseString(lines.readLine()).getAsJsonObject();
      assertEquals(2, call.get("id").getAsInt());
      assertEquals(false, call.getAsJsonObject("result").get("isError").getAsBoolean(), call.toString());
      assertEquals(1, tokenRequests.get(), "the call reused the start-up token");
      stdin.sink.close();
      assertTrue(stopped.await(30, TimeUnit.SECONDS));
    }
  }

  private static void send(Pipe stdin, String line) throws Exception {
    stdin.sink.write((line + "\n").getBytes(StandardCharsets.UTF_8));
  }
}
