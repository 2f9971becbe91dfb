package io.github.ozonperf.mcp.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.ozonperf.auth.ConfigurationException;
import io.github.ozonperf.sandbox.OzonSandbox;
import io.github.ozonperf.sandbox.SandboxCampaign;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** OZON_MCP_ACCOUNTS_FILE: its checks, and many accounts in one stdio server. */
class AccountsTest {
  private static final String SECRET = "s3cr3t-value-never-shown";

  @TempDir
  Path dir;

  private Path write(String json) throws Exception {
    Path f = dir.resolve("accounts.json");
    Files.writeString(f, json);
    return f;
  }

  @Test
  void anInlineSecretIsRefusedWithoutBeingRepeated() throws Exception {
    Path f = write("{\"accounts\":{\"a\":{\"clientId\":\"1@x\",\"clientSecret\":\"" + SECRET + "\"}}}");
    ConfigurationException e = assertThrows(ConfigurationException.class, () -> AccountsFile.load(f, Map.of(), true));
    assertTrue(e.getMessage().contains("OZON_MCP_ACCOUNTS_FILE=" + f), e.getMessage());
    assertTrue(e.getMessage().contains("account \"a\": clientSecret must be a reference"), e.getMessage());
    assertFalse(e.getMessage().contains(SECRET));
  }

  @Test
  void aMissingVariableIsNamed() throws Exception {
    Path f = write("{\"accounts\":{\"a\":{\"clientId\":\"1@x\",\"clientSecret\":\"env:A_SECRET\"}}}");
    ConfigurationException e = assertThrows(ConfigurationException.class, () -> AccountsFile.load(f, Map.of(), true));
    assertTrue(e.getMessage().contains("account \"a\": clientSecret: the environment variable A_SECRET is not set"),
        e.getMessage());
  }

  @Test
  void secretsComeFromVariablesAndFiles() throws Exception {
    Path secret = dir.resolve("b.secret");
    Files.writeString(secret, SECRET + "\n");
    Path f = write("{\"default\":\"b\",\"accounts\":{\"a\":{\"clientId\":\"env:A_ID\",\"clientSecret\":\"env:A_S\"},"
        + "\"b\":{\"clientId\":\"2@x\",\"clientSecret\":\"file:" + secret + "\",\"apiUrl\":\"http://127.0.0.1:1\"}}}");
    AccountsFile file = AccountsFile.load(f, Map.of("A_ID", "1@x", "A_S", "sa"), true);
    assertEquals(java.util.List.of("a", "b"), file.aliases());
    assertEquals("b", file.defaultAlias);
    assertEquals(SECRET, file.accounts.get(1).credentials().clientSecret());
    assertEquals("http://127.0.0.1:1", file.accounts.get(1).environment().get("OZON_API_URL"));
    assertFalse(file.accounts.get(1).toString().contains(SECRET));
  }

  @Test
  void unknownKeysAndDefaultsAreRefused() throws Exception {
    Path f = write("{\"default\":\"zz\",\"accounts\":{\"a\":{\"clientId\":\"1@x\",\"clientSecret\":\"env:S\"}}}");
    assertTrue(assertThrows(ConfigurationException.class, () -> AccountsFile.load(f, Map.of("S", "x"), true))
        .getMessage().contains("\"default\" is \"zz\", which is not one of the accounts"));
    Path g = write("{\"accounts\":{\"a\":{\"clientId\":\"1@x\",\"clientSecret\":\"env:S\",\"secret\":\"x\"}}}");
    assertTrue(assertThrows(ConfigurationException.class, () -> AccountsFile.load(g, Map.of("S", "x"), true))
        .getMessage().contains("unknown key \"secret\""));
  }

  @Test
  void oneStdioServerServesSeveralAccountsWithOneTokenEach() throws Exception {
    try (OzonSandbox a = OzonSandbox.builder().seed(1).clientId("a@advertising.performance.ozon.ru").start();
        OzonSandbox b = OzonSandbox.builder().seed(2).clientId("b@advertising.performance.ozon.ru")
            .clientSecret("other").start()) {
      Path f = write("{\"default\":\"shop-a\",\"accounts\":{"
          + "\"shop-a\":{\"clientId\":\"" + a.clientId() + "\",\"clientSecret\":\"env:A_SECRET\",\"apiUrl\":\""
          + a.baseUrl() + "\"},"
          + "\"shop-b\":{\"clientId\":\"env:B_ID\",\"clientSecret\":\"env:B_SECRET\",\"apiUrl\":\"" + b.baseUrl()
          + "\"}}}");
      Map<String, String> env = new HashMap<>();
      env.put("OZON_MCP_ACCOUNTS_FILE", f.toString());
      env.put("A_SECRET", a.clientSecret());
      env.put("B_ID", b.clientId());
      env.put("B_SECRET", b.clientSecret());
      Pipe stdin = new Pipe();
      Pipe stdout = new Pipe();
      CountDownLatch stopped = new CountDownLatch(1);
      try (PrintStream out = new PrintStream(stdout.sink, true, StandardCharsets.UTF_8);
          PrintStream err = new PrintStream(java.io.OutputStream.nullOutputStream());
          PipeClient client = new PipeClient(stdin.sink, stdout.source, null)) {
        assertEquals(Cli.SERVING, new Cli(env, stdin.source, out, err, false, false, x -> stopped.countDown())
            .run(new String[0]));
        client.initialize("1");
        JsonArray tools = client.request("tools/list", new JsonObject(), Duration.ofSeconds(30)).getAsJsonArray("tools");
        Set<String> names = new HashSet<>();
        for (JsonElement t : tools) {
          JsonObject tool = t.getAsJsonObject();
          names.add(tool.get("name").getAsString());
          if (tool.get("name").getAsString().equals("list_campaigns")) {
            assertTrue(tool.getAsJsonObject("inputSchema").getAsJsonObject("properties").has("account"));
            assertTrue(tool.getAsJsonObject("outputSchema").toString().contains("\"forbidden\""));
          }
        }
        assertTrue(names.contains("list_accounts"), names.toString());

        JsonObject accounts = call(client, "list_accounts", new JsonObject());
        assertEquals("[{\"alias\":\"shop-a\",\"default\":true},{\"alias\":\"shop-b\",\"default\":false}]",
            accounts.getAsJsonObject("structuredContent").get("accounts").toString());

        for (int i = 0; i < 3; i++) {
          assertEquals(ids(a), ids(call(client, "list_campaigns", args(null))));
          assertEquals(ids(a), ids(call(client, "list_campaigns", args("shop-a"))));
          assertEquals(ids(b), ids(call(client, "list_campaigns", args("shop-b"))));
        }
        assertEquals(1, a.tokenRequests());
        assertEquals(1, b.tokenRequests());

        JsonObject denied = call(client, "list_campaigns", args("shop-c"));
        assertTrue(denied.get("isError").getAsBoolean());
        JsonObject envelope = denied.getAsJsonObject("structuredContent");
        assertEquals("forbidden", envelope.get("type").getAsString());
        assertEquals("account 'shop-c' is not available to you; call list_accounts for the accounts you may use",
            envelope.get("message").getAsString());
        stdin.sink.close();
        assertTrue(stopped.await(30, TimeUnit.SECONDS));
      }
    }
  }

  private static JsonObject args(String account) {
    JsonObject o = new JsonObject();
    o.addProperty("limit", 100);
    if (account != null) {
      o.addProperty("account", account);
    }
    return o;
  }

  private static JsonObject call(PipeClient client, String tool, JsonObject arguments) throws Exception {
    JsonObject p = new JsonObject();
    p.addProperty("name", tool);
    p.add("arguments", arguments);
    return client.request("tools/call", p, Duration.ofSeconds(60));
  }

  private static Set<String> ids(OzonSandbox sandbox) {
    Set<String> ids = new HashSet<>();
    for (SandboxCampaign c : sandbox.data().campaigns()) {
      ids.add(c.id());
    }
    return ids;
  }

  private static Set<String> ids(JsonObject callResult) {
    assertFalse(callResult.get("isError").getAsBoolean(), callResult.toString());
    Set<String> ids = new HashSet<>();
    for (JsonElement c : callResult.getAsJsonObject("structuredContent").getAsJsonArray("campaigns")) {
      ids.add(c.getAsJsonObject().get("id").getAsString());
    }
    return ids;
  }
}
