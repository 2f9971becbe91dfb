package io.github.ozonperf.benchmarks.e2e;

import io.github.ozonperf.auth.ClientCredentials;
import io.github.ozonperf.client.CampaignFilter;
import io.github.ozonperf.client.OzonPerformanceClient;
import io.github.ozonperf.sandbox.OzonSandbox;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The direct SDK call behind the MCP tool {@code list_campaigns}, without MCP: {@code listAllCampaigns} against
 * the embedded sandbox, a fixed number of calls at a fixed concurrency, from a fresh JVM (like the MCP load, which
 * also starts cold). {@code benchmarks/e2e/run.sh} runs it next to the MCP measurements; it prints one JSON object:
 *
 * <pre>{@code
 * java -cp benchmarks/target/benchmarks.jar io.github.ozonperf.benchmarks.e2e.DirectSdkBenchmark \
 *     --requests 2000 --concurrency 10
 * }</pre>
 */
public final class DirectSdkBenchmark {
  private DirectSdkBenchmark() {
  }

  /**
   * Runs the benchmark and prints its result as JSON on stdout.
   *
   * @param args {@code --requests N} (default 2000) and {@code --concurrency N} (default 10)
   * @throws Exception if the sandbox or the client cannot start, or a worker thread fails unexpectedly
   */
  public static void main(String[] args) throws Exception {
    int requests = 2000;
    int concurrency = 10;
    for (int i = 0; i < args.length; i++) {
      String value = i + 1 < args.length ? args[i + 1] : null;
      switch (args[i]) {
        case "--requests" -> requests = positive("--requests", value);
        case "--concurrency" -> concurrency = positive("--concurrency", value);
        default -> throw new IllegalArgumentException("unknown option " + args[i]
            + "; use --requests N and --concurrency N");
      }
      i++;
    }

    try (OzonSandbox sandbox = OzonSandbox.builder().start();
         OzonPerformanceClient client = OzonPerformanceClient.builder()
             .baseUrl(sandbox.baseUrl())
             .tokenUrl(sandbox.tokenUrl())
             .credentials(ClientCredentials.of(sandbox.clientId(), sandbox.clientSecret()))
             .build()) {
      CampaignFilter all = CampaignFilter.builder().build();
      long[] latencies = new long[requests];
      AtomicInteger next = new AtomicInteger();
      AtomicInteger errors = new AtomicInteger();
      AtomicReference<String> firstError = new AtomicReference<>();
      int total = requests;
      ExecutorService pool = Executors.newFixedThreadPool(concurrency);
      long start = System.nanoTime();
      Future<?>[] workers = new Future<?>[concurrency];
      for (int w = 0; w < concurrency; w++) {
        workers[w] = pool.submit(() -> {
          for (int ticket = next.getAndIncrement(); ticket < total; ticket = next.getAndIncrement()) {
            long t0 = System.nanoTime();
            try {
              if (client.listAllCampaigns(all).isEmpty()) {
                throw new IllegalStateException("the sandbox listed no campaigns");
              }
            } catch (RuntimeException e) {
              errors.incrementAndGet();
              firstError.compareAndSet(null, e.getClass().getSimpleName() + ": " + e.getMessage());
            }
            latencies[ticket] = System.nanoTime() - t0;
          }
        });
      }
      for (Future<?> f : workers) {
        f.get(10, TimeUnit.MINUTES);
      }
      long elapsed = System.nanoTime() - start;
      pool.shutdown();

      Arrays.sort(latencies);
      String jvm = String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments());
      System.out.println(String.format(Locale.ROOT,
          "{\"mode\":\"sdk-direct\",\"call\":\"listAllCampaigns\",\"requests\":%d,\"concurrency\":%d,\"errors\":%d,"
              + "\"firstError\":%s,\"elapsedMs\":%.2f,\"throughput\":%.2f,"
              + "\"latencyMs\":{\"p50\":%.3f,\"p99\":%.3f,\"max\":%.3f},\"jvm\":\"%s\"}",
          requests, concurrency, errors.get(), json(firstError.get()), elapsed / 1e6, requests * 1e9 / elapsed,
          percentile(latencies, 50) / 1e6, percentile(latencies, 99) / 1e6, latencies[requests - 1] / 1e6,
          jvm.isEmpty() ? "default JVM flags" : "JVM flags: " + jvm.replace("\\", "/").replace("\"", "'")));
    }
  }

  private static long percentile(long[] sorted, int p) {
    int rank = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank))];
  }

  private static int positive(String option, String value) {
    try {
      int n = Integer.parseInt(String.valueOf(value));
      if (n > 0) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException(option + " needs a positive integer, got " + value);
  }

  private static String json(String s) {
    if (s == null) {
      return "null";
    }
    String cut = s.length() > 300 ? s.substring(0, 300) : s;
    return "\"" + cut.replace("\\", "\\\\").replace("\"", "\\\"").replaceAll("[\\x00-\\x1f]", " ") + "\"";
  }
}
