package io.github.ozonperf.sandbox;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * The deterministic dataset of a sandbox: its campaigns as they were at start, their products, and the metrics
 * of every campaign on every day. Everything is a pure function of the seed, so tests can compute exactly the
 * numbers the sandbox will report:
 *
 * <pre>{@code
 * SandboxData data = sandbox.data();               // or SandboxData.generate(seed) without a server
 * SandboxCampaign c = data.campaigns().get(0);
 * DailyMetrics m = data.metrics(c.id(), LocalDate.of(2026, 11, 1));
 * assertEquals(m.clicks(), parsedRow.clicks());
 * }</pre>
 *
 * <p>The dataset has 25 campaigns (12 {@code SKU}, 7 {@code BANNER}, 6 {@code SEARCH_PROMO}) in several states.
 * State changes made through the API (activate, deactivate, patch) are not reflected here: ask
 * {@link OzonSandbox#campaign(String)} for the current state.
 */
public final class SandboxData {
  /** Number of campaigns in every generated dataset. */
  public static final int CAMPAIGN_COUNT = 25;

  private static final String[] STATES = {
      "CAMPAIGN_STATE_RUNNING", "CAMPAIGN_STATE_RUNNING", "CAMPAIGN_STATE_STOPPED", "CAMPAIGN_STATE_INACTIVE",
      "CAMPAIGN_STATE_PLANNED", "CAMPAIGN_STATE_ARCHIVED", "CAMPAIGN_STATE_FINISHED",
      "CAMPAIGN_STATE_MODERATION_DRAFT"};
  private static final String[] GOODS = {
      "Кружка керамическая", "Чайник электрический", "Рюкзак городской", "Наушники беспроводные",
      "Книга «Java. Эффективное программирование»", "Кроссовки беговые", "Плед флисовый", "Термос 1 л",
      "Лампа настольная", "Коврик для йоги", "Зонт складной", "Power bank 10000 мА·ч"};

  private final long seed;
  private final List<SandboxCampaign> campaigns;
  private final Map<String, SandboxCampaign> byId;
  private final Map<String, List<SandboxProduct>> products;

  private SandboxData(long seed) {
    this.seed = seed;
    SplittableRandom r = new SplittableRandom(seed);
    List<SandboxCampaign> list = new ArrayList<>();
    Map<String, List<SandboxProduct>> prods = new LinkedHashMap<>();
    long nextId = 1_000_000L + r.nextInt(8_000_000);
    long nextSku = 100_000_000L + r.nextInt(800_000_000);
    for (int i = 0; i < CAMPAIGN_COUNT; i++) {
      String type = i < 12 ? "SKU" : i < 19 ? "BANNER" : "SEARCH_PROMO";
      String payment = switch (type) {
        case "SKU" -> "CPC";
        case "BANNER" -> "CPM";
        default -> "CPO";
      };
      nextId += 1 + r.nextInt(50_000);
      String id = Long.toString(nextId);
      String state = STATES[i % STATES.length];
      LocalDate from = LocalDate.of(2026, 1, 1).plusDays(r.nextInt(300));
      String to = i % 3 == 0 ? "" : from.plusDays(30 + r.nextInt(200)).toString();
      long daily = 500L + r.nextInt(20) * 250L;
      String title = switch (type) {
        case "SKU" -> "Товары: " + GOODS[i % GOODS.length];
        case "BANNER" -> "Баннер: распродажа " + (i - 11);
        default -> "Продвижение в поиске " + (i - 18);
      };
      list.add(new SandboxCampaign(id, title, type, state, payment, from.toString(), to,
          i % 2 == 0 ? "0" : Long.toString(daily * 30 * 1_000_000L), Long.toString(daily * 1_000_000L),
          Long.toString(daily * 7 * 1_000_000L)));
      List<SandboxProduct> ps = new ArrayList<>();
      if (!"BANNER".equals(type)) {
        int n = 3 + r.nextInt(10);
        for (int k = 0; k < n; k++) {
          nextSku += 1 + r.nextInt(1_000_000);
          long bidRoubles = 5 + r.nextInt(60);
          ps.add(new SandboxProduct(Long.toString(nextSku), GOODS[(i + k) % GOODS.length],
              Long.toString(bidRoubles * 1_000_000L)));
        }
      }
      prods.put(id, List.copyOf(ps));
    }
    this.campaigns = List.copyOf(list);
    Map<String, SandboxCampaign> m = new LinkedHashMap<>();
    for (SandboxCampaign c : campaigns) {
      m.put(c.id(), c);
    }
    this.byId = Collections.unmodifiableMap(m);
    this.products = Collections.unmodifiableMap(prods);
  }

  /** Generates the dataset for {@code seed}; equal seeds give equal datasets. */
  public static SandboxData generate(long seed) {
    return new SandboxData(seed);
  }

  /** The seed this dataset was generated from. */
  public long seed() {
    return seed;
  }

  /** All campaigns in id order, as they were at start. */
  public List<SandboxCampaign> campaigns() {
    return campaigns;
  }

  /** The campaign with {@code id} as it was at start, if it exists. */
  public Optional<SandboxCampaign> campaign(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  /** Products of a campaign at start (empty for banner campaigns and unknown ids). */
  public List<SandboxProduct> products(String campaignId) {
    return products.getOrDefault(campaignId, List.of());
  }

  /**
   * Metrics of {@code campaignId} on {@code date}. Unknown campaigns have {@link DailyMetrics#zero()}; every
   * known campaign has activity on every day, whatever its state (simpler to assert on).
   */
  public DailyMetrics metrics(String campaignId, LocalDate date) {
    Objects.requireNonNull(campaignId, "campaignId == null");
    Objects.requireNonNull(date, "date == null");
    if (!byId.containsKey(campaignId)) {
      return DailyMetrics.zero();
    }
    long mix = seed * 0x9E3779B97F4A7C15L ^ Long.parseLong(campaignId) * 0xC2B2AE3D27D4EB4FL
        ^ date.toEpochDay() * 0x165667B19E3779F9L;
    SplittableRandom r = new SplittableRandom(mix);
    long views = 200 + r.nextInt(20_000);
    long clicks = views * (5 + r.nextInt(45)) / 1000;
    BigDecimal cpc = BigDecimal.valueOf(300 + r.nextInt(4_700), 2);
    BigDecimal spend = cpc.multiply(BigDecimal.valueOf(clicks)).setScale(2, RoundingMode.HALF_UP);
    long orders = clicks / (8 + r.nextInt(20));
    BigDecimal price = BigDecimal.valueOf(29_900 + r.nextInt(500_000), 2);
    BigDecimal ordersMoney = price.multiply(BigDecimal.valueOf(orders)).setScale(2, RoundingMode.HALF_UP);
    return new DailyMetrics(views, clicks, spend, DailyMetrics.avg(spend, clicks), orders, ordersMoney);
  }

  /** Sum of {@link #metrics(String, LocalDate)} over {@code from..to} inclusive. */
  public DailyMetrics total(String campaignId, LocalDate from, LocalDate to) {
    DailyMetrics sum = DailyMetrics.zero();
    for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
      sum = sum.plus(metrics(campaignId, d));
    }
    return sum;
  }
}
