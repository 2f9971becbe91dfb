package io.github.ozonperf.mcp.tools;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Which tools a server registers: toolsets (API sections, plus {@code default}, the curated tools, and {@code all}),
 * then single tools added ({@code +name} or {@code name}) or removed ({@code -name}); write tools only when writes
 * are enabled, and none at all when read-only. Names are checked by {@link ToolRegistry#create(ToolContext,
 * ToolSelection)}.
 */
public final class ToolSelection {
  /** The toolsets, in the order they are listed. */
  public static final List<String> TOOLSETS = List.of("default", "campaigns", "products", "statistics", "reports",
      "search_promo", "vendor", "all");

  private final List<String> toolsets;
  private final List<String> added;
  private final List<String> removed;
  private final boolean readOnly;

  private ToolSelection(List<String> toolsets, List<String> added, List<String> removed, boolean readOnly) {
    this.toolsets = List.copyOf(toolsets);
    this.added = List.copyOf(added);
    this.removed = List.copyOf(removed);
    this.readOnly = readOnly;
  }

  /**
   * The curated tools only, as before toolsets existed.
   *
   * @return the default selection
   */
  public static ToolSelection defaults() {
    return new ToolSelection(List.of("default"), List.of(), List.of(), false);
  }

  /**
   * Parses the settings.
   *
   * @param toolsets comma-separated toolset names; null or blank means {@code default}
   * @param tools    comma-separated {@code +name}, {@code name} or {@code -name}; may be null
   * @param readOnly true to leave out every write tool, whatever else says
   * @return the selection
   * @throws IllegalArgumentException for an unknown toolset, naming the valid ones
   */
  public static ToolSelection parse(String toolsets, String tools, boolean readOnly) {
    List<String> sets = new ArrayList<>();
    for (String s : split(toolsets)) {
      String n = s.toLowerCase(Locale.ROOT).replace('-', '_');
      if (!TOOLSETS.contains(n)) {
        throw new IllegalArgumentException("unknown toolset '" + s + "'; valid toolsets: " + String.join(", ",
            TOOLSETS));
      }
      if (!sets.contains(n)) {
        sets.add(n);
      }
    }
    if (sets.isEmpty()) {
      sets.add("default");
    }
    List<String> add = new ArrayList<>();
    List<String> remove = new ArrayList<>();
    for (String t : split(tools)) {
      if (t.startsWith("-")) {
        remove.add(t.substring(1).strip());
      } else {
        add.add((t.startsWith("+") ? t.substring(1) : t).strip());
      }
    }
    return new ToolSelection(sets, add, remove, readOnly);
  }

  private static List<String> split(String csv) {
    List<String> out = new ArrayList<>();
    if (csv != null) {
      for (String s : csv.split(",")) {
        if (!s.isBlank()) {
          out.add(s.strip());
        }
      }
    }
    return out;
  }

  /**
   * The same selection, read-only or not.
   *
   * @param readOnly true to leave out every write tool
   * @return a copy
   */
  public ToolSelection readOnly(boolean readOnly) {
    return new ToolSelection(toolsets, added, removed, readOnly);
  }

  /**
   * The chosen toolsets.
   *
   * @return toolset names
   */
  public List<String> toolsets() {
    return toolsets;
  }

  List<String> added() {
    return added;
  }

  List<String> removed() {
    return removed;
  }

  /**
   * Whether write tools are left out whatever else says.
   *
   * @return true when read-only
   */
  public boolean isReadOnly() {
    return readOnly;
  }

  /** Whether the operation tools (everything beyond the curated tools) must be built. */
  boolean needsOperationTools() {
    return !added.isEmpty() || !removed.isEmpty() || toolsets.stream().anyMatch(t -> !t.equals("default"));
  }

  @Override
  public String toString() {
    return "toolsets=" + toolsets + " added=" + added + " removed=" + removed + (readOnly ? " read-only" : "");
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ToolSelection s && s.toolsets.equals(toolsets) && s.added.equals(added)
        && s.removed.equals(removed) && s.readOnly == readOnly;
  }

  @Override
  public int hashCode() {
    return Objects.hash(toolsets, added, removed, readOnly);
  }
}
