package io.github.ozonperf.client.report;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.DateTimeException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One row of a statistics report. Ozon's Russian headers are mapped to English names ({@link #VIEWS},
 * {@link #CLICKS}, {@link #SPEND}, …); columns this SDK does not know keep their original header. Typed
 * accessors parse leniently and give {@code null} when the report has no (or no numeric) value.
 */
public final class ReportRow {
  // One constant per column this SDK knows; HeaderNames maps every header of every layout to one of them.

  /** Column name: the day of the row ({@code День}, {@code Дата}); absent in reports grouped by nothing. */
  public static final String DATE = "date";
  /** Column name: the advertised product's SKU ({@code sku}). */
  public static final String SKU = "sku";
  /** Column name: the SKU of the advertised product an order came through (orders report). */
  public static final String ADVERTISED_SKU = "advertisedSku";
  /** Column name: product, banner or campaign title. */
  public static final String TITLE = "title";
  /** Column name: the product's price, roubles ({@code Цена товара, ₽}). */
  public static final String PRICE = "price";
  /** Column name: when the product was added to the campaign ({@code Дата добавления}), as written. */
  public static final String DATE_ADDED = "dateAdded";
  /** Column name: the banner's id ({@code ID баннера}, banner reports). */
  public static final String BANNER_ID = "bannerId";
  /** Column name: where the ad was shown ({@code Место размещения}), as written. */
  public static final String PLACEMENT = "placement";
  /** Column name: the platform the ad was shown on ({@code Платформа}: mobile app, desktop; banner reports). */
  public static final String PLATFORM = "platform";
  /** Column name: the kind of page the ad was shown on ({@code pageType} of JSON reports), as written. */
  public static final String PAGE_TYPE = "pageType";
  /** Column name: where the order came from ({@code Источник заказов}, orders report), as written. */
  public static final String ORDER_SOURCE = "orderSource";
  /** Column name: the order's id (search-promotion orders report). */
  public static final String ORDER_ID = "orderId";
  /** Column name: items in the order (orders report, {@code Количество}). */
  public static final String QUANTITY = "quantity";
  /** Column name: the item's sale price, roubles (orders report, {@code Стоимость продажи, ₽}). */
  public static final String SALE_PRICE = "salePrice";
  /** Column name: the order line's value, roubles (orders report, {@code Стоимость, ₽}). */
  public static final String COST = "cost";
  /** Column name: the bid, roubles ({@code Ставка, ₽}). */
  public static final String BID = "bid";
  /** Column name: impressions ({@code Показы}). */
  public static final String VIEWS = "views";
  /** Column name: impressions that were actually visible ({@code Видимые показы}, video banners). */
  public static final String VIEWABLE_VIEWS = "viewableViews";
  /** Column name: unique users reached ({@code Охват}, banner and video reports). */
  public static final String REACH = "reach";
  /** Column name: clicks ({@code Клики}). */
  public static final String CLICKS = "clicks";
  /** Column name: click-through rate in percent, as Ozon wrote it ({@code CTR, %}). */
  public static final String CTR = "ctr";
  /** Column name: additions to cart ({@code Добавления в корзину}, {@code В корзину}). */
  public static final String TO_CART = "toCart";
  /** Column name: average cost per click, roubles ({@code Средняя стоимость клика, ₽}). */
  public static final String AVG_CPC = "avgCpc";
  /** Column name: average cost of 1,000 impressions, roubles ({@code Ср. стоимость 1000 показов, ₽}). */
  public static final String CPM = "cpm";
  /** Column name: video views with the sound on ({@code Просмотры со звуком}, video banners). */
  public static final String VIEWS_WITH_SOUND = "viewsWithSound";
  /** Column name: video views to 25 % (video banners). */
  public static final String QUARTILE_25 = "quartile25";
  /** Column name: video views to 50 % (video banners). */
  public static final String QUARTILE_50 = "quartile50";
  /** Column name: video views to 75 % (video banners). */
  public static final String QUARTILE_75 = "quartile75";
  /** Column name: video views to the end (video banners). */
  public static final String QUARTILE_100 = "quartile100";
  /** Column name: view-through rate in percent, as written (video banners). */
  public static final String VIEW_RATE = "viewRate";
  /** Column name: money spent, roubles, VAT included ({@code Расход, ₽, с НДС}; {@code moneySpent} in JSON). */
  public static final String SPEND = "spend";
  /**
   * Column name: orders attributed to the ad — items sold ({@code Продано товаров}, 2026 header), orders
   * ({@code Заказы}, earlier headers), {@code orders} in JSON.
   */
  public static final String ORDERS = "orders";
  /**
   * Column name: revenue attributed to the ad, roubles ({@code Продажи в продвижении, ₽}, 2026 header;
   * {@code Продажи, ₽}, earlier headers; {@code ordersMoney} in JSON).
   */
  public static final String ORDERS_MONEY = "ordersMoney";
  /** Column name: items of the same model sold ({@code Продано товаров модели}, {@code Заказы модели}). */
  public static final String MODEL_ORDERS = "modelOrders";
  /** Column name: revenue from orders of the same model, roubles. */
  public static final String MODEL_ORDERS_MONEY = "modelOrdersMoney";
  /** Column name: ad cost share of the attributed revenue in percent, as written ({@code ДРР в продвижении, %}). */
  public static final String DRR = "drr";
  /** Column name: all orders of the product, roubles, ad-attributed or not ({@code Заказано на сумму, ₽}). */
  public static final String ALL_ORDERS_MONEY = "allOrdersMoney";
  /** Column name: ad cost share of all orders in percent, as written ({@code ДРР (общий), %}). */
  public static final String ALL_DRR = "allDrr";

  private final String campaignId;
  private final Map<String, String> columns;
  private final LocalDate date;
  private final Long views;
  private final Long clicks;
  private final BigDecimal spend;
  private final Long orders;
  private final BigDecimal ordersMoney;

  private ReportRow(String campaignId, Map<String, String> columns) {
    this.campaignId = campaignId;
    this.columns = columns;
    this.date = parseDate(columns.get(DATE));
    this.views = Numbers.tryParseLong(columns.get(VIEWS));
    this.clicks = Numbers.tryParseLong(columns.get(CLICKS));
    this.spend = Numbers.tryParseDecimal(columns.get(SPEND));
    // The orders report has one row per order: its items and its value are the row's orders and revenue.
    this.orders = Numbers.tryParseLong(columns.containsKey(ORDERS) ? columns.get(ORDERS) : columns.get(QUANTITY));
    this.ordersMoney = Numbers.tryParseDecimal(
        columns.containsKey(ORDERS_MONEY) ? columns.get(ORDERS_MONEY) : columns.get(COST));
  }

  /**
   * A row.
   *
   * @param campaignId the campaign the row belongs to
   * @param columns    values by column name (English where known), in file order; copied
   */
  public static ReportRow of(String campaignId, Map<String, String> columns) {
    Objects.requireNonNull(campaignId, "campaignId == null");
    Objects.requireNonNull(columns, "columns == null");
    return new ReportRow(campaignId, Collections.unmodifiableMap(new LinkedHashMap<>(columns)));
  }

  /** The campaign this row belongs to. */
  public String campaignId() {
    return campaignId;
  }

  /** The row's date ({@code YYYY-MM-DD} or {@code DD.MM.YYYY} in the file), or {@code null}. */
  public LocalDate date() {
    return date;
  }

  /** Impressions, or {@code null}. */
  public Long views() {
    return views;
  }

  /** Clicks, or {@code null}. */
  public Long clicks() {
    return clicks;
  }

  /** Money spent in roubles, or {@code null}. */
  public BigDecimal spend() {
    return spend;
  }

  /** Orders attributed to the ad ({@link #ORDERS}; the items of the order in the orders report), or {@code null}. */
  public Long orders() {
    return orders;
  }

  /**
   * Revenue attributed to the ad in roubles ({@link #ORDERS_MONEY}; the order's value in the orders report), or
   * {@code null}.
   */
  public BigDecimal ordersMoney() {
    return ordersMoney;
  }

  /** The advertised SKU as written, or {@code null}. */
  public String sku() {
    return columns.get(SKU);
  }

  /** The title as written, or {@code null}. */
  public String title() {
    return columns.get(TITLE);
  }

  /** CTR in percent as Ozon wrote it, or {@code null}; {@link ReportTotals#ctr()} computes it from counts. */
  public BigDecimal ctr() {
    return Numbers.tryParseDecimal(columns.get(CTR));
  }

  /** Average cost per click as Ozon wrote it, or {@code null}. */
  public BigDecimal avgCpc() {
    return Numbers.tryParseDecimal(columns.get(AVG_CPC));
  }

  /** Additions to cart, or {@code null}. */
  public Long toCart() {
    return Numbers.tryParseLong(columns.get(TO_CART));
  }

  /** Items of the same model sold, or {@code null}. */
  public Long modelOrders() {
    return Numbers.tryParseLong(columns.get(MODEL_ORDERS));
  }

  /** Revenue from orders of the same model in roubles, or {@code null}. */
  public BigDecimal modelOrdersMoney() {
    return Numbers.tryParseDecimal(columns.get(MODEL_ORDERS_MONEY));
  }

  /** All orders of the product in roubles, ad-attributed or not, or {@code null}. */
  public BigDecimal allOrdersMoney() {
    return Numbers.tryParseDecimal(columns.get(ALL_ORDERS_MONEY));
  }

  /** Unique users reached (banner and video reports), or {@code null}. */
  public Long reach() {
    return Numbers.tryParseLong(columns.get(REACH));
  }

  /** Visible impressions (video banners), or {@code null}. */
  public Long viewableViews() {
    return Numbers.tryParseLong(columns.get(VIEWABLE_VIEWS));
  }

  /** A column parsed leniently as a whole number, or {@code null}. */
  public Long count(String column) {
    return Numbers.tryParseLong(columns.get(column));
  }

  /** The raw value of a column by its English name (or original header for unknown columns), or {@code null}. */
  public String get(String column) {
    return columns.get(column);
  }

  /** A column parsed leniently as a number, or {@code null}. */
  public BigDecimal decimal(String column) {
    return Numbers.tryParseDecimal(columns.get(column));
  }

  /** Every column of the row, in file order. */
  public Map<String, String> columns() {
    return columns;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ReportRow other && campaignId.equals(other.campaignId)
        && columns.equals(other.columns);
  }

  @Override
  public int hashCode() {
    return 31 * campaignId.hashCode() + columns.hashCode();
  }

  @Override
  public String toString() {
    return "ReportRow{campaignId=" + campaignId + ", " + columns + '}';
  }

  // Hand-rolled: DateTimeFormatter.parse costs about as much as the rest of a row together.
  private static LocalDate parseDate(String text) {
    if (text == null) {
      return null;
    }
    String s = text.strip(); // "2026-10-01", "01.10.2026", "01.10.2026 - 07.10.2026", ISO date-time
    if (s.length() < 10) {
      return null;
    }
    try {
      if (s.charAt(2) == '.' && s.charAt(5) == '.') {
        return LocalDate.of(digits(s, 6, 10), digits(s, 3, 5), digits(s, 0, 2));
      }
      if (s.charAt(4) == '-' && s.charAt(7) == '-') {
        return LocalDate.of(digits(s, 0, 4), digits(s, 5, 7), digits(s, 8, 10));
      }
    } catch (DateTimeException | NumberFormatException e) {
      return null;
    }
    return null;
  }

  private static int digits(String s, int from, int to) {
    int value = 0;
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        throw new NumberFormatException();
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }
}
