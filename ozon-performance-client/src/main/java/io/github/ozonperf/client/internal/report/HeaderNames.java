package io.github.ozonperf.client.internal.report;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** Maps the column headers of Ozon's reports (Russian in CSV, camelCase in JSON) to our English names. */
public final class HeaderNames {
  private static final Map<String, String> NAMES = new HashMap<>();

  static {
    put("date", "дата", "день", "date", "day", "период");
    put("week", "неделя", "week");
    put("month", "месяц", "month");
    put("campaignId", "id кампании", "кампания id", "campaignid", "campaign_id", "id");
    put("campaignTitle", "кампания", "название кампании", "campaigntitle");
    put("orderId", "id заказа", "orderid");
    put("orderNumber", "номер заказа", "ordernumber");
    put("sku", "sku", "ozon id", "артикул ozon", "ozon sku");
    put("advertisedSku", "ozon id рекламируемого товара", "sku рекламируемого товара", "advsku");
    put("offerId", "артикул", "артикул продавца", "offerid", "offer_id");
    put("title", "наименование", "название товара", "название", "товар", "наименование товара", "title",
        "name");
    put("quantity", "количество", "количество, шт", "quantity");
    put("salePrice", "цена продажи", "цена продажи, ₽", "saleprice");
    put("price", "цена товара, ₽", "цена товара (руб.)", "цена товара", "цена, ₽", "price");
    put("cost", "стоимость, ₽", "стоимость", "cost");
    put("bidPercent", "ставка, %", "bidpercent");
    put("bid", "ставка, ₽", "ставка", "средняя ставка, ₽", "bid");
    put("views", "показы", "просмотры", "views", "impressions", "shows");
    put("clicks", "клики", "clicks");
    put("ctr", "ctr (%)", "ctr, %", "ctr", "ctr %");
    put("toCart", "в корзину", "добавления в корзину", "tocart");
    put("avgCpc", "средняя стоимость клика, ₽", "ср. цена клика, ₽", "средняя цена клика, ₽",
        "стоимость клика, ₽", "cpc", "avgcpc", "avgbid", "clickprice");
    put("cpm", "цена за 1000 показов, ₽", "cpm", "viewprice");
    put("spend", "расход, ₽", "расход, ₽, с ндс", "расход", "расходы, ₽", "расход (руб.)", "расход, руб.",
        "spend", "moneyspent", "expense");
    put("orders", "заказы", "заказы, шт", "заказы, шт.", "orders");
    put("ordersMoney", "продажи, ₽", "продажи", "заказы, ₽", "выручка, ₽", "выручка", "продажи (руб.)",
        "ordersmoney", "revenue");
    put("modelOrders", "заказы модели", "modelorders");
    put("modelOrdersMoney", "продажи с заказов модели, ₽", "modelordersmoney");
    put("drr", "дрр, %", "дрр", "drr");
    put("placement", "место размещения", "размещение", "placement");
  }

  private HeaderNames() {}

  private static void put(String english, String... headers) {
    for (String header : headers) {
      NAMES.put(normalize(header), english);
    }
  }

  /** The English name for a header, or the header itself (trimmed) when unknown. */
  public static String english(String header) {
    String trimmed = clean(header);
    String known = NAMES.get(normalize(trimmed));
    if (known != null) {
      return known;
    }
    String n = normalize(trimmed);
    if (n.startsWith("расход")) {
      return "spend"; // "Расход, ₽, с НДС", "Расход за период, ₽"...
    }
    return trimmed;
  }

  /** Whether the header is one we know. */
  public static boolean isKnown(String header) {
    return NAMES.containsKey(normalize(clean(header)));
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
        .replace("руб.", "₽").replace(" ,", ",");
  }
}
