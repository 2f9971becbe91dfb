package io.github.ozonperf.sandbox.internal;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.github.ozonperf.sandbox.BannerMetrics;
import io.github.ozonperf.sandbox.SandboxBanner;
import io.github.ozonperf.sandbox.SandboxCampaign;
import io.github.ozonperf.sandbox.SandboxData;
import io.github.ozonperf.sandbox.SandboxProduct;
import io.github.ozonperf.sandbox.SkuMetrics;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The report files as live Ozon writes them (evidence: ozon-performance-client/src/test/resources/corpus/), per
 * campaign type: SKU (2026 header, with or without the {@code День} column), banner, search-promo orders. All numbers
 * are computed in whole kopecks and formatted without BigDecimal or regular expressions (the sandbox is benchmarked).
 */
final class ReportLayouts {
  static final String BOM = "\uFEFF";
  static final String SKU_COLUMNS = "sku;Название товара;Цена товара, ₽;Показы;Клики;CTR, %;Добавления в корзину;"
      + "Средняя стоимость клика, ₽;Расход, ₽, с НДС;Продано товаров;Продажи в продвижении, ₽;Продано товаров модели;"
      + "Продажи в продвижении с заказов модели, ₽;ДРР в продвижении, %;Заказано на сумму, ₽;ДРР (общий), %;"
      + "Дата добавления";
  static final String BANNER_COLUMNS = "ID баннера;Название;Платформа;Показы;Клики;CTR (%);Охват;"
      + "Ср. стоимость 1000 показов, ₽;Расход, ₽, с НДС";
  static final String DAY = "День;";
  static final String ORDERS_HEADER = "Дата;ID заказа;Номер заказа;SKU;SKU продвигаемого товара;Артикул;"
      + "Источник заказов;Название товара;Количество;Стоимость продажи, ₽;Стоимость, ₽;Ставка, %;Ставка, ₽;Расход, ₽";
  static final String PRODUCTS_HEADER = "SKU;Название товара;Показы;Клики;Добавления в корзину;Количество;"
      + "Стоимость, ₽;Расход, ₽";
  static final String CORRECTION = "Корректировка";
  static final String TOTAL = "Всего";

  private final SandboxData data;

  ReportLayouts(SandboxData data) {
    this.data = data;
  }

  // ------------------------------------------------------------------------------------------------ numbers

  /** Half-up {@code a / b} for {@code b > 0}. */
  static long div(long a, long b) {
    return a >= 0 ? (2 * a + b) / (2 * b) : -((-2 * a + b) / (2 * b));
  }

  /** {@code unscaled / 10^scale} with a decimal comma; thousands separated by a space when asked. */
  static StringBuilder fixed(StringBuilder sb, long unscaled, int scale, boolean thousands) {
    if (unscaled < 0) {
      sb.append('-');
      unscaled = -unscaled;
    }
    long pow = scale == 2 ? 100 : scale == 1 ? 10 : 1;
    long whole = unscaled / pow;
    String w = Long.toString(whole);
    if (thousands && w.length() > 3) {
      int first = w.length() % 3 == 0 ? 3 : w.length() % 3;
      sb.append(w, 0, first);
      for (int i = first; i < w.length(); i += 3) {
        sb.append(' ').append(w, i, i + 3);
      }
    } else {
      sb.append(w);
    }
    if (scale > 0) {
      sb.append(',');
      long frac = unscaled % pow;
      if (scale == 2 && frac < 10) {
        sb.append('0');
      }
      sb.append(frac);
    }
    return sb;
  }

  static String money(long kopecks) {
    return fixed(new StringBuilder(12), kopecks, 2, false).toString();
  }

  /** {@code num * 100 / den} percent, two decimals ({@code 0,00} when den is 0). */
  static long pct2(long num, long den) {
    return den == 0 ? 0 : div(num * 10_000, den);
  }

  /** {@code num * 100 / den} percent, one decimal ({@code 0,0} when den is 0). */
  static long pct1(long num, long den) {
    return den == 0 ? 0 : div(num * 1_000, den);
  }

  static long kop(BigDecimal roubles) {
    return roubles.unscaledValue().longValue();
  }

  static String ruDate(LocalDate d) {
    StringBuilder sb = new StringBuilder(10);
    two(sb, d.getDayOfMonth()).append('.');
    two(sb, d.getMonthValue()).append('.').append(d.getYear());
    return sb.toString();
  }

  /** {@code dd.mm}, as in ZIP entry names. */
  static String ddmm(LocalDate d) {
    StringBuilder sb = new StringBuilder(5);
    two(sb, d.getDayOfMonth()).append('.');
    return two(sb, d.getMonthValue()).toString();
  }

  private static StringBuilder two(StringBuilder sb, int v) {
    return (v < 10 ? sb.append('0') : sb).append(v);
  }

  static String csvText(String s) {
    return s.indexOf(';') >= 0 || s.indexOf('"') >= 0 ? '"' + s.replace("\"", "\"\"") + '"' : s;
  }

  /** The name of a campaign's file: {@code <id>_<dd.mm>-<dd.mm>.csv}, as live ZIP entries are named. */
  static String fileName(String id, LocalDate from, LocalDate to) {
    return id + "_" + ddmm(from) + "-" + ddmm(to) + ".csv";
  }

  static LocalDate bucket(LocalDate d, LocalDate from, String groupBy) {
    return switch (groupBy) {
      case "DATE" -> d;
      case "START_OF_WEEK" -> d.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
      case "START_OF_MONTH" -> d.withDayOfMonth(1);
      default -> from;
    };
  }

  // ------------------------------------------------------------------------------------------------ sums

  /** Sums of SKU rows (or banner rows) in kopecks and counts. */
  static final class Acc {
    long views;
    long clicks;
    long toCart;
    long spend;
    long orders;
    long ordersMoney;
    long modelOrders;
    long modelMoney;
    long orderedMoney;
    long reachSum;
    long reachMax;

    void add(SkuMetrics m) {
      views += m.views();
      clicks += m.clicks();
      toCart += m.toCart();
      spend += kop(m.spend());
      orders += m.orders();
      ordersMoney += kop(m.ordersMoney());
      modelOrders += m.modelOrders();
      modelMoney += kop(m.modelOrdersMoney());
      orderedMoney += kop(m.orderedMoney());
    }

    void add(BannerMetrics m) {
      views += m.views();
      clicks += m.clicks();
      spend += kop(m.spend());
      reachSum += m.reach();
      reachMax = Math.max(reachMax, m.reach());
    }

    void add(Acc o) {
      views += o.views;
      clicks += o.clicks;
      toCart += o.toCart;
      spend += o.spend;
      orders += o.orders;
      ordersMoney += o.ordersMoney;
      modelOrders += o.modelOrders;
      modelMoney += o.modelMoney;
      orderedMoney += o.orderedMoney;
      reachSum += o.reachSum;
      reachMax = Math.max(reachMax, o.reachMax);
    }

    long reach() {
      return reachSum == 0 ? 0 : SandboxData.dedupReach(reachSum, reachMax);
    }
  }

  /** SKU rows of a campaign: bucket start -> one Acc per product (in product order). */
  private Map<LocalDate, Acc[]> skuBuckets(String id, List<SandboxProduct> ps, LocalDate from, LocalDate to,
      String groupBy) {
    Map<LocalDate, Acc[]> out = new LinkedHashMap<>();
    for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
      Acc[] accs = out.computeIfAbsent(bucket(d, from, groupBy), k -> newAccs(ps.size()));
      for (int i = 0; i < ps.size(); i++) {
        accs[i].add(data.skuMetrics(id, ps.get(i).sku(), d));
      }
    }
    return out;
  }

  /** Banner rows of a campaign: bucket start -> one Acc per banner x platform. */
  private Map<LocalDate, Acc[]> bannerBuckets(String id, List<SandboxBanner> bs, LocalDate from, LocalDate to,
      String groupBy) {
    List<String> platforms = SandboxData.BANNER_PLATFORMS;
    Map<LocalDate, Acc[]> out = new LinkedHashMap<>();
    for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
      Acc[] accs = out.computeIfAbsent(bucket(d, from, groupBy), k -> newAccs(bs.size() * platforms.size()));
      for (int i = 0; i < bs.size(); i++) {
        for (int p = 0; p < platforms.size(); p++) {
          accs[i * platforms.size() + p].add(data.bannerMetrics(id, bs.get(i).id(), platforms.get(p), d));
        }
      }
    }
    return out;
  }

  private static Acc[] newAccs(int n) {
    Acc[] a = new Acc[n];
    for (int i = 0; i < n; i++) {
      a[i] = new Acc();
    }
    return a;
  }

  // ------------------------------------------------------------------------------------------------ CSV

  static String title(SandboxCampaign c, String id, LocalDate from, LocalDate to) {
    String period = ", период " + ruDate(from) + "-" + ruDate(to);
    if (c != null && c.advObjectType().equals("BANNER")) {
      return "Рекламная кампания № " + id + ", " + c.title() + period;
    }
    return "Кампания по продвижению товаров № " + id + period;
  }

  /** The statistics CSV of one campaign (SKU or banner layout). */
  byte[] campaignCsv(SandboxCampaign c, String id, LocalDate from, LocalDate to, String groupBy) {
    StringBuilder sb = new StringBuilder(4096);
    sb.append(BOM).append(';').append(title(c, id, from, to)).append('\n');
    boolean dated = !groupBy.equals("NO_GROUP_BY");
    long correction = kop(data.correction(id, from, to));
    if (c != null && c.advObjectType().equals("BANNER")) {
      bannerCsv(sb, id, from, to, groupBy, dated, correction);
    } else {
      skuCsv(sb, id, from, to, groupBy, dated, correction);
    }
    return sb.toString().getBytes(StandardCharsets.UTF_8);
  }

  private void skuCsv(StringBuilder sb, String id, LocalDate from, LocalDate to, String groupBy, boolean dated,
      long correction) {
    // Dated files separate thousands with a space, NO_GROUP_BY files do not (corpus sku-csv / sku-nogroup-csv).
    boolean th = dated;
    if (dated) {
      sb.append(DAY);
    }
    sb.append(SKU_COLUMNS).append('\n');
    List<SandboxProduct> ps = data.products(id);
    String[] price = new String[ps.size()];
    String[] added = new String[ps.size()];
    String[] names = new String[ps.size()];
    Acc total = new Acc();
    for (Map.Entry<LocalDate, Acc[]> e : skuBuckets(id, ps, from, to, groupBy).entrySet()) {
      String day = dated ? ruDate(e.getKey()) : null;
      Acc[] accs = e.getValue();
      for (int i = 0; i < accs.length; i++) {
        if (price[i] == null) {
          SkuMetrics m = data.skuMetrics(id, ps.get(i).sku(), from);
          price[i] = fixed(new StringBuilder(), kop(m.price()), 2, th).toString();
          added[i] = ruDate(m.addedDate());
          names[i] = csvText(m.title());
        }
        Acc a = accs[i];
        total.add(a);
        if (day != null) {
          sb.append(day).append(';');
        }
        sb.append(ps.get(i).sku()).append(';').append(names[i]).append(';').append(price[i]).append(';');
        skuMetricCells(sb, a, th);
        sb.append(added[i]).append('\n');
      }
    }
    int spendCell = dated ? 9 : 8;
    int cells = dated ? 18 : 17;
    if (correction != 0) {
      sb.append(CORRECTION);
      for (int i = 1; i < cells; i++) {
        sb.append(';');
        if (i == spendCell) {
          fixed(sb, correction, 2, th);
        }
      }
      sb.append('\n');
    }
    total.spend += correction;
    sb.append(TOTAL);
    if (dated) {
      // Всего;;;;views;clicks;;;;spend;orders;ordersMoney;;;;;; (corpus sku-csv)
      sb.append(";;;;");
      fixed(sb, total.views, 0, th).append(';');
      fixed(sb, total.clicks, 0, th).append(";;;;");
      fixed(sb, total.spend, 2, th).append(';');
      fixed(sb, total.orders, 0, th).append(';');
      fixed(sb, total.ordersMoney, 2, th).append(";;;;;;\n");
    } else {
      // Всего;;;<every metric, ratios recomputed from the totals>; (corpus sku-nogroup-csv)
      sb.append(";;;");
      skuMetricCells(sb, total, false);
      sb.append('\n');
    }
  }

  /** Показы … ДРР (общий), %; each cell followed by ';'. */
  private static void skuMetricCells(StringBuilder sb, Acc a, boolean th) {
    fixed(sb, a.views, 0, th).append(';');
    fixed(sb, a.clicks, 0, th).append(';');
    fixed(sb, pct2(a.clicks, a.views), 2, th).append(';');
    fixed(sb, a.toCart, 0, th).append(';');
    fixed(sb, a.clicks == 0 ? 0 : div(a.spend, a.clicks), 2, th).append(';');
    fixed(sb, a.spend, 2, th).append(';');
    fixed(sb, a.orders, 0, th).append(';');
    fixed(sb, a.ordersMoney, 2, th).append(';');
    fixed(sb, a.modelOrders, 0, th).append(';');
    fixed(sb, a.modelMoney, 2, th).append(';');
    fixed(sb, pct1(a.spend, a.ordersMoney), 1, th).append(';');
    fixed(sb, a.orderedMoney, 2, th).append(';');
    fixed(sb, pct1(a.spend, a.orderedMoney), 1, th).append(';');
  }

  private void bannerCsv(StringBuilder sb, String id, LocalDate from, LocalDate to, String groupBy, boolean dated,
      long correction) {
    if (dated) {
      sb.append(DAY);
    }
    sb.append(BANNER_COLUMNS).append('\n');
    List<SandboxBanner> bs = data.banners(id);
    List<String> platforms = SandboxData.BANNER_PLATFORMS;
    String cpm = bs.isEmpty() ? "0,00"
        : money(kop(data.bannerMetrics(id, bs.get(0).id(), platforms.get(0), from).cpm()));
    Acc total = new Acc();
    for (Map.Entry<LocalDate, Acc[]> e : bannerBuckets(id, bs, from, to, groupBy).entrySet()) {
      String day = dated ? ruDate(e.getKey()) : null;
      Acc[] accs = e.getValue();
      for (int i = 0; i < accs.length; i++) {
        SandboxBanner b = bs.get(i / platforms.size());
        Acc a = accs[i];
        total.add(a);
        if (day != null) {
          sb.append(day).append(';');
        }
        sb.append(b.id()).append(';').append(csvText(b.title())).append(';')
            .append(platforms.get(i % platforms.size())).append(';').append(a.views).append(';').append(a.clicks)
            .append(';');
        fixed(sb, pct2(a.clicks, a.views), 2, false).append(';').append(a.reach()).append(';').append(cpm)
            .append(';');
        fixed(sb, a.spend, 2, false).append('\n');
      }
    }
    int spendCell = dated ? 9 : 8;
    int cells = dated ? 10 : 9;
    if (correction != 0) {
      sb.append(CORRECTION);
      for (int i = 1; i < cells; i++) {
        sb.append(';');
        if (i == spendCell) {
          fixed(sb, correction, 2, false);
        }
      }
      sb.append('\n');
    }
    total.spend += correction;
    // Всего;;;(;)views;clicks;CTR;reach;CPM;spend (corpus banner-csv); reach de-duplicated, CPM from the totals
    sb.append(TOTAL).append(dated ? ";;;;" : ";;;").append(total.views).append(';').append(total.clicks).append(';');
    fixed(sb, pct2(total.clicks, total.views), 2, false).append(';').append(total.reach()).append(';');
    fixed(sb, total.views == 0 ? 0 : div(total.spend * 1000, total.views), 2, false).append(';');
    fixed(sb, total.spend, 2, false).append('\n');
  }

  /**
   * The search-promo orders report ({@code statistic/orders/generate}, all-SKU-promo orders): one row per SKU per
   * day with orders, over the given campaigns; {@code Всего} fills only the spend (corpus search-promo-csv).
   */
  byte[] ordersCsv(List<String> ids, LocalDate from, LocalDate to) {
    StringBuilder sb = new StringBuilder(4096);
    sb.append(BOM).append(";Отчёт по заказам, период ").append(ruDate(from)).append('-').append(ruDate(to))
        .append('\n').append(ORDERS_HEADER).append('\n');
    long total = 0;
    for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
      String day = ruDate(d);
      for (String id : ids) {
        for (SandboxProduct p : data.products(id)) {
          SkuMetrics m = data.skuMetrics(id, p.sku(), d);
          if (m.orders() == 0) {
            continue;
          }
          long spend = kop(m.spend());
          long revenue = kop(m.ordersMoney());
          long h = (Long.parseLong(id) * 1_000_003L ^ Long.parseLong(p.sku()) * 31 ^ d.toEpochDay()) & 0xFFFFFFFFFFL;
          String sku = p.sku();
          sb.append(day).append(';').append(30_000_000_000L + h % 9_000_000_000L).append(';')
              .append(10_000_000 + h % 89_999_999).append('-').append(1000 + h % 8999).append(';').append(sku)
              .append(';').append(sku).append(";F").append(sku.length() > 9 ? sku.substring(sku.length() - 9) : sku)
              .append(";Оплата за заказ;\"").append(m.title().replace("\"", "\"\"")).append("\";")
              .append(m.orders()).append(';');
          fixed(sb, kop(m.price()), 2, false).append(';');
          fixed(sb, revenue, 2, false).append(';');
          fixed(sb, pct2(spend, revenue), 2, false).append(';');
          fixed(sb, spend, 2, false).append(';');
          fixed(sb, spend, 2, false).append('\n');
          total += spend;
        }
      }
    }
    sb.append(TOTAL).append(";;;;;;;;;;;;;");
    fixed(sb, total, 2, false).append('\n');
    return sb.toString().getBytes(StandardCharsets.UTF_8);
  }

  /**
   * The search-promo products report ({@code statistic/products/generate}): no public evidence of its layout, so
   * the sandbox writes one row per SKU over the period under its own header ({@link #PRODUCTS_HEADER}).
   */
  byte[] productsCsv(List<String> ids, LocalDate from, LocalDate to) {
    StringBuilder sb = new StringBuilder(4096);
    sb.append(BOM).append(";Отчёт по товарам, период ").append(ruDate(from)).append('-').append(ruDate(to))
        .append('\n').append(PRODUCTS_HEADER).append('\n');
    long total = 0;
    for (String id : ids) {
      List<SandboxProduct> ps = data.products(id);
      Map<LocalDate, Acc[]> b = skuBuckets(id, ps, from, to, "NO_GROUP_BY");
      Acc[] accs = b.isEmpty() ? new Acc[0] : b.values().iterator().next();
      for (int i = 0; i < accs.length; i++) {
        Acc a = accs[i];
        sb.append(ps.get(i).sku()).append(';').append(csvText(ps.get(i).title())).append(';').append(a.views)
            .append(';').append(a.clicks).append(';').append(a.toCart).append(';').append(a.orders).append(';');
        fixed(sb, a.ordersMoney, 2, false).append(';');
        fixed(sb, a.spend, 2, false).append('\n');
        total += a.spend;
      }
    }
    sb.append(TOTAL).append(";;;;;;;");
    fixed(sb, total, 2, false).append('\n');
    return sb.toString().getBytes(StandardCharsets.UTF_8);
  }

  // ------------------------------------------------------------------------------------------------ JSON

  /**
   * One campaign of a JSON report: {@code {"title","report":{"rows":[…],"totals":{…}}}} (corpus report-json). SKU
   * rows come per SKU and page type ({@code Поиск} takes 3/5 of every count and kopeck amount, {@code Категории}
   * the rest); rows carry a {@code date} unless groupBy is NO_GROUP_BY. Totals: the rows' moneySpent, views,
   * clicks, orders and ordersMoney.
   */
  JsonObject jsonCampaign(SandboxCampaign c, String id, LocalDate from, LocalDate to, String groupBy) {
    boolean dated = !groupBy.equals("NO_GROUP_BY");
    JsonArray rows = new JsonArray();
    Acc total = new Acc();
    if (c != null && c.advObjectType().equals("BANNER")) {
      List<SandboxBanner> bs = data.banners(id);
      List<String> platforms = SandboxData.BANNER_PLATFORMS;
      for (Map.Entry<LocalDate, Acc[]> e : bannerBuckets(id, bs, from, to, groupBy).entrySet()) {
        Acc[] accs = e.getValue();
        for (int i = 0; i < accs.length; i++) {
          Acc a = accs[i];
          total.add(a);
          JsonObject row = new JsonObject();
          row.addProperty("bannerId", bs.get(i / platforms.size()).id());
          row.addProperty("platform", platforms.get(i % platforms.size()));
          if (dated) {
            row.addProperty("date", e.getKey().toString());
          }
          row.addProperty("moneySpent", money(a.spend));
          row.addProperty("views", Long.toString(a.views));
          row.addProperty("clicks", Long.toString(a.clicks));
          row.addProperty("reach", Long.toString(a.reach()));
          rows.add(row);
        }
      }
    } else {
      List<SandboxProduct> ps = data.products(id);
      for (Map.Entry<LocalDate, Acc[]> e : skuBuckets(id, ps, from, to, groupBy).entrySet()) {
        Acc[] accs = e.getValue();
        for (int i = 0; i < accs.length; i++) {
          Acc a = accs[i];
          total.add(a);
          String date = dated ? e.getKey().toString() : null;
          rows.add(pageRow("Поиск", ps.get(i).sku(), date, a.spend * 3 / 5, a.views * 3 / 5, a.clicks * 3 / 5,
              a.orders * 3 / 5, a.ordersMoney * 3 / 5));
          rows.add(pageRow("Категории", ps.get(i).sku(), date, a.spend - a.spend * 3 / 5, a.views - a.views * 3 / 5,
              a.clicks - a.clicks * 3 / 5, a.orders - a.orders * 3 / 5, a.ordersMoney - a.ordersMoney * 3 / 5));
        }
      }
    }
    JsonObject totals = new JsonObject();
    // No public JSON report shows a correction (corpus report-json): the totals are the rows' sums, and a
    // correction appears only in the CSV forms (Корректировка).
    totals.addProperty("moneySpent", money(total.spend));
    totals.addProperty("views", Long.toString(total.views));
    totals.addProperty("clicks", Long.toString(total.clicks));
    totals.addProperty("orders", Long.toString(total.orders));
    totals.addProperty("ordersMoney", money(total.ordersMoney));
    JsonObject report = new JsonObject();
    report.add("rows", rows);
    report.add("totals", totals);
    JsonObject o = new JsonObject();
    o.addProperty("title", title(c, id, from, to));
    o.add("report", report);
    return o;
  }

  private static JsonObject pageRow(String pageType, String sku, String date, long spend, long views, long clicks,
      long orders, long ordersMoney) {
    JsonObject row = new JsonObject();
    row.addProperty("pageType", pageType);
    row.addProperty("sku", sku);
    if (date != null) {
      row.addProperty("date", date);
    }
    row.addProperty("moneySpent", money(spend));
    row.addProperty("views", Long.toString(views));
    row.addProperty("clicks", Long.toString(clicks));
    row.addProperty("orders", Long.toString(orders));
    row.addProperty("ordersMoney", money(ordersMoney));
    return row;
  }
}
