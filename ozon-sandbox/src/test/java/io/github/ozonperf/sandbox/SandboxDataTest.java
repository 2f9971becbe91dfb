package io.github.ozonperf.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class SandboxDataTest {
  private static final LocalDate DAY = LocalDate.of(2026, 11, 1);

  @Test
  void sameSeedGivesTheSameCampaignsAndNumbers() {
    SandboxData a = SandboxData.generate(5);
    SandboxData b = SandboxData.generate(5);
    assertEquals(a.campaigns(), b.campaigns());
    String id = a.campaigns().get(4).id();
    assertEquals(a.metrics(id, DAY), b.metrics(id, DAY));
  }

  @Test
  void differentSeedGivesDifferentIds() {
    assertNotEquals(SandboxData.generate(5).campaigns().get(0).id(), SandboxData.generate(6).campaigns().get(0).id());
  }

  @Test
  void metricsAreTheKopeckExactSumOfSkuRowsAndBannerRows() {
    SandboxData d = SandboxData.generate(3);
    for (SandboxCampaign c : d.campaigns()) {
      long views = 0;
      java.math.BigDecimal spend = java.math.BigDecimal.ZERO.setScale(2);
      long orders = 0;
      for (SandboxProduct p : d.products(c.id())) {
        SkuMetrics m = d.skuMetrics(c.id(), p.sku(), DAY);
        views += m.views();
        spend = spend.add(m.spend());
        orders += m.orders();
      }
      for (SandboxBanner b : d.banners(c.id())) {
        for (String platform : SandboxData.BANNER_PLATFORMS) {
          BannerMetrics m = d.bannerMetrics(c.id(), b.id(), platform, DAY);
          views += m.views();
          spend = spend.add(m.spend());
        }
      }
      DailyMetrics m = d.metrics(c.id(), DAY);
      assertEquals(views, m.views(), c.id());
      assertEquals(spend, m.spend(), c.id());
      assertEquals(orders, m.orders(), c.id());
    }
    assertEquals(SandboxData.CAMPAIGN_COUNT, d.campaigns().size());
  }

  @Test
  void correctionsAreDeterministicNonPositiveAndOnlyForReportableTypes() {
    SandboxData d = SandboxData.generate(3);
    int with = 0;
    for (SandboxCampaign c : d.campaigns()) {
      java.math.BigDecimal x = d.correction(c.id(), DAY, DAY.plusDays(6));
      assertTrue(x.signum() <= 0);
      assertEquals(x, SandboxData.generate(3).correction(c.id(), DAY, DAY.plusDays(6)));
      if (x.signum() < 0) {
        with++;
        assertTrue(SandboxData.reportable(c.advObjectType()));
      }
    }
    assertTrue(with > 0);
  }

  @Test
  void typesSplitTwelveSevenSix() {
    SandboxData d = SandboxData.generate(1);
    assertEquals(12, d.campaigns().stream().filter(c -> c.advObjectType().equals("SKU")).count());
    assertEquals(7, d.campaigns().stream().filter(c -> c.advObjectType().equals("BANNER")).count());
    assertEquals(6, d.campaigns().stream().filter(c -> c.advObjectType().equals("SEARCH_PROMO")).count());
    assertTrue(d.products(d.campaigns().get(0).id()).size() >= 3);
    assertTrue(d.products(d.campaigns().get(12).id()).isEmpty());
    assertEquals("ALL_SKU_PROMO", d.campaigns().get(25).advObjectType());
    assertEquals("REF_VK", d.campaigns().get(26).advObjectType());
  }

  @Test
  void metricsAreInternallyConsistent() {
    SandboxData d = SandboxData.generate(1);
    String id = d.campaigns().get(0).id();
    DailyMetrics m = d.metrics(id, DAY);
    assertTrue(m.views() > 0 && m.clicks() <= m.views() && m.orders() <= m.clicks());
    assertEquals(2, m.spend().scale());
    DailyMetrics two = d.total(id, DAY, DAY.plusDays(1));
    assertEquals(m.views() + d.metrics(id, DAY.plusDays(1)).views(), two.views());
    assertEquals(DailyMetrics.zero(), d.metrics("1", DAY));
  }
}
