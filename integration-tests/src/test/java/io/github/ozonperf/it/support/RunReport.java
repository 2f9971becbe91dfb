package io.github.ozonperf.it.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The report of a run that a user can send us: the outcome of every scenario per target, the consistency checks
 * made (how many values each pair of sources agreed on), every mismatch found, and the anonymised shapes of what the
 * API answered. It holds no secret and no raw id: campaign ids are hashed ({@link #hashId}), values of the
 * credentials are swept out before writing. Written at the end of the run to {@code target/ozon-run-report.md}
 * (system property {@code ozon.it.report.file}); the anonymised answers themselves go to {@link Recorder#root()}.
 */
public final class RunReport {
  private static final Map<String, String> OUTCOMES = new TreeMap<>();
  private static final Map<String, long[]> CHECKS = new TreeMap<>();
  private static final List<String> MISMATCHES = new ArrayList<>();
  private static final Map<String, String> SHAPES = new TreeMap<>();

  private RunReport() {
  }

  /** A scenario ended: PASSED, FAILED (with the first line of the reason) or SKIPPED (with the reason). */
  static synchronized void outcome(String scenario, String outcome) {
    OUTCOMES.put(scenario, outcome);
  }

  /**
   * One value compared between two sources.
   *
   * @param target  the target
   * @param sources the pair of sources, e.g. "report CSV vs daily/json"
   * @param agreed  whether the two values agreed within the stated tolerance
   */
  public static synchronized void checked(Target target, String sources, boolean agreed) {
    long[] c = CHECKS.computeIfAbsent(target + " | " + sources, k -> new long[2]);
    c[agreed ? 0 : 1]++;
  }

  /** A disagreement; also the failure message of the check, so it names the pair, campaign, day and both values. */
  public static synchronized String mismatch(Target target, String sources, String campaignId, LocalDate day,
      String column, Object first, Object second) {
    String line = "[" + target + "] " + sources + ": campaign " + hashId(campaignId)
        + (day == null ? " (whole period)" : " on " + day) + ", " + column + ": " + first + " vs " + second;
    MISMATCHES.add(line);
    return line;
  }

  /** The anonymised shape of one kind of answer (JSON keys and types, or a CSV header line). */
  public static synchronized void shape(Target target, String kind, String shape) {
    SHAPES.putIfAbsent("[" + target + "] " + kind, shape);
  }

  /** A stable, one-way name for an id: the first 10 hex digits of its SHA-256. */
  public static String hashId(String id) {
    if (id == null || id.isEmpty()) {
      return "?";
    }
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.UTF_8));
      return "#" + HexFormat.of().formatHex(d).substring(0, 10);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The report as Markdown. */
  static synchronized String render() {
    StringBuilder out = new StringBuilder("# Ozon Performance SDK: integration run report\n\n");
    out.append("Written ").append(OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS))
        .append(". Ids are hashed; no secret is in this file. Send it with your issue.\n\n## Scenarios\n\n");
    Map<String, Integer> counts = new TreeMap<>();
    for (String outcome : OUTCOMES.values()) {
      counts.merge(outcome.split(":", 2)[0], 1, Integer::sum);
    }
    out.append("Totals: ").append(counts.isEmpty() ? "none ran" : counts.toString()).append("\n\n");
    OUTCOMES.forEach((scenario, outcome) -> out.append("- ").append(scenario).append(": ").append(outcome)
        .append('\n'));
    out.append("\n## Consistency checks (values compared between sources: agreed / disagreed)\n\n");
    if (CHECKS.isEmpty()) {
      out.append("none ran\n");
    }
    CHECKS.forEach((pair, c) -> out.append("- ").append(pair).append(": ").append(c[0]).append(" / ").append(c[1])
        .append('\n'));
    out.append("\n## Mismatches\n\n");
    if (MISMATCHES.isEmpty()) {
      out.append("none\n");
    }
    MISMATCHES.forEach(m -> out.append("- ").append(m).append('\n'));
    out.append("\n## Shapes of the answers (anonymised; the files are under target/recorded/)\n\n");
    SHAPES.forEach((kind, shape) -> out.append("### ").append(kind).append("\n\n```\n").append(shape)
        .append("\n```\n\n"));
    return sweep(out.toString());
  }

  /** Removes the values of the credentials, should anything have carried one. */
  static String sweep(String text) {
    String swept = text;
    for (String name : List.of(RealApi.CLIENT_ID, RealApi.CLIENT_SECRET, "OAUTH_CLIENT_ID", "OAUTH_CLIENT_SECRET")) {
      String value = System.getenv(name);
      if (value != null && value.strip().length() >= 4) {
        swept = swept.replace(value.strip(), "[" + name + " redacted]");
      }
    }
    return swept;
  }

  /** Writes the report, when anything ran. */
  static void publish() {
    synchronized (RunReport.class) {
      if (OUTCOMES.isEmpty()) {
        return;
      }
    }
    Path path = Path.of(System.getProperty("ozon.it.report.file", "target/ozon-run-report.md"));
    try {
      Files.createDirectories(path.toAbsolutePath().getParent());
      Files.writeString(path, render(), StandardCharsets.UTF_8);
      System.out.println("Run report (no secrets, ids hashed): " + path.toAbsolutePath());
    } catch (IOException e) {
      System.err.println("could not write " + path + ": " + e);
    }
  }
}
