package io.github.ozonperf.mcp.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.ozonperf.auth.ClientCredentials;
import io.github.ozonperf.client.OzonPerformanceClient;
import io.github.ozonperf.mcp.tools.ToolContext;
import io.github.ozonperf.mcp.tools.ToolRegistry;
import io.github.ozonperf.sandbox.OzonSandbox;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Many clients' requests in flight at once on one server session: each answered once, one token for all. */
class ConcurrentCallsTest {
  static final int THREADS = 16;
  static final int CALLS_PER_THREAD = 25;

  @Test
  void concurrentToolCallsAreEachAnsweredAndShareOneToken() throws Exception {
    try (OzonSandbox sandbox = OzonSandbox.builder().start();
        OzonPerformanceClient client = OzonPerformanceClient.builder().baseUrl(sandbox.baseUrl())
            .tokenUrl(sandbox.tokenUrl()).credentials(ClientCredentials.of(sandbox.clientId(), sandbox.clientSecret()))
            .build();
        Cli.InProcess p = Cli.InProcess.start(ToolRegistry.create(ToolContext.builder().client(client).build()),
            null)) {
      String id = sandbox.data().campaigns().get(0).id();
      long apiBefore = sandbox.requests("/api/client/campaign/{campaignId}/objects");
      ExecutorService pool = Executors.newFixedThreadPool(THREADS);
      CountDownLatch start = new CountDownLatch(1);
      List<Future<Integer>> results = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        results.add(pool.submit(() -> {
          start.await();
          int ok = 0;
          for (int i = 0; i < CALLS_PER_THREAD; i++) {
            JsonObject params = JsonParser.parseString("{\"name\":\"get_campaign_objects\",\"arguments\":"
                + "{\"campaignId\":\"" + id + "\"}}").getAsJsonObject();
            JsonObject r = p.client.request("tools/call", params, Duration.ofSeconds(60));
            if (!r.get("isError").getAsBoolean() && r.getAsJsonObject("structuredContent").get("campaignId")
                .getAsString().equals(id)) {
              ok++;
            }
          }
          return ok;
        }));
      }
      start.countDown();
      int ok = 0;
      for (Future<Integer> f : results) {
        ok += f.get(120, TimeUnit.SECONDS);
      }
      pool.shutdown();
      assertEquals(THREADS * CALLS_PER_THREAD, ok);
      assertEquals(THREADS * CALLS_PER_THREAD,
          sandbox.requests("/api/client/campaign/{campaignId}/objects") - apiBefore);
      assertEquals(1, sandbox.tokenRequests());
    }
  }
}
