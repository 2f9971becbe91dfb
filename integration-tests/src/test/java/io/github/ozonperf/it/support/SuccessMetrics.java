package io.github.ozonperf.it.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.TreeMap;
import java.util.Locale;
import java.util.Map;

/**
 * The seed's success metrics, collected from every SDK client the scenarios build (clients built to fail on
 * purpose, such as the invalid-secret scenario, are left out) and printed once at the end of the run by
 * {@link MetricsReporter}: token request success rate (goal &gt; 99 %) and token-request reduction against one
 * token request per API call (goal &gt; 90 %).
 */
public final class SuccessMetrics {
  private static final Map<String, long[]> TOTALS = new TreeMap<>();

  private SuccessMetrics() {
  }

  /**
   * Adds one client's counters.
   *
   * @param label where and how the client ran, e.g. "SANDBOX scenarios" (one short-lived client per scenario) or
   *     "SANDBOX fault soak" (one long-lived client)
   * @param tokenRequests token requests the client's TokenProvider sent
   * @param tokenSuccesses of which succeeded
   * @param apiCalls API calls the client made
   */
  public static synchronized void record(String label, long tokenRequests, long tokenSuccesses, long apiCalls) {
    long[] t = TOTALS.computeIfAbsent(label, k -> new long[3]);
    t[0] += tokenRequests;
    t[1] += tokenSuccesses;
    t[2] += apiCalls;
  }

  /** The report, one paragraph per target that ran; empty if no client was recorded. */
  public static synchronized String render() {
    StringBuilder out = new StringBuilder();
    for (Map.Entry<String, long[]> e : TOTALS.entrySet()) {
      long requests = e.getValue()[0];
      long successes = e.getValue()[1];
      long calls = e.getValue()[2];
      double successRate = requests == 0 ? 100.0 : 100.0 * successes / requests;
      double reduction = calls == 0 ? 0.0 : 100.0 * (1.0 - (double) requests / calls);
      out.append(String.format(Locale.ROOT,
          "[%s] token requests: %d (%d succeeded) -> success rate %.2f %% (goal > 99 %%)%n"
              + "[%s] API calls: %d -> token-request reduction vs one token per call %.2f %% (goal > 90 %%)%n",
          e.getKey(), requests, successes, successRate, e.getKey(), calls, reduction));
    }
    if (out.length() > 0) {
      out.append("(scenarios build a fresh client each, so their reduction is bounded by the calls per scenario;\n"
          + " the fault soak shows one long-lived client, which is how the SDK and the MCP server run)\n");
    }
    return out.toString();
  }

  /** Prints the report to stdout and writes it to the file named by {@code ozon.it.metrics.file}, if set. */
  static void publish() {
    String report = render();
    if (report.isEmpty()) {
      return;
    }
    String banner = "==== Ozon Performance SDK - success metrics ====\n" + report;
    System.out.print(banner);
    String file = System.getProperty("ozon.it.metrics.file");
    if (file != null) {
      try {
        Path path = Path.of(file);
        Files.createDirectories(path.toAbsolutePath().getParent());
        Files.writeString(path, banner, StandardCharsets.UTF_8);
      } catch (IOException e) {
        System.err.println("could not write " + file + ": " + e);
      }
    }
  }
}
