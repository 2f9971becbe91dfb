package io.github.ozonperf.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.ozonperf.client.model.Campaign;
import io.github.ozonperf.client.model.CampaignProduct;
import java.math.BigDecimal;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MoneyTest {

  @Test
  void microRoublesConvertToRoublesExactly() {
    assertEquals(new BigDecimal("500.000000"), Money.microToRoubles("500000000"));
    assertEquals(new BigDecimal("0.000001"), Money.microToRoubles("1"));
    assertEquals(new BigDecimal("18446744073709.551615"), Money.microToRoubles("18446744073709551615"));
  }

  @Test
  void roublesConvertToMicroRoublesExactly() {
    assertEquals("12500000", Money.roublesToMicro(new BigDecimal("12.5")));
    assertEquals("1", Money.roublesToMicro(new BigDecimal("0.000001")));
    assertEquals("0", Money.roublesToMicro(BigDecimal.ZERO));
  }

  @Test
  void conversionsRefuseToGuess() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Money.microToRoubles("1,5"));
    assertTrue(e.getMessage().contains("\"1,5\""), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Money.microToRoubles("-1"));
    assertThrows(IllegalArgumentException.class, () -> Money.microToRoubles(""));
    assertThrows(IllegalArgumentException.class, () -> Money.roublesToMicro(new BigDecimal("0.0000001")));
    assertThrows(IllegalArgumentException.class, () -> Money.roublesToMicro(new BigDecimal("-1")));
  }

  @Test
  void typedAccessorsReadTheDocumentedMicroRoubleFields() {
    Campaign c = new Campaign().budget("1000000000").dailyBudget("500000000").weeklyBudget(null);
    assertEquals(Optional.of(new BigDecimal("1000.000000")), Money.budgetRoubles(c));
    assertEquals(Optional.of(new BigDecimal("500.000000")), Money.dailyBudgetRoubles(c));
    assertEquals(Optional.empty(), Money.weeklyBudgetRoubles(c));
    assertEquals(Optional.of(new BigDecimal("7.500000")), Money.bidRoubles(new CampaignProduct().bid("7500000")));
    assertEquals("1000000000", c.getBudget(), "the raw value stays untouched");
  }
}
