package io.github.ozonperf.client.internal.report;

import io.github.ozonperf.client.report.ReportRow;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The one table of report columns: every header Ozon writes (Russian in CSV files of every layout and year,
 * camelCase in JSON answers) mapped to our English column name. The names, their units and their meaning are
 * documented on the constants of {@link ReportRow}; which layout each header comes from is noted beside it, with the
 * evidence in the client's test resources ({@code corpus/}).
 *
 * <p>A layout's orders and revenue are whatever columns it has for them: {@code Заказы}/{@code Продажи, ₽} in the
 * 2024–2025 SKU header, {@code Продано товаров}/{@code Продажи в продвижении, ₽} in the 2026 one, {@code orders}/
 * {@code ordersMoney} in JSON. All of them map to {@link ReportRow#ORDERS} and {@link ReportRow#ORDERS_MONEY}.
 */
public final class HeaderNames {
  private static final Map<String, String> NAMES = new HashMap<>();

  static {
    // --- when and what
    put(ReportRow.DATE, "дата", "день", "date", "day");
    put("week", "неделя", "week");
    put("month", "месяц", "month");
    put("period", "период", "period");
    put("campaignId", "id кампании", "кампания id", "campaignid", "campaign_id", "id");
    put("campaignTitle", "кампания", "название кампании", "campaigntitle");
    put(ReportRow.SKU, "sku", "ozon id", "артикул ozon", "ozon sku");
    put(ReportRow.ADVERTISED_SKU, "ozon id рекламируемого товара", "sku рекламируемого товара",
        "sku продвигаемого товара", "ozon id продвигаемого товара", "advsku");
    put("offerId", "артикул", "артикул продавца", "offerid", "offer_id");
    put(ReportRow.TITLE, "наименование", "название товара", "название", "товар", "наименование товара", "title",
        "name");
    put(ReportRow.PRICE, "цена товара, ₽", "цена товара", "цена товара (руб.)", "цена, ₽", "price");
    put(ReportRow.DATE_ADDED, "дата добавления", "dateadded");
    put(ReportRow.BANNER_ID, "id баннера", "баннер", "bannerid");
    put(ReportRow.PLACEMENT, "место размещения", "размещение", "площадка", "placement");
    put(ReportRow.PLATFORM, "платформа", "platform");
    put(ReportRow.PAGE_TYPE, "тип страницы", "pagetype");
    put(ReportRow.ORDER_SOURCE, "источник заказов", "ordersource");
    put("format", "формат", "format");
    put("audience", "аудитория", "audience");
    // --- search promotion orders report (one row per order)
    put(ReportRow.ORDER_ID, "id заказа", "orderid");
    put("orderNumber", "номер заказа", "ordernumber");
    put(ReportRow.QUANTITY, "количество", "количество, шт", "quantity");
    put(ReportRow.SALE_PRICE, "цена продажи", "цена продажи, ₽", "стоимость продажи, ₽", "saleprice");
    put(ReportRow.COST, "стоимость, ₽", "стоимость", "cost");
    put("bidPercent", "ставка, %", "bidpercent");
    put(ReportRow.BID, "ставка, ₽", "ставка", "средняя ставка, ₽", "bid");
    // --- traffic
    put(ReportRow.VIEWS, "показы", "просмотры", "views", "impressions", "shows");
    put(ReportRow.VIEWABLE_VIEWS, "видимые показы", "видимые показы iab", "viewableviews", "visibleviews");
    put(ReportRow.VIEWS_WITH_SOUND, "просмотры со звуком", "viewswithsound");
    put(ReportRow.REACH, "охват", "reach", "coverage");
    put(ReportRow.CLICKS, "клики", "clicks");
    put(ReportRow.CTR, "ctr (%)", "ctr, %", "ctr", "ctr %");
    put(ReportRow.TO_CART, "в корзину", "добавления в корзину", "tocart");
    put(ReportRow.AVG_CPC, "средняя стоимость клика, ₽", "ср. цена клика, ₽", "средняя цена клика, ₽",
        "стоимость клика, ₽", "ср. стоимость клика, ₽", "cpc", "avgcpc", "avgbid", "clickprice");
    put(ReportRow.CPM, "ср. стоимость 1000 показов, ₽", "цена за 1000 показов, ₽", "стоимость 1000 показов, ₽",
        "cpm", "viewprice", "avgcpm");
    put(ReportRow.QUARTILE_25, "досмотры по квартилям 25%", "досмотры 25%", "досмотры на 25%", "просмотры 25%", "quartile25", "views25");
    put(ReportRow.QUARTILE_50, "досмотры по квартилям 50%", "досмотры 50%", "досмотры на 50%", "просмотры 50%", "quartile50", "views50");
    put(ReportRow.QUARTILE_75, "досмотры по квартилям 75%", "досмотры 75%", "досмотры на 75%", "просмотры 75%", "quartile75", "views75");
    put(ReportRow.QUARTILE_100, "досмотры по квартилям 100%", "досмотры 100%", "досмотры на 100%", "просмотры 100%", "полные досмотры",
        "quartile100", "views100");
    put(ReportRow.VIEW_RATE, "vtr, %", "vtr (%)", "vtr", "vr, %", "viewrate");
    // --- money and results
    put(ReportRow.SPEND, "расход, ₽", "расход, ₽, с ндс", "расход", "расходы, ₽", "расход, руб.",
        "расход за период, ₽", "расход (руб.)", "расход, ₽, без ндс", "spend", "moneyspent", "expense");
    put(ReportRow.ORDERS, "заказы", "заказы, шт", "заказы, шт.", "продано товаров", "orders");
    put(ReportRow.ORDERS_MONEY, "продажи, ₽", "продажи", "заказы, ₽", "выручка, ₽", "выручка",
        "продажи в продвижении, ₽", "продажи (руб.)", "выручка (руб.)", "ordersmoney", "revenue", "sales");
    put(ReportRow.MODEL_ORDERS, "заказы модели", "продано товаров модели", "modelorders");
    put(ReportRow.MODEL_ORDERS_MONEY, "продажи с заказов модели, ₽", "продажи в продвижении с заказов модели, ₽",
        "выручка с заказов модели, ₽", "modelordersmoney", "modelsales");
    put(ReportRow.DRR, "дрр, %", "дрр", "дрр в продвижении, %", "drr");
    put(ReportRow.ALL_ORDERS_MONEY, "заказано на сумму, ₽", "allordersmoney");
    put(ReportRow.ALL_DRR, "дрр (общий), %", "общий дрр, %", "alldrr");
  }

  private HeaderNames() {}

  private static void put(String english, String... headers) {
    for (String header : headers) {
      String previous = NAMES.put(normalize(header), english);
      if (previous != null && !previous.equals(english)) {
        throw new AssertionError(header + " mapped twice: " + previous + ", " + english);
      }
    }
  }

  /** The English name for a header, or the header itself (trimmed) when unknown. */
  public static String english(String header) {
    String trimmed = clean(header);
    String known = NAMES.get(normalize(trimmed));
    return known != null ? known : trimmed;
  }

  /** Whether the header is one we know. */
  public static boolean isKnown(String header) {
    return NAMES.containsKey(normalize(clean(header)));
  }

  /**
   * The columns a statistics layout must have for its numbers to mean anything, missing from {@code english}
   * (English names): views, clicks and spend when the layout counts traffic (it has views or clicks), spend
   * otherwise (the search-promotion orders report, one row per order). Empty when nothing is missing.
   */
  public static List<String> missingRequired(List<String> english) {
    List<String> required = english.contains(ReportRow.VIEWS) || english.contains(ReportRow.CLICKS)
        ? List.of(ReportRow.VIEWS, ReportRow.CLICKS, ReportRow.SPEND) : List.of(ReportRow.SPEND);
    List<String> missing = new ArrayList<>();
    for (String name : required) {
      if (!english.contains(name)) {
        missing.add(name);
      }
    }
    return missing;
  }

  static String clean(String header) {
    if (header == null) {
      return "";
    }
    String s = header.replace("\uFEFF", "").replace('\u00A0', ' ').replace('\u202F', ' ');
    return s.strip();
  }

  private static String normalize(String header) {
    return clean(header).toLowerCase(Locale.ROOT).replaceAll("\\s+", " ")
        .replace("руб.", "₽").replace("(руб)", "₽").replace(" ,", ",");
  }
}
