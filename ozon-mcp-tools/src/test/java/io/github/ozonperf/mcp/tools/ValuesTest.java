package io.github.ozonperf.mcp.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ValuesTest {
  @Test
  void numbersParseWithCommaDecimalsSpaceThousandsAndPercent() {
    assertEquals(new BigDecimal("1110.72"), Values.number("1 110,72"));
    assertEquals(new BigDecimal("1110.72"), Values.number("1\u00a0110,72"));
    assertEquals(new BigDecimal("123.45"), Values.number("123.45"));
    assertEquals(new BigDecimal("12.3"), Values.number("12,3%"));
    assertEquals(new BigDecimal("1110.72"), Values.number("1,110.72"));
    assertNull(Values.number(""));
    assertNull(Values.number("n/a"));
  }

  @Test
  void jsonNumbersSayExactlyTheNumberTheyWereGiven() throws Exception {
    assertEquals(12L, Values.jsonNumber(new BigDecimal("12.00")));
    assertEquals(12.35, Values.jsonNumber(new BigDecimal("12.35")));
    assertEquals(999999999999999999L, Values.jsonNumber(new BigDecimal("999999999999999999")));
    // beyond a long, or more digits than a double keeps: the decimal itself, not a rounded double
    assertEquals(new BigDecimal("18446744073709551615"), Values.jsonNumber(new BigDecimal("18446744073709551615")));
    assertEquals(new BigDecimal("1234567890123.456789"), Values.jsonNumber(new BigDecimal("1234567890123.456789")));
    // an exponent stays an exponent (no 100-million-digit expansion)
    assertEquals("1E+100000000", Values.jsonNumber(new BigDecimal("1E+100000000")).toString());
    // and through the JSON a model turns into
    Object plain = Values.plain(com.google.gson.JsonParser.parseString("{\"sku\":18446744073709551615,"
        + "\"bid\":0.1234567890123456789}"));
    assertEquals(Map.of("sku", new BigDecimal("18446744073709551615"), "bid", new BigDecimal("0.1234567890123456789")),
        plain);
  }

  @Test
  void roublesConvertToMicroRoublesExactlyAndBack() {
    assertEquals("12500000", Values.roublesToMicros(new BigDecimal("12.5")));
    assertEquals("1234560000", Values.roublesToMicros(new BigDecimal("1234.56")));
    assertEquals("1234.56", Values.microsToRoubles("1234560000"));
    assertNull(Values.microsToRoubles("abc"));
  }

  @Test
  void windowsCarryACursorAndSayHowManyWereLeftOut() {
    List<Integer> all = List.of(1, 2, 3, 4, 5);
    Values.Window<Integer> w = Values.window(all, 0, 2);
    assertEquals(List.of(1, 2), w.items());
    assertEquals("2", w.nextCursor());
    assertTrue(w.note("items", 2).contains("3 more left out"), w.note("items", 2));
    assertNull(Values.window(all, 4, 2).nextCursor());
  }

  @Test
  void idsAcceptStringsAndIntegersButNotFractionsOrWords() {
    Map<String, Object> schema = Schemas.obj().prop("id", Schemas.idInput("id")).build();
    assertEquals("48949", new Args(Map.of("id", "48949"), schema).id("id"));
    assertEquals("48949", new Args(Map.of("id", 48949), schema).id("id"));
    assertThrows(ToolError.class, () -> new Args(Map.of("id", 1.5), schema));
    assertThrows(ToolError.class, () -> new Args(Map.of("id", "12ab"), schema));
    assertThrows(ToolError.class, () -> new Args(Map.of("id", "048949"), schema));
  }

  @Test
  void roublesRejectMoreThanTwoDecimals() {
    ToolError e = assertThrows(ToolError.class, () -> Args.roublesValue("bid", "1.234", new BigDecimal("100")));
    assertTrue(e.getMessage().contains("at most 2 decimals"), e.getMessage());
  }
}
