package io.github.ozonperf.mcp.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The id pattern every tool schema carries accepts every decimal 0..2^64-1 without leading zeros and nothing else
 * but the sliver 2^64..19*10^18-1, which the tool's own id check rejects; the exact pattern stays available.
 */
class Uint64PatternTest {
  static final BigInteger SLIVER_END = new BigInteger("19000000000000000000");

  @Test
  void acceptsEveryUint64AndOnlyTheDocumentedSliverAbove() {
    Pattern schema = Pattern.compile(Schemas.UINT64_PATTERN);
    Pattern exact = Pattern.compile(Schemas.decimalsUpTo(Args.UINT64_MAX.toString()));
    List<String> cases = new ArrayList<>(List.of("0", "1", "9", "10", "00", "01", "", "-1",
        "18446744073709551615", "18446744073709551616", "18446744073709551614", "18446744073709551609",
        "18446744073709551620", "9999999999999999999", "10000000000000000000", "99999999999999999999",
        "18999999999999999999", "19000000000000000000", "184467440737095516150"));
    SplittableRandom r = new SplittableRandom(7);
    for (int i = 0; i < 100_000; i++) {
      StringBuilder s = new StringBuilder();
      int len = 1 + r.nextInt(21);
      for (int k = 0; k < len; k++) {
        s.append((char) ('0' + r.nextInt(10)));
      }
      cases.add(s.toString());
      cases.add(new BigInteger(64, new java.util.Random(r.nextLong())).add(BigInteger.valueOf(r.nextInt(3))).toString());
    }
    for (String c : cases) {
      boolean plain = !c.isEmpty() && c.matches("0|[1-9][0-9]*");
      boolean uint64 = plain && new BigInteger(c).compareTo(Args.UINT64_MAX) <= 0;
      boolean belowSliverEnd = plain && new BigInteger(c).compareTo(SLIVER_END) < 0;
      assertEquals(uint64, exact.matcher(c).matches(), c);
      assertEquals(belowSliverEnd, schema.matcher(c).matches(), c);
    }
    assertTrue(Schemas.UINT64_PATTERN.length() < 50, "short enough to repeat in every id: "
        + Schemas.UINT64_PATTERN.length());
  }

  @Test
  void theToolRejectsTheSliverThatTheSchemaLetsThrough() {
    Map<String, Object> schema = Schemas.obj().req("id", Schemas.idInput("Campaign id")).build();
    Args ok = new Args(Map.of("id", "18446744073709551615"), schema);
    assertEquals("18446744073709551615", ok.id("id"));
    ToolError e = assertThrows(ToolError.class, () -> new Args(Map.of("id", "18446744073709551616"), schema));
    assertTrue(e.getMessage().contains("above the largest id, 18446744073709551615"), e.getMessage());
    assertFalse(Pattern.compile(Schemas.UINT64_PATTERN).matcher("19000000000000000000").matches());
  }
}
