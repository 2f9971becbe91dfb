package io.github.ozonperf.client.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

/**
 * A statistics report to generate: any number of campaigns over any date range. {@link Reports#run} splits
 * it into chunks Ozon accepts (at most 10 campaigns and 62 days each) and runs them one at a time.
 *
 * <pre>{@code
 * ReportRequest request = ReportRequest.builder()
 *     .campaignIds(List.of("123", "456"))
 *     .dateFrom(LocalDate.of(2026, 10, 1))
 *     .dateTo(LocalDate.of(2026, 10, 31))
 *     .groupBy(ReportGroupBy.DATE)
 *     .build();
 * }</pre>
 */
public final class ReportRequest {
  private final List<String> campaignIds;
  private final LocalDate dateFrom;
  private final LocalDate dateTo;
  private final ReportGroupBy groupBy;
  private final ReportFormat format;

  private ReportRequest(Builder builder) {
    this.campaignIds = List.copyOf(builder.campaignIds);
    this.dateFrom = builder.dateFrom;
    this.dateTo = builder.dateTo;
    this.groupBy = builder.groupBy;
    this.format = builder.format;
  }

  /** A new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** The campaign ids, without duplicates, in the order given. */
  public List<String> campaignIds() {
    return campaignIds;
  }

  /** First day, inclusive. */
  public LocalDate dateFrom() {
    return dateFrom;
  }

  /** Last day, inclusive. */
  public LocalDate dateTo() {
    return dateTo;
  }

  /** Row aggregation (default {@link ReportGroupBy#DATE}). */
  public ReportGroupBy groupBy() {
    return groupBy;
  }

  /** File format (default {@link ReportFormat#CSV}). */
  public ReportFormat format() {
    return format;
  }

  /** A builder holding this request's values. */
  public Builder toBuilder() {
    return new Builder().campaignIds(campaignIds).dateFrom(dateFrom).dateTo(dateTo).groupBy(groupBy)
        .format(format);
  }

  @Override
  public String toString() {
    return "ReportRequest{campaigns=" + campaignIds.size() + ", " + dateFrom + ".." + dateTo
        + ", groupBy=" + groupBy + ", format=" + format + '}';
  }

  /** Builds a {@link ReportRequest}. */
  public static final class Builder {
    private final List<String> campaignIds = new ArrayList<>();
    private LocalDate dateFrom;
    private LocalDate dateTo;
    private ReportGroupBy groupBy = ReportGroupBy.DATE;
    private ReportFormat format = ReportFormat.CSV;

    private Builder() {}

    /** Replaces the campaign ids (Ozon's string ids, e.g. {@code "48949"}). */
    public Builder campaignIds(Collection<String> ids) {
      Objects.requireNonNull(ids, "campaignIds == null");
      campaignIds.clear();
      for (String id : ids) {
        addCampaignId(id);
      }
      return this;
    }

    /** Adds one campaign id. */
    public Builder addCampaignId(String id) {
      Objects.requireNonNull(id, "campaign id == null");
      String trimmed = id.trim();
      if (!trimmed.matches("[0-9]+")) {
        throw new IllegalArgumentException(
            "campaign id must be Ozon's numeric id as a string, e.g. \"48949\", got \"" + id + "\"");
      }
      campaignIds.add(trimmed);
      return this;
    }

    /** First day, inclusive. */
    public Builder dateFrom(LocalDate dateFrom) {
      this.dateFrom = Objects.requireNonNull(dateFrom, "dateFrom == null");
      return this;
    }

    /** Last day, inclusive. */
    public Builder dateTo(LocalDate dateTo) {
      this.dateTo = Objects.requireNonNull(dateTo, "dateTo == null");
      return this;
    }

    /** Row aggregation. */
    public Builder groupBy(ReportGroupBy groupBy) {
      this.groupBy = Objects.requireNonNull(groupBy, "groupBy == null");
      return this;
    }

    /** File format. */
    public Builder format(ReportFormat format) {
      this.format = Objects.requireNonNull(format, "format == null");
      return this;
    }

    /**
     * Validates and builds.
     *
     * @throws IllegalArgumentException when no campaign is given, a date is missing or the range is reversed
     */
    public ReportRequest build() {
      if (campaignIds.isEmpty()) {
        throw new IllegalArgumentException("campaignIds: give at least one campaign id");
      }
      if (dateFrom == null || dateTo == null) {
        throw new IllegalArgumentException("dateFrom and dateTo are required (inclusive, YYYY-MM-DD)");
      }
      if (dateTo.isBefore(dateFrom)) {
        throw new IllegalArgumentException(
            "dateTo " + dateTo + " is before dateFrom " + dateFrom + ": swap them");
      }
      List<String> unique = new ArrayList<>(new LinkedHashSet<>(campaignIds));
      campaignIds.clear();
      campaignIds.addAll(unique);
      return new ReportRequest(this);
    }
  }
}
