package io.github.ozonperf.mcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The HTTP server's refusals, each one leaking nothing: no token, a wrong token, a token for account A used on B,
 * a foreign Origin, an oversized body, a session id used by another principal, too many sessions, too many
 * requests, and a public bind without tokens. Two accounts (each its own embedded sandbox) and three principals.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class McpHttpSecurityIT {
  static final String ALICE = "alice-token-6b1f0e8d2c4a9b7e";   // north-shop only, by SHA-256 in the file
  static final String BOB = "bob-token-93e1c5a7f0d2b4c6";       // south-shop only, by env: reference
  static final String CAROL = "carol-token-0a9b8c7d6e5f4a3b";   // every account, by file: reference
  static final String DAVE = "dave-token-5e4f3a2b1c0d9e8f";     // north-shop, by env: reference (session limit)
  static final String INIT = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":"
      + "\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"raw\",\"version\":\"1\"}}}";

  Path dir;
  McpHttpProcess server;
  final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  /** Every body and header the server sent back, swept for secrets at the end. */
  final List<String> answers = new CopyOnWriteArrayList<>();

  @BeforeAll
  void start() throws Exception {
    dir = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "mcp-http-security");
    Path accounts = dir.resolve("accounts.json");
    Files.writeString(accounts, "{\"default\":\"north-shop\",\"accounts\":{"
        + "\"north-shop\":{\"clientId\":\"env:NORTH_ID\",\"clientSecret\":\"env:NORTH_SECRET\"},"
        + "\"south-shop\":{\"clientId\":\"env:SOUTH_ID\",\"clientSecret\":\"file:/nonexistent/south\"}}}");
    Path carolToken = dir.resolve("carol.token");
    Files.writeString(carolToken, CAROL + "\n");
    Path access = dir.resolve("access.json");
    Files.writeString(access, "{\"principals\":{"
        + "\"alice\":{\"tokenSha256\":\"" + sha256(ALICE) + "\",\"accounts\":[\"north-shop\"]},"
        + "\"bob\":{\"token\":\"env:BOB_TOKEN\",\"accounts\":[\"south-shop\"]},"
        + "\"carol\":{\"token\":\"file:" + carolToken + "\",\"accounts\":\"*\"},"
        + "\"dave\":{\"token\":\"env:DAVE_TOKEN\",\"accounts\":[\"north-shop\"]}}}");
    server = new McpHttpProcess(Map.of("OZON_MCP_ACCOUNTS_FILE", accounts.toString(),
        "OZON_MCP_ACCESS_FILE", access.toString(), "BOB_TOKEN", BOB, "DAVE_TOKEN", DAVE,
        "OZON_MCP_HTTP_MAX_SESSIONS", "3", "OZON_MCP_HTTP_MAX_BODY_BYTES", "65536"), ALICE, List.of("--sandbox"));
  }

  @AfterAll
  void stop() throws Exception {
    if (server != null) {
      server.close();
    }
    try (var files = Files.walk(dir)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
    }
  }

  HttpResponse<String> post(String token, String sessionId, String origin, String body) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.url))
        .timeout(Duration.ofSeconds(30))
        .header("Content-Type", "application/json")
        .header("Accept", "application/json, text/event-stream")
        .POST(HttpRequest.BodyPublishers.ofString(body));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    if (sessionId != null) {
      b.header("Mcp-Session-Id", sessionId);
    }
    if (origin != null) {
      b.header("Origin", origin);
    }
    HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    answers.add(r.headers().map() + "\n" + r.body());
    return r;
  }

  static JsonObject error(HttpResponse<String> r) {
    return JsonParser.parseString(r.body()).getAsJsonObject().getAsJsonObject("error");
  }

  @Test
  @Order(1)
  void noTokenIs401WithWwwAuthenticate() throws Exception {
    HttpResponse<String> r = post(null, null, null, INIT);
    assertEquals(401, r.statusCode());
    assertEquals("Bearer realm=\"ozon-mcp\"", r.headers().firstValue("WWW-Authenticate").orElse(null));
    assertTrue(error(r).get("message").getAsString().contains("Authorization: Bearer"), r.body());
    assertTrue(r.headers().firstValue("Mcp-Session-Id").isEmpty());
  }

  @Test
  @Order(2)
  void wrongTokenIs401InvalidToken() throws Exception {
    HttpResponse<String> r = post(ALICE + "x", null, null, INIT);
    assertEquals(401, r.statusCode());
    assertTrue(r.headers().firstValue("WWW-Authenticate").orElse("").contains("error=\"invalid_token\""));
    assertEquals("invalid bearer token", error(r).get("message").getAsString());
  }

  @Test
  @Order(3)
  void aForeignOriginIs403EvenWithAGoodTokenAndLoopbackOriginsPass() throws Exception {
    HttpResponse<String> r = post(ALICE, null, "http://evil.example", INIT);
    assertEquals(403, r.statusCode());
    assertTrue(error(r).get("message").getAsString().contains("Origin"), r.body());
    HttpResponse<String> ok = post(ALICE, null, "http://localhost:6274", INIT);
    assertEquals(200, ok.statusCode(), ok.body());
    deleteSession(ALICE, ok.headers().firstValue("Mcp-Session-Id").orElseThrow());
  }

  @Test
  @Order(4)
  void anOversizedBodyIs413() throws Exception {
    // Raw HTTP: the headers announce 70,000 bytes and the body is held back, so the answer cannot race the server
    // closing a connection the client is still writing to (and JDK 17's HttpClient hangs on Expect: 100-continue).
    URI uri = URI.create(server.url);
    try (java.net.Socket socket = new java.net.Socket(uri.getHost(), uri.getPort())) {
      socket.setSoTimeout(30_000);
      socket.getOutputStream().write(("POST /mcp HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort()
          + "\r\nAuthorization: Bearer " + ALICE + "\r\nContent-Type: application/json\r\n"
          + "Accept: application/json, text/event-stream\r\nContent-Length: 70000\r\n\r\n")
          .getBytes(StandardCharsets.US_ASCII));
      socket.getOutputStream().flush();
      java.io.BufferedReader in = new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(),
          StandardCharsets.UTF_8));
      String status = in.readLine();
      StringBuilder rest = new StringBuilder();
      String line;
      while ((line = in.readLine()) != null && !line.startsWith("{")) {
        rest.append(line).append('\n');
      }
      answers.add(status + "\n" + rest + line);
      assertEquals("HTTP/1.1 413 Payload Too Large", status);
      assertNotNull(line, "a JSON body follows");
      assertTrue(line.contains("request body larger than 65536 bytes"), line);
    }
  }

  @Test
  @Order(5)
  void aSessionIdIsNoCredentialAndAnotherPrincipalCannotReuseIt() throws Exception {
    HttpResponse<String> init = post(ALICE, null, null, INIT);
    String sid = init.headers().firstValue("Mcp-Session-Id").orElseThrow();
    assertTrue(sid.length() >= 32, sid);
    post(ALICE, sid, null, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
    String list = "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}";
    HttpResponse<String> bob = post(BOB, sid, null, list);
    assertEquals(404, bob.statusCode());
    assertTrue(error(bob).get("message").getAsString().startsWith("session not found"), bob.body());
    HttpResponse<String> none = post(null, sid, null, list);
    assertEquals(401, none.statusCode(), "a session id without the token is nothing");
    HttpResponse<String> alice = post(ALICE, sid, null, list);
    assertEquals(200, alice.statusCode());
    assertTrue(alice.body().contains("list_accounts"), alice.body());
    deleteSession(ALICE, sid);
    assertEquals(404, post(ALICE, sid, null, list).statusCode(), "an ended session stays ended");
  }

  @Test
  @Order(6)
  void aTokenForAccountAUsedOnBIsForbiddenNamingNoOtherAccount() throws Exception {
    McpSyncClient bob = server.newClient(BOB);
    bob.initialize();
    McpSchema.CallToolResult own = bob.callTool(new McpSchema.CallToolRequest("list_accounts", Map.of()));
    assertEquals("{\"accounts\":[{\"alias\":\"south-shop\",\"default\":true}],\"default\":\"south-shop\"}",
        McpHttpProcess.json(own.structuredContent()));
    McpSchema.CallToolResult denied = bob.callTool(new McpSchema.CallToolRequest("list_campaigns",
        Map.of("account", "north-shop", "limit", 1)));
    assertTrue(denied.isError());
    String envelope = McpHttpProcess.json(denied.structuredContent());
    assertTrue(envelope.contains("\"type\":\"forbidden\""), envelope);
    assertTrue(envelope.contains("account 'north-shop' is not available to you"), envelope);
    assertFalse(envelope.contains("south-shop"), envelope);
    McpSchema.CallToolResult unknown = bob.callTool(new McpSchema.CallToolRequest("list_campaigns",
        Map.of("account", "west-shop", "limit", 1)));
    assertEquals(McpHttpProcess.json(denied.structuredContent()).replace("north-shop", "west-shop"),
        McpHttpProcess.json(unknown.structuredContent()), "unknown and not granted look the same");

    McpSyncClient carol = server.newClient(CAROL);
    carol.initialize();
    String north = McpHttpProcess.json(carol.callTool(new McpSchema.CallToolRequest("list_campaigns",
        Map.of("account", "north-shop", "limit", 1))).structuredContent());
    assertTrue(north.contains("\"campaigns\""), north);
    bob.close();
    carol.close();
  }

  @Test
  @Order(7)
  void atItsSessionLimitAPrincipalsOldestIdleSessionMakesRoom() throws Exception {
    List<String> sids = new java.util.ArrayList<>();
    for (int i = 0; i < 4; i++) {
      HttpResponse<String> r = post(DAVE, null, null, INIT);
      assertEquals(200, r.statusCode(), r.body());
      sids.add(r.headers().firstValue("Mcp-Session-Id").orElseThrow());
    }
    String list = "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}";
    HttpResponse<String> oldest = post(DAVE, sids.get(0), null, list);
    assertEquals(404, oldest.statusCode(), "the least recently used of the 3 allowed made room for the 4th");
    assertTrue(error(oldest).get("message").getAsString().contains("initialize again"), oldest.body());
    assertEquals(200, post(DAVE, sids.get(3), null, list).statusCode());
    deleteSession(DAVE, sids.get(3));
  }

  void deleteSession(String token, String sid) throws Exception {
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(server.url)).timeout(Duration.ofSeconds(30)).DELETE()
        .header("Authorization", "Bearer " + token).header("Mcp-Session-Id", sid).build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals(200, r.statusCode(), r.body());
  }

  @Test
  @Order(8)
  void tooManyRequestsIs429WithRetryAfter() throws Exception {
    try (McpHttpProcess limited = new McpHttpProcess(Map.of("OZON_MCP_HTTP_RATE_LIMIT", "3"), "--sandbox")) {
      int[] codes = new int[5];
      for (int i = 0; i < codes.length; i++) {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(limited.url)).timeout(Duration.ofSeconds(30))
            .header("Authorization", "Bearer " + McpHttpProcess.TOKEN)
            .header("Accept", "application/json, text/event-stream").header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(INIT)).build(), HttpResponse.BodyHandlers.ofString());
        codes[i] = r.statusCode();
        answers.add(r.headers().map() + "\n" + r.body());
        if (r.statusCode() == 429) {
          assertNotNull(r.headers().firstValue("Retry-After").orElse(null));
          assertTrue(error(r).get("message").getAsString().contains("at most 3 requests a minute"), r.body());
        }
      }
      assertEquals("[200, 200, 200, 429, 429]", java.util.Arrays.toString(codes));
      assertFalse(limited.stderr().contains(McpHttpProcess.TOKEN));
    }
  }

  @Test
  @Order(9)
  void aPublicBindWithoutTokensRefusesToStartWithExit2() throws Exception {
    try (McpProcess p = new McpProcess(Map.of(), "--sandbox", "--http", "0.0.0.0:0")) {
      assertTrue(p.process.waitFor(30, TimeUnit.SECONDS));
      assertEquals(2, p.process.exitValue());
      String err = p.closeAndWaitStderr();
      assertTrue(err.contains("refusing to serve a non-loopback address without authentication")
          && err.contains("OZON_MCP_HTTP_TOKEN"), err);
    }
  }

  @Test
  @Order(99)
  void nothingSentBackOrLoggedCarriesATokenOrSecret() {
    String stderr = server.stderr();
    String all = String.join("\n", answers) + "\n" + stderr + String.join("\n", server.stdoutLines);
    for (String secret : List.of(ALICE, BOB, CAROL, DAVE, sha256(ALICE), sha256(BOB), "demo-secret")) {
      assertFalse(all.contains(secret), "leaked: " + secret.substring(0, 6) + "…");
    }
    for (String answer : answers) {
      assertFalse(answer.contains("alice") || answer.contains("carol") || answer.contains("bob")
          || answer.contains("dave"),
          "a refusal names a principal: " + answer);
      assertFalse(answer.contains("Exception") || answer.contains("at io.github"), answer);
    }
    assertTrue(stderr.contains("401: unknown bearer token sha256:"), stderr);
  }

  static String sha256(String s) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
