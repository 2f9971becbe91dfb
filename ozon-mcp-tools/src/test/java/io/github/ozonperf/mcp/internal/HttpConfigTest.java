package io.github.ozonperf.mcp.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.ozonperf.auth.ConfigurationException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --http's address, tokens and access file: checked before anything starts, errors say what to fix. */
class HttpConfigTest {
  static final String TOKEN = "a-token-of-32-characters-0123456";
  static final List<String> ACCOUNTS = List.of("shop-a", "shop-b");

  @TempDir
  Path dir;

  static String message(Runnable r) {
    return assertThrows(ConfigurationException.class, r::run).getMessage();
  }

  @Test
  void aBarePortBindsLoopback() {
    HttpConfig c = HttpConfig.read("8931", Map.of(), ACCOUNTS);
    assertEquals("127.0.0.1", c.host);
    assertEquals(8931, c.port);
    assertTrue(c.loopback);
    assertFalse(c.authenticates(), "loopback may run without tokens");
    assertTrue(HttpConfig.read("[::1]:0", Map.of(), ACCOUNTS).loopback);
  }

  @Test
  void aPublicAddressNeedsATokenAndBadAddressesAreNamed() {
    assertTrue(message(() -> HttpConfig.read("0.0.0.0:8931", Map.of(), ACCOUNTS))
        .contains("refusing to serve a non-loopback address without authentication"));
    assertTrue(HttpConfig.read("0.0.0.0:8931", Map.of("OZON_MCP_HTTP_TOKEN", TOKEN), ACCOUNTS).authenticates());
    assertTrue(message(() -> HttpConfig.read("host:port", Map.of(), ACCOUNTS)).contains("expected [HOST:]PORT"));
    assertTrue(message(() -> HttpConfig.read("70000", Map.of(), ACCOUNTS)).contains("port 0-65535"));
  }

  @Test
  void aShortTokenIsRefusedWithoutBeingShown() {
    String m = message(() -> HttpConfig.read("0", Map.of("OZON_MCP_HTTP_TOKEN", "short-secret"), ACCOUNTS));
    assertTrue(m.startsWith("OZON_MCP_HTTP_TOKEN: the token is shorter than 16 characters"), m);
    assertFalse(m.contains("short-secret"));
  }

  @Test
  void theAccessFileKeepsOnlyHashesAndChecksGrants() throws Exception {
    Path f = dir.resolve("access.json");
    Files.writeString(f, "{\"principals\":{\"alice\":{\"tokenSha256\":\"" + "ab".repeat(32) + "\",\"accounts\":"
        + "[\"shop-a\"]},\"ci\":{\"token\":\"env:CI_TOKEN\",\"accounts\":\"*\"}}}");
    HttpConfig c = HttpConfig.read("0", Map.of("OZON_MCP_ACCESS_FILE", f.toString(), "CI_TOKEN", TOKEN), ACCOUNTS);
    assertEquals(2, c.credentials.size());
    assertEquals(java.util.Set.of("shop-a"), c.credentials.get(0).principal().accounts());
    assertNull(c.credentials.get(1).principal().accounts(), "\"*\" is every account");
    assertFalse(c.credentials.toString().contains(TOKEN));

    Files.writeString(f, "{\"principals\":{\"alice\":{\"token\":\"" + TOKEN + "\",\"accounts\":\"*\"}}}");
    String inline = message(() -> HttpConfig.read("0", Map.of("OZON_MCP_ACCESS_FILE", f.toString()), ACCOUNTS));
    assertTrue(inline.contains("principal \"alice\": token must be a reference"), inline);
    assertFalse(inline.contains(TOKEN));

    Files.writeString(f, "{\"principals\":{\"alice\":{\"token\":\"env:T\",\"accounts\":[\"shop-z\"]}}}");
    assertTrue(message(() -> HttpConfig.read("0", Map.of("OZON_MCP_ACCESS_FILE", f.toString(), "T", TOKEN),
        ACCOUNTS)).contains("account \"shop-z\" is not configured (accounts: shop-a, shop-b)"));

    Files.writeString(f, "{\"principals\":{\"a\":{\"token\":\"env:T\",\"accounts\":\"*\"},"
        + "\"b\":{\"token\":\"env:T\",\"accounts\":\"*\"}}}");
    assertTrue(message(() -> HttpConfig.read("0", Map.of("OZON_MCP_ACCESS_FILE", f.toString(), "T", TOKEN),
        ACCOUNTS)).contains("two principals have the same token"));
  }

  @Test
  void httpOnlyWorksWhenServing() {
    assertTrue(assertThrows(Cli.UsageException.class, () -> Cli.parse(new String[] {"call", "list_campaigns",
        "--http", "8931"})).getMessage().contains("--http only works when serving"));
  }
}
