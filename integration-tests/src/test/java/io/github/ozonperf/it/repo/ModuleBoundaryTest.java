package io.github.ozonperf.it.repo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The published modules' main code reaches other modules through their public packages only: never another
 * module's {@code …internal} package, and never the generated {@code io.github.ozonperf.client.invoker} package
 * (generated plumbing, not API) outside the client. Checked on the sources, imports and fully qualified names
 * alike, including the sources a module generates into {@code target/generated-sources}.
 *
 * <p>Test code may reach into internals (it tests them), and so may {@code benchmarks} (not published; it measures
 * internals such as the report parsers on purpose).
 */
class ModuleBoundaryTest {
  /** Published module directory → the package segment it owns ({@code io.github.ozonperf.<segment>}). */
  private static final Map<String, String> MODULES = Map.of(
      "ozon-auth", "auth",
      "ozon-performance-client", "client",
      "ozon-sandbox", "sandbox",
      "ozon-mcp-tools", "mcp");

  private static final Pattern REFERENCE =
      Pattern.compile("\\bio\\.github\\.ozonperf\\.([a-z]+)\\.(internal|invoker)\\b");
  private static final Pattern COMMENT = Pattern.compile("//[^\\n]*|/\\*.*?\\*/", Pattern.DOTALL);

  @Test
  void mainCodeUsesNoOtherModulesInternalOrInvokerPackage() {
    Path root = Repo.root();
    List<String> violations = new ArrayList<>();
    int files = 0;
    for (Map.Entry<String, String> module : MODULES.entrySet()) {
      for (Path dir : List.of(root.resolve(module.getKey()).resolve("src/main/java"),
          root.resolve(module.getKey()).resolve("target/generated-sources"))) {
        for (Path file : javaFiles(dir)) {
          files++;
          for (String v : violations(module.getValue(), read(file))) {
            violations.add(root.relativize(file) + ": " + v);
          }
        }
      }
    }
    assertTrue(files > 100, "expected the modules' sources under " + root + ", found " + files + " files");
    assertEquals(List.of(), violations,
        "main code must use other modules through their public packages only (see CONTRIBUTING.md)");
  }

  @Test
  void flagsAnotherModulesInternalPackageAndTheInvoker() {
    String source = """
        package io.github.ozonperf.mcp.tools;
        import io.github.ozonperf.mcp.internal.Cli;              // own module: fine
        import io.github.ozonperf.client.internal.ModelJson;     // another module's internal
        import io.github.ozonperf.client.invoker.*;              // generated plumbing
        // io.github.ozonperf.auth.internal.Hashing in a comment is fine
        class X { Object h = io.github.ozonperf.auth.internal.Hashing.class; }
        """;
    assertEquals(List.of("io.github.ozonperf.client.internal", "io.github.ozonperf.client.invoker",
        "io.github.ozonperf.auth.internal"), violations("mcp", source));
  }

  @Test
  void theClientMayUseItsOwnInvoker() {
    assertEquals(List.of(), violations("client",
        "import io.github.ozonperf.client.invoker.JSON;\nimport io.github.ozonperf.client.internal.ModelJson;\n"));
  }

  /** The forbidden package references in {@code source}, main code of the module owning {@code ownSegment}. */
  static List<String> violations(String ownSegment, String source) {
    List<String> found = new ArrayList<>();
    Matcher m = REFERENCE.matcher(COMMENT.matcher(source).replaceAll(" "));
    while (m.find()) {
      if (!m.group(1).equals(ownSegment)) {
        found.add(m.group());
      }
    }
    return found;
  }

  private static List<Path> javaFiles(Path dir) {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(p -> p.toString().endsWith(".java")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
