package io.github.ozonperf.sandbox;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The deterministic dataset of a sandbox: its campaigns as they were at start, their products and banners, and the
 * metrics of every SKU (and banner) of every campaign on every day. Everything is a pure function of the seed, so
 * tests can compute exactly the numbers the sandbox will report:
 *
 * <pre>{@code
 * SandboxData data = sandbox.data();               // or SandboxData.generate(seed) without a server
 * SandboxCampaign c = data.campaigns().get(0);
 * SkuMetrics row = data.skuMetrics(c.id(), data.products(c.id()).get(0).sku(), LocalDate.of(2026, 11, 1));
 * DailyMetrics m = data.metrics(c.id(), LocalDate.of(2026, 11, 1));   // = sum of skuMetrics over the SKUs
 * assertEquals(m.clicks(), parsedRow.clicks());
 * }</pre>
 *
 * <p>The dataset has 27 campaigns: 12 {@code SKU} (CPC), 7 {@code BANNER} (CPM), 6 {@code SEARCH_PROMO} (CPO),
 * 1 {@code ALL_SKU_PROMO} (CPO) and 1 {@code REF_VK} ({@code CAMPAIGN_TYPE_INVALID}), in several states, in that
 * order. Only {@code SKU} and {@code BANNER} campaigns can be exported by the statistics report (see
 * {@link #reportable(String)}). Money is generated in whole kopecks, so every sum is exact.
 *
 * <p>State changes made through the API (activate, deactivate, patch, products) are not reflected here: ask
 * {@link OzonSandbox#campaign(String)} for the current state. Metrics always follow the products at start.
 */
public final class SandboxData {
  /** Number of campaigns in every generated dataset. */
  public static final int CAMPAIGN_COUNT = 27;
  /** Platforms of banner report rows, in report order. */
  public static final List<String> BANNER_PLATFORMS = List.of("Мобильное приложение", "Десктоп");

  private static final Set<String> REPORTABLE = Set.of("SKU", "BANNER");
  private static final int BASE_COUNT = 25;
  private static final String[] STATES = {
      "CAMPAIGN_STATE_RUNNING", "CAMPAIGN_STATE_RUNNING", "CAMPAIGN_STATE_STOPPED", "CAMPAIGN_STATE_INACTIVE",
      "CAMPAIGN_STATE_PLANNED", "CAMPAIGN_STATE_ARCHIVED", "CAMPAIGN_STATE_FINISHED",
      "CAMPAIGN_STATE_MODERATION_DRAFT"};
  private static final String[] GOODS = {
      "Кружка керамическая", "Чайник электрический", "Рюкзак городской", "Наушники беспроводные",
      "Книга «Java. Эффективное программирование»", "Кроссовки беговые", "Плед флисовый", "Термос 1 л",
      "Лампа настольная", "Коврик для йоги", "Зонт складной", "Power bank 10000 мА·ч"};
  private static final String[] BANNER_NAMES = {"Моб_Главная", "Моб_Каталог", "Веб_Растяжка"};

  private final long seed;
  private final List<SandboxCampaign> campaigns;
  private final Map<String, SandboxCampaign> byId;
  private final Map<String, Integer> indexOf;
  private final Map<String, List<SandboxProduct>> products;
  private final Map<String, List<SandboxBanner>> banners;
  /** Campaign-day metrics, key = campaign index * 2^32 + epoch day; bounded (cleared when large). */
  private final Map<Long, DailyMetrics> dailyCache = new ConcurrentHashMap<>();

  private SandboxData(long seed) {
    this.seed = seed;
    SplittableRandom r = new SplittableRandom(seed);
    List<SandboxCampaign> list = new ArrayList<>();
    Map<String, List<SandboxProduct>> prods = new LinkedHashMap<>();
    Map<String, List<SandboxBanner>> bans = new LinkedHashMap<>();
    long nextId = 1_000_000L + r.nextInt(8_000_000);
    long nextSku = 100_000_000L + r.nextInt(800_000_000);
    for (int i = 0; i < CAMPAIGN_COUNT; i++) {
      String type = i < 12 ? "SKU" : i < 19 ? "BANNER" : i < BASE_COUNT ? "SEARCH_PROMO"
          : i == BASE_COUNT ? "ALL_SKU_PROMO" : "REF_VK";
      String payment = switch (type) {
        case "SKU" -> "CPC";
        case "BANNER" -> "CPM";
        case "REF_VK" -> "CAMPAIGN_TYPE_INVALID";
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
        case "SEARCH_PROMO" -> "Продвижение в поиске " + (i - 18);
        case "ALL_SKU_PROMO" -> "Оплата за заказ - все товары";
        default -> "Реклама во ВКонтакте";
      };
      List<String> placement = !"SKU".equals(type) ? List.of()
          : List.of(i % 2 == 0 ? "PLACEMENT_TOP_PROMOTION" : "PLACEMENT_SEARCH_AND_CATEGORY");
      String strategy = "SKU".equals(type) && i % 3 != 2 ? "TARGET_BIDS" : "NO_AUTO_STRATEGY";
      String mode = "SKU".equals(type) && i % 2 == 1 ? "PRODUCT_CAMPAIGN_MODE_MANUAL" : "PRODUCT_CAMPAIGN_MODE_AUTO";
      boolean auto = i >= BASE_COUNT;
      boolean budgets = i < BASE_COUNT;
      list.add(new SandboxCampaign(id, title, type, auto ? "CAMPAIGN_STATE_RUNNING" : state, payment,
          from.toString(), to, !budgets || i % 2 == 0 ? "0" : Long.toString(daily * 30 * 1_000_000L),
          budgets ? Long.toString(daily * 1_000_000L) : "0", budgets ? Long.toString(daily * 7 * 1_000_000L) : "0",
          placement, strategy, mode, auto));
      List<SandboxProduct> ps = new ArrayList<>();
      if (!"BANNER".equals(type) && !"REF_VK".equals(type)) {
        int n = 3 + r.nextInt(10);
        for (int k = 0; k < n; k++) {
          nextSku += 1 + r.nextInt(1_000_000);
          long bidRoubles = 5 + r.nextInt(60);
          ps.add(new SandboxProduct(Long.toString(nextSku), GOODS[(i + k) % GOODS.length],
              Long.toString(bidRoubles * 1_000_000L)));
        }
      }
      prods.put(id, List.copyOf(ps));
      List<SandboxBanner> bs = new ArrayList<>();
      if ("BANNER".equals(type)) {
        for (int k = 1; k <= 3; k++) {
          bs.add(new SandboxBanner(id + "0" + k, BANNER_NAMES[k - 1]));
        }
      }
      bans.put(id, List.copyOf(bs));
    }
    this.campaigns = List.copyOf(list);
    Map<String, SandboxCampaign> m = new LinkedHashMap<>();
    Map<String, Integer> idx = new LinkedHashMap<>();
    for (int i = 0; i < campaigns.size(); i++) {
      m.put(campaigns.get(i).id(), campaigns.get(i));
      idx.put(campaigns.get(i).id(), i);
    }
    this.byId = Collections.unmodifiableMap(m);
    this.indexOf = Collections.unmodifiableMap(idx);
    this.products = Collections.unmodifiableMap(prods);
    this.banners = Collections.unmodifiableMap(bans);
  }

  /** Generates the dataset for {@code seed}; equal seeds give equal datasets. */
  public static SandboxData generate(long seed) {
    return new SandboxData(seed);
  }

  /**
   * Whether Ozon's statistics report ({@code POST /api/client/statistics} and its {@code /json}, {@code /video},
   * {@code /attribution}, {@code /phrases} twins) can export campaigns of this {@code advObjectType}: only
   * {@code SKU} and {@code BANNER}. A submit that names any other type gets 400 "generation of this type of report
   * is forbidden" for the whole request.
   */
  public static boolean reportable(String advObjectType) {
    return REPORTABLE.contains(advObjectType);
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

  /** Products of a campaign at start (empty for banner and REF_VK campaigns and unknown ids). */
  public List<SandboxProduct> products(String campaignId) {
    return products.getOrDefault(campaignId, List.of());
  }

  /** Banners of a {@code BANNER} campaign (three each; empty for other types and unknown ids). */
  public List<SandboxBanner> banners(String campaignId) {
    return banners.getOrDefault(campaignId, List.of());
  }

  private SplittableRandom random(String campaignId, long key, long epochDay) {
    long mix = seed * 0x9E3779B97F4A7C15L ^ Long.parseLong(campaignId) * 0xC2B2AE3D27D4EB4FL
        ^ key * 0xD6E8FEB86659FD93L ^ epochDay * 0x165667B19E3779F9L;
    return new SplittableRandom(mix);
  }

  private static long hash(long x) {
    x ^= x >>> 33;
    x *= 0xff51afd7ed558ccdL;
    x ^= x >>> 33;
    x *= 0xc4ceb9fe1a85ec53L;
    x ^= x >>> 33;
    return x & Long.MAX_VALUE;
  }

  private static BigDecimal rub(long kopecks) {
    return BigDecimal.valueOf(kopecks, 2);
  }

  private SandboxProduct product(String campaignId, String sku) {
    for (SandboxProduct p : products(campaignId)) {
      if (p.sku().equals(sku)) {
        return p;
      }
    }
    throw new IllegalArgumentException("sku " + sku + " is not a product of campaign " + campaignId
        + " in the dataset");
  }

  /**
   * Metrics of one SKU of a campaign on one day: the data row of the SKU report. SKU campaigns pay per click
   * (spend = clicks x a click price); SEARCH_PROMO and ALL_SKU_PROMO pay per order (spend = a per-SKU rate of
   * 5-20 % of the promoted revenue, half-up to kopecks). Every SKU has activity on every day, whatever the state.
   *
   * @throws IllegalArgumentException if {@code sku} is not among {@link #products(String)} of the campaign
   */
  public SkuMetrics skuMetrics(String campaignId, String sku, LocalDate date) {
    Objects.requireNonNull(date, "date == null");
    SandboxProduct p = product(campaignId, sku);
    SandboxCampaign c = byId.get(campaignId);
    long skuNum = Long.parseLong(sku);
    long h = hash(skuNum ^ seed * 31);
    long priceK = (199 + h % 4_800) * 100;
    SplittableRandom r = random(campaignId, skuNum, date.toEpochDay());
    long views = 30 + r.nextInt(3_000);
    long clicks = views * (5 + r.nextInt(45)) / 1000;
    long cpcK = 300 + r.nextInt(4_700);
    long toCart = clicks * r.nextInt(35) / 100;
    long orders = clicks / (6 + r.nextInt(20));
    long modelOrders = r.nextInt(2 + (int) (orders / 2));
    long organic = r.nextInt(12);
    long ordersK = priceK * orders;
    long spendK = "SKU".equals(c.advObjectType()) ? cpcK * clicks : (ordersK * (5 + (h >>> 20) % 16) + 50) / 100;
    LocalDate added = LocalDate.parse(c.fromDate()).plusDays((h >>> 8) % 10);
    return new SkuMetrics(sku, p.title(), rub(priceK), views, clicks, toCart, rub(spendK), orders, rub(ordersK),
        modelOrders, rub(priceK * modelOrders), rub(priceK * (orders + modelOrders + organic)), added);
  }

  private SandboxBanner banner(String campaignId, String bannerId) {
    for (SandboxBanner b : banners(campaignId)) {
      if (b.id().equals(bannerId)) {
        return b;
      }
    }
    throw new IllegalArgumentException("banner " + bannerId + " is not a banner of campaign " + campaignId);
  }

  /**
   * Metrics of one banner on one platform ({@link #BANNER_PLATFORMS}) on one day: the data row of the banner
   * report. Spend = views x the campaign's CPM / 1000, half-up to kopecks.
   *
   * @throws IllegalArgumentException for an unknown banner or platform
   */
  public BannerMetrics bannerMetrics(String campaignId, String bannerId, String platform, LocalDate date) {
    Objects.requireNonNull(date, "date == null");
    SandboxBanner b = banner(campaignId, bannerId);
    int pi = BANNER_PLATFORMS.indexOf(platform);
    if (pi < 0) {
      throw new IllegalArgumentException("unknown platform " + platform + ": use one of " + BANNER_PLATFORMS);
    }
    long cpmK = 2_000 + hash(Long.parseLong(campaignId) ^ seed) % 6_000;
    SplittableRandom r = random(campaignId, Long.parseLong(bannerId) * 2 + pi, date.toEpochDay());
    long views = pi == 0 ? 1_000 + r.nextInt(150_000) : r.nextInt(400);
    long clicks = views * (1 + r.nextInt(12)) / 10_000;
    long reach = views * (45 + r.nextInt(50)) / 100;
    return new BannerMetrics(bannerId, b.title(), platform, views, clicks, reach, rub(cpmK),
        rub((views * cpmK + 500) / 1000));
  }

  /**
   * De-duplicated reach of a set of report rows whose own reach values sum to {@code sum} and whose largest is
   * {@code max}: the sandbox's rule for {@code Охват} in aggregated rows and in {@code Всего} (Ozon de-duplicates
   * users; the sandbox takes 80 % of the sum, but never less than the largest part).
   */
  public static long dedupReach(long sum, long max) {
    return Math.max(max, sum * 4 / 5);
  }

  /**
   * The {@code Всего} reach of a banner campaign over {@code from..to}: {@link #dedupReach} over all its daily
   * banner x platform rows. 0 for other types.
   */
  public long reach(String campaignId, LocalDate from, LocalDate to) {
    long sum = 0;
    long max = 0;
    for (SandboxBanner b : banners(campaignId)) {
      for (String p : BANNER_PLATFORMS) {
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
          long x = bannerMetrics(campaignId, b.id(), p, d).reach();
          sum += x;
          max = Math.max(max, x);
        }
      }
    }
    return sum == 0 ? 0 : dedupReach(sum, max);
  }

  /**
   * Metrics of {@code campaignId} on {@code date}: the sum of {@link #skuMetrics} over the campaign's SKUs (or of
   * {@link #bannerMetrics} over its banners and platforms; banners have no orders), exact to the kopeck. Unknown
   * campaigns and REF_VK campaigns have {@link DailyMetrics#zero()}.
   */
  public DailyMetrics metrics(String campaignId, LocalDate date) {
    Objects.requireNonNull(campaignId, "campaignId == null");
    Objects.requireNonNull(date, "date == null");
    Integer index = indexOf.get(campaignId);
    if (index == null) {
      return DailyMetrics.zero();
    }
    long key = ((long) index << 32) + date.toEpochDay();
    DailyMetrics cached = dailyCache.get(key);
    if (cached != null) {
      return cached;
    }
    long views = 0;
    long clicks = 0;
    long spendK = 0;
    long orders = 0;
    long ordersK = 0;
    for (SandboxProduct p : products(campaignId)) {
      SkuMetrics m = skuMetrics(campaignId, p.sku(), date);
      views += m.views();
      clicks += m.clicks();
      spendK += m.spend().unscaledValue().longValue();
      orders += m.orders();
      ordersK += m.ordersMoney().unscaledValue().longValue();
    }
    for (SandboxBanner b : banners(campaignId)) {
      for (String platform : BANNER_PLATFORMS) {
        BannerMetrics m = bannerMetrics(campaignId, b.id(), platform, date);
        views += m.views();
        clicks += m.clicks();
        spendK += m.spend().unscaledValue().longValue();
      }
    }
    BigDecimal spend = rub(spendK);
    DailyMetrics m = new DailyMetrics(views, clicks, spend, DailyMetrics.avg(spend, clicks), orders, rub(ordersK));
    if (dailyCache.size() > 200_000) {
      dailyCache.clear();
    }
    dailyCache.put(key, m);
    return m;
  }

  /** Sum of {@link #metrics(String, LocalDate)} over {@code from..to} inclusive. */
  public DailyMetrics total(String campaignId, LocalDate from, LocalDate to) {
    DailyMetrics sum = DailyMetrics.zero();
    for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
      sum = sum.plus(metrics(campaignId, d));
    }
    return sum;
  }

  /**
   * The spend correction Ozon books on a statistics report of {@code campaignId} for the period {@code from..to}
   * (the {@code Корректировка} line of the CSV report): zero or negative, roubles with two decimals. Every third
   * reportable campaign (dataset positions 1, 4, 7, ... among SKU and BANNER campaigns) gets a correction of 0.1 to
   * 1.5 % of the period's spend (the share depends on the period); others, and periods without spend, get 0.00.
   * Corrections appear only in reports (the {@code Корректировка} line, the {@code Всего} spend and the JSON report's
   * totals), never in {@link #metrics} or the daily/expense statistics.
   */
  public BigDecimal correction(String campaignId, LocalDate from, LocalDate to) {
    Integer index = indexOf.get(campaignId);
    SandboxCampaign c = byId.get(campaignId);
    if (index == null || !reportable(c.advObjectType()) || index % 3 != 1) {
      return rub(0);
    }
    long spendK = total(campaignId, from, to).spend().unscaledValue().longValue();
    long permille = 1 + hash(seed ^ Long.parseLong(campaignId) * 31 ^ from.toEpochDay() * 1_000_003L
        ^ to.toEpochDay()) % 15;
    return rub(-(spendK * permille / 1000));
  }
}
