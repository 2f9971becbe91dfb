package io.github.ozonperf.client;

import io.github.ozonperf.client.model.CampaignState;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Which campaigns {@link OzonPerformanceClient#listAllCampaigns(CampaignFilter)} walks: optional campaign ids,
 * advertised object type and state, and the page size. Immutable.
 *
 * <pre>{@code
 * CampaignFilter running = CampaignFilter.builder()
 *     .state(CampaignState.CAMPAIGN_STATE_RUNNING)
 *     .build();
 * }</pre>
 */
public final class CampaignFilter {
  /** The page size Ozon was observed to use (and the default). */
  public static final int DEFAULT_PAGE_SIZE = 100;
  private static final Pattern UINT64 = Pattern.compile("[0-9]{1,20}");
  private static final CampaignFilter ALL = builder().build();

  private final List<String> campaignIds;
  private final String advObjectType;
  private final CampaignState state;
  private final int pageSize;

  private CampaignFilter(Builder b) {
    this.campaignIds = List.copyOf(b.campaignIds);
    this.advObjectType = b.advObjectType;
    this.state = b.state;
    this.pageSize = b.pageSize;
  }

  /**
   * Every campaign of the account, pages of {@value #DEFAULT_PAGE_SIZE}.
   *
   * @return the filter
   */
  public static CampaignFilter all() {
    return ALL;
  }

  /**
   * A new builder (no restriction, pages of {@value #DEFAULT_PAGE_SIZE}).
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The campaign ids to restrict to.
   *
   * @return an immutable list; empty means any campaign
   */
  public List<String> campaignIds() {
    return campaignIds;
  }

  /**
   * The advertised object type to restrict to (e.g. {@code SKU}, {@code BANNER}).
   *
   * @return the type, or null for any
   */
  public String advObjectType() {
    return advObjectType;
  }

  /**
   * The state to restrict to.
   *
   * @return the state, or null for any
   */
  public CampaignState state() {
    return state;
  }

  /**
   * Campaigns asked for per page.
   *
   * @return the page size
   */
  public int pageSize() {
    return pageSize;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CampaignFilter f && campaignIds.equals(f.campaignIds)
        && Objects.equals(advObjectType, f.advObjectType) && state == f.state && pageSize == f.pageSize;
  }

  @Override
  public int hashCode() {
    return Objects.hash(campaignIds, advObjectType, state, pageSize);
  }

  @Override
  public String toString() {
    return "CampaignFilter[campaignIds=" + campaignIds + ", advObjectType=" + advObjectType + ", state=" + state
        + ", pageSize=" + pageSize + "]";
  }

  /** Builds a {@link CampaignFilter}. */
  public static final class Builder {
    private final List<String> campaignIds = new ArrayList<>();
    private String advObjectType;
    private CampaignState state;
    private int pageSize = DEFAULT_PAGE_SIZE;

    private Builder() {
    }

    /**
     * Restricts to these campaign ids (replacing earlier ones). Ids are decimal strings, as Ozon sends them.
     *
     * @param ids the ids
     * @return this
     * @throws IllegalArgumentException if an id is not an unsigned decimal integer
     */
    public Builder campaignIds(Collection<String> ids) {
      Objects.requireNonNull(ids, "ids == null");
      List<String> checked = new ArrayList<>(ids.size());
      for (String id : ids) {
        Objects.requireNonNull(id, "campaign id == null");
        String t = id.strip();
        if (!UINT64.matcher(t).matches()) {
          throw new IllegalArgumentException("campaignIds: \"" + id
              + "\" is not a campaign id (expected digits only, e.g. \"48949\")");
        }
        checked.add(t);
      }
      campaignIds.clear();
      campaignIds.addAll(checked);
      return this;
    }

    /**
     * Restricts to these campaign ids (replacing earlier ones).
     *
     * @param ids the ids
     * @return this
     * @throws IllegalArgumentException if an id is not an unsigned decimal integer
     */
    public Builder campaignIds(String... ids) {
      return campaignIds(Arrays.asList(ids));
    }

    /**
     * Restricts to an advertised object type, e.g. {@code SKU}, {@code BANNER}, {@code SEARCH_PROMO}.
     *
     * @param advObjectType the type, or null for any
     * @return this
     */
    public Builder advObjectType(String advObjectType) {
      this.advObjectType = advObjectType == null || advObjectType.isBlank() ? null : advObjectType.strip();
      return this;
    }

    /**
     * Restricts to a state.
     *
     * @param state the state, or null for any
     * @return this
     */
    public Builder state(CampaignState state) {
      this.state = state;
      return this;
    }

    /**
     * Campaigns per page. Default {@value #DEFAULT_PAGE_SIZE}, the size Ozon was observed to serve; a larger
     * value does no harm: the walk treats a page as the last one only when it is shorter than what the server
     * actually serves per page (at least 100), so a server that caps pages at 100 is still walked to the end.
     *
     * @param pageSize 1 to 1000
     * @return this
     * @throws IllegalArgumentException if out of range
     */
    public Builder pageSize(int pageSize) {
      if (pageSize < 1 || pageSize > 1000) {
        throw new IllegalArgumentException("pageSize: must be 1..1000, got " + pageSize);
      }
      this.pageSize = pageSize;
      return this;
    }

    /**
     * Builds the filter.
     *
     * @return the filter
     */
    public CampaignFilter build() {
      return new CampaignFilter(this);
    }
  }
}
