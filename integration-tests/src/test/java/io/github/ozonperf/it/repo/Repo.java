package io.github.ozonperf.it.repo;

import java.nio.file.Files;
import java.nio.file.Path;

/** The repository's root directory, for the tests that check the repository's own files. */
final class Repo {
  private Repo() {
  }

  /** From {@code -Dozon.repo.root} (set by this module's pom), else the parent of the working directory. */
  static Path root() {
    String configured = System.getProperty("ozon.repo.root");
    Path root = (configured != null ? Path.of(configured) : Path.of("").toAbsolutePath().getParent()).normalize();
    if (!Files.isRegularFile(root.resolve("pom.xml")) || !Files.isDirectory(root.resolve("ozon-performance-client"))) {
      throw new IllegalStateException("not the repository root: " + root + " (set -Dozon.repo.root)");
    }
    return root;
  }
}
