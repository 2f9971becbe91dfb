package io.github.ozonperf.client.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class NumbersTest {
  @Test
  void parsesSpaceThousandsAndDecimalComma() {
    assertEquals(new BigDecimal("1110.72"), Numbers.parseDecimal("1 110,72"));
  }

  @Test
  void parsesNonBreakingAndNarrowSpaces() {
    assertEquals(new BigDecimal("1234567.5"), Numbers.parseDecimal("1\u00A0234\u202F567,5"));
  }

  @Test
  void parsesDecimalPoint() {
    assertEquals(new BigDecimal("123.45"), Numbers.parseDecimal("123.45"));
  }

  @Test
  void parsesPercentWithComma() {
    assertEquals(new BigDecimal("12.3"), Numbers.parsePercent("12,3%"));
  }

  @Test
  void parsesRoubleSignAndUnits() {
    assertEquals(new BigDecimal("500"), Numbers.parseDecimal("500 ₽"));
    assertEquals(new BigDecimal("42"), Numbers.parseDecimal("42 руб."));
  }

  @Test
  void bothSeparatorsTakeTheLastAsDecimal() {
    assertEquals(new BigDecimal("1234.5"), Numbers.parseDecimal("1,234.5"));
    assertEquals(new BigDecimal("1234.5"), Numbers.parseDecimal("1.234,5"));
  }

  @Test
  void blankAndDashAreNull() {
    assertNull(Numbers.parseDecimal(""));
    assertNull(Numbers.parseDecimal("  "));
    assertNull(Numbers.parseDecimal("-"));
    assertNull(Numbers.parseDecimal(null));
  }

  @Test
  void negativeValuesKeepTheirSign() {
    assertEquals(new BigDecimal("-5.5"), Numbers.parseDecimal("−5,5"));
  }

  @Test
  void countsParseAsLong() {
    assertEquals(1234L, Numbers.parseLong("1 234"));
    assertEquals(7L, Numbers.parseLong("7,0"));
  }

  @Test
  void garbageThrowsNamingTheText() {
    NumberFormatException e =
        assertThrows(NumberFormatException.class, () -> Numbers.parseDecimal("#N/A"));
    assertEquals("not a number: \"#N/A\"", e.getMessage());
    assertNull(Numbers.tryParseDecimal("#N/A"));
  }

  @Test
  void fractionalCountIsNotALong() {
    assertThrows(NumberFormatException.class, () -> Numbers.parseLong("1,5"));
  }
}
