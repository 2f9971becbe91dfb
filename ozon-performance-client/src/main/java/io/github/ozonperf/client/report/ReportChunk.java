package io.github.ozonperf.client.report;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * One report Ozon generated (or was asked to generate) for a part of a {@link ReportRequest}: at most 10
 * campaigns and 62 days.
 *
 * @param index       zero-based position among the request's chunks
 * @param campaignIds the campaigns of this chunk
 * @param dateFrom    first day, inclusive
 * @param dateTo      last day, inclusive
 * @param uuid        the UUID Ozon gave the report, {@code null} while {@link ReportState#NOT_SUBMITTED}
 * @param state       the last state seen
 */
public record ReportChunk(
    int index, List<String> campaignIds, LocalDate dateFrom, LocalDate dateTo, String uuid,
    ReportState state) {
  /** Validates the components and copies the list. */
  public ReportChunk {
    campaignIds = List.copyOf(campaignIds);
    Objects.requireNonNull(dateFrom, "dateFrom == null");
    Objects.requireNonNull(dateTo, "dateTo == null");
    Objects.requireNonNull(state, "state == null");
  }

  /** A copy with another UUID and state. */
  public ReportChunk with(String newUuid, ReportState newState) {
    return new ReportChunk(index, campaignIds, dateFrom, dateTo, newUuid, newState);
  }
}
