package io.github.ozonperf.client.internal.report;

import java.nio.file.Path;
import java.util.List;

/**
 * A downloaded report on disk.
 *
 * @param path        the file
 * @param kind        CSV, ZIP or JSON
 * @param campaignIds the chunk's campaigns (a single-campaign CSV has no id inside but its title line)
 */
public record ReportFile(Path path, ReportFileKind kind, List<String> campaignIds) {
  /** Copies the campaign list. */
  public ReportFile {
    campaignIds = List.copyOf(campaignIds);
  }
}
