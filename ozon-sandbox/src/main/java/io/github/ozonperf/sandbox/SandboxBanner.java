package io.github.ozonperf.sandbox;

import java.util.Objects;

/**
 * A banner of a sandbox {@code BANNER} campaign (its id is what {@code /campaign/{id}/objects} lists and what the
 * report's {@code ID баннера} column holds).
 *
 * @param id banner id (decimal digits)
 * @param title banner name ({@code Название} in the report)
 */
public record SandboxBanner(String id, String title) {

  /** Validates that no component is null. */
  public SandboxBanner {
    Objects.requireNonNull(id, "id == null");
    Objects.requireNonNull(title, "title == null");
  }
}
