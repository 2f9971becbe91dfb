package io.github.ozonperf.mcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.ozonperf.sandbox.OzonSandbox;
import io.github.ozonperf.sandbox.SandboxCampaign;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * 20 concurrent HTTP sessions x 100 tool calls over 3 Ozon accounts (each its own sandbox: own client id, secret and
 * data), with three principals each granted one account and one granted all. Every call is answered, each account
 * fetched exactly one token for the whole soak, and no answer carries another account's campaign ids or SKUs.
 * Asserts counts only.
 */
class McpHttpSoakIT {
  static final int SESSIONS = 20;
  static final int CALLS = 100;
  static final String[] ALIASES = {"acc-0", "acc-1", "acc-2"};

  @Test
  void twentySessionsTimesHundredCallsOverThreeAccounts() throws Exception {
    List<OzonSandbox> sandboxes = new ArrayList<>();
    Path dir = Files.createTempDirectory("mcp-http-soak");
    try {
      Map<String, String> env = new HashMap<>();
      StringBuilder accounts = new StringBuilder("{\"accounts\":{");
      StringBuilder access = new StringBuilder("{\"principals\":{");
      for (int i = 0; i < 3; i++) {
        OzonSandbox s = OzonSandbox.builder().seed(1000 + 17 * i).clientId("soak-" + i + "@advertising.performance.ozon.ru")
            .clientSecret("soak-secret-" + i + "-9f8e7d").start();
        sandboxes.add(s);
        env.put("SOAK_SECRET_" + i, s.clientSecret());
        env.put("SOAK_TOKEN_" + i, token(i));
        accounts.append(i == 0 ? "" : ",").append("\"").append(ALIASES[i]).append("\":{\"clientId\":\"")
            .append(s.clientId()).append("\",\"clientSecret\":\"env:SOAK_SECRET_").append(i).append("\",\"apiUrl\":\"")
            .append(s.baseUrl()).append("\"}");
        access.append("\"p").append(i).append("\":{\"token\":\"env:SOAK_TOKEN_").append(i)
            .append("\",\"accounts\":[\"").append(ALIASES[i]).append("\"]},");
      }
      access.append("\"ops\":{\"token\":\"env:SOAK_TOKEN_3\",\"accounts\":\"*\"}}}");
      env.put("SOAK_TOKEN_3", token(3));
      accounts.append("}}");
      Files.writeString(dir.resolve("accounts.json"), accounts);
      Files.writeString(dir.resolve("access.json"), access);
      env.put("OZON_MCP_ACCOUNTS_FILE", dir.resolve("accounts.json").toString());
      env.put("OZON_MCP_ACCESS_FILE", dir.resolve("access.json").toString());
      env.put("OZON_MCP_HTTP_RATE_LIMIT", "100000");
      env.put("OZON_MCP_HTTP_MAX_SESSIONS", "20");

      List<Set<String>> ids = new ArrayList<>();
      for (OzonSandbox s : sandboxes) {
        Set<String> own = new HashSet<>();
        for (SandboxCampaign c : s.data().campaigns()) {
          own.add(c.id());
          s.data().products(c.id()).forEach(p -> own.add(p.sku()));
        }
        ids.add(own);
      }
      for (int i = 0; i < 3; i++) {
        for (int j = 0; j < 3; j++) {
          if (i != j) {
            Set<String> both = new HashSet<>(ids.get(i));
            both.retainAll(ids.get(j));
            assertEquals(Set.of(), both, "the three datasets must not share an id for this check to mean anything");
          }
        }
      }

      try (McpHttpProcess server = new McpHttpProcess(env, token(3), List.of())) {
        AtomicInteger answered = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        ConcurrentLinkedQueue<String> crossAccount = new ConcurrentLinkedQueue<>();
        ExecutorService pool = Executors.newFixedThreadPool(SESSIONS);
        List<Future<?>> sessions = new ArrayList<>();
        for (int k = 0; k < SESSIONS; k++) {
          int session = k;
          sessions.add(pool.submit(() -> {
            // sessions 0-17: principal p(k % 3) on its one account; 18-19: ops, on every account by name
            boolean ops = session >= 18;
            McpSyncClient c = server.newClient(ops ? token(3) : token(session % 3));
            c.initialize();
            for (int n = 0; n < CALLS; n++) {
              int account = ops ? n % 3 : session % 3;
              SandboxCampaign campaign = sandboxes.get(account).data().campaigns().get(n % 12);
              Map<String, Object> args = new HashMap<>();
              if (ops || n % 2 == 0) {
                args.put("account", ALIASES[account]); // else the principal's default, its only account
              }
              String tool;
              switch (n % 3) {
                case 0 -> {
                  tool = "list_campaigns";
                  args.put("limit", 5);
                }
                case 1 -> {
                  tool = "list_campaign_products";
                  args.put("campaignId", campaign.id());
                }
                default -> {
                  tool = "get_campaign_objects";
                  args.put("campaignId", campaign.id());
                }
              }
              McpSchema.CallToolResult r = c.callTool(new McpSchema.CallToolRequest(tool, args));
              answered.incrementAndGet();
              if (Boolean.TRUE.equals(r.isError())) {
                errors.incrementAndGet();
              }
              String json = McpHttpProcess.json(r);
              for (int other = 0; other < 3; other++) {
                if (other != account) {
                  for (String foreign : ids.get(other)) {
                    if (json.contains("\"" + foreign + "\"")) {
                      crossAccount.add(tool + " on " + ALIASES[account] + " carried " + foreign);
                    }
                  }
                }
              }
            }
            c.close();
            return null;
          }));
        }
        for (Future<?> f : sessions) {
          f.get(10, TimeUnit.MINUTES);
        }
        pool.shutdown();
        assertEquals(SESSIONS * CALLS, answered.get(), "every call answered");
        assertEquals(0, errors.get(), "no call failed; stderr:\n" + server.stderr());
        assertEquals(List.of(), new ArrayList<>(crossAccount), "no cross-account data");
        for (int i = 0; i < 3; i++) {
          assertEquals(1, sandboxes.get(i).tokenRequests(), "token requests of " + ALIASES[i]);
          assertTrue(sandboxes.get(i).totalRequests() > 0);
        }
        System.out.printf("soak: %d calls answered, token requests %d/%d/%d, API requests %d/%d/%d%n",
            answered.get(), sandboxes.get(0).tokenRequests(), sandboxes.get(1).tokenRequests(),
            sandboxes.get(2).tokenRequests(), sandboxes.get(0).totalRequests(), sandboxes.get(1).totalRequests(),
            sandboxes.get(2).totalRequests());
      }
    } finally {
      sandboxes.forEach(OzonSandbox::close);
      try (var files = Files.walk(dir)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
      }
    }
  }

  static String token(int i) {
    return "soak-principal-token-" + i + "-0123456789abcdef";
  }
}
