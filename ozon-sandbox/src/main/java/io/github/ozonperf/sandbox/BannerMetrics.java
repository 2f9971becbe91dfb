package io.github.ozonperf.sandbox;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * Metrics of one banner on one platform on one day: one data row of the banner statistics report (groupBy
 * {@code DATE}). Money in roubles, two decimals.
 *
 * @param bannerId banner id ({@code ID баннера})
 * @param title banner name ({@code Название})
 * @param platform {@code Мобильное приложение} or {@code Десктоп} ({@code Платформа})
 * @param views impressions ({@code Показы})
 * @param clicks clicks ({@code Клики})
 * @param reach unique users reached that day ({@code Охват}); not additive, see {@link SandboxData#reach}
 * @param cpm price of 1000 impressions ({@code Ср. стоимость 1000 показов, ₽})
 * @param spend spend with VAT ({@code Расход, ₽, с НДС}) = views x cpm / 1000, rounded half-up to kopecks
 */
public record BannerMetrics(String bannerId, String title, String platform, long views, long clicks, long reach,
    BigDecimal cpm, BigDecimal spend) {

  /** Validates that no component is null. */
  public BannerMetrics {
    Objects.requireNonNull(bannerId, "bannerId == null");
    Objects.requireNonNull(title, "title == null");
    Objects.requireNonNull(platform, "platform == null");
    Objects.requireNonNull(cpm, "cpm == null");
    Objects.requireNonNull(spend, "spend == null");
  }
}
