package io.github.ozonperf.sandbox;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * Metrics of one SKU of one campaign on one day: one data row of the SKU statistics report (groupBy {@code DATE}).
 * Money is in roubles with two decimals (generated in whole kopecks, so sums are exact).
 *
 * @param sku SKU ({@code sku})
 * @param title product title ({@code Название товара})
 * @param price product price ({@code Цена товара, ₽})
 * @param views impressions ({@code Показы})
 * @param clicks clicks ({@code Клики})
 * @param toCart additions to cart ({@code Добавления в корзину})
 * @param spend spend with VAT ({@code Расход, ₽, с НДС}; {@code moneySpent})
 * @param orders items sold through the ad ({@code Продано товаров}; {@code orders})
 * @param ordersMoney promoted revenue ({@code Продажи в продвижении, ₽}; {@code ordersMoney}) = price x orders
 * @param modelOrders items of the same model sold ({@code Продано товаров модели})
 * @param modelOrdersMoney their revenue ({@code Продажи в продвижении с заказов модели, ₽}) = price x modelOrders
 * @param orderedMoney all orders of the SKU, ads or not ({@code Заказано на сумму, ₽})
 * @param addedDate day the SKU was added to the campaign ({@code Дата добавления})
 */
public record SkuMetrics(String sku, String title, BigDecimal price, long views, long clicks, long toCart,
    BigDecimal spend, long orders, BigDecimal ordersMoney, long modelOrders, BigDecimal modelOrdersMoney,
    BigDecimal orderedMoney, LocalDate addedDate) {

  /** Validates that no component is null. */
  public SkuMetrics {
    Objects.requireNonNull(sku, "sku == null");
    Objects.requireNonNull(title, "title == null");
    Objects.requireNonNull(price, "price == null");
    Objects.requireNonNull(spend, "spend == null");
    Objects.requireNonNull(ordersMoney, "ordersMoney == null");
    Objects.requireNonNull(modelOrdersMoney, "modelOrdersMoney == null");
    Objects.requireNonNull(orderedMoney, "orderedMoney == null");
    Objects.requireNonNull(addedDate, "addedDate == null");
  }

  /** These metrics as campaign-level {@link DailyMetrics} (orders = items sold, ordersMoney = promoted revenue). */
  public DailyMetrics toDailyMetrics() {
    return new DailyMetrics(views, clicks, spend, DailyMetrics.avg(spend, clicks), orders, ordersMoney);
  }
}
