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
  void typesSplitTwelveSevenSix() {
    SandboxData d = SandboxData.generate(1);
    assertEquals(12, d.campaigns().stream().filter(c -> c.advObjectType().equals("SKU")).count());
    assertEquals(7, d.campaigns().stream().filter(c -> c.advObjectType().equals("BANNER")).count());
    assertEquals(6, d.campaigns().stream().filter(c -> c.advObjectType().equals("SEARCH_PROMO")).count());
    assertTrue(d.products(d.campaigns().get(0).id()).size() >= 3);
    assertTrue(d.products(d.campaigns().get(12).id()).isEmpty());
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
