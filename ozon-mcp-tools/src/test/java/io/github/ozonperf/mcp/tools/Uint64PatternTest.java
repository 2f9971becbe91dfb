package io.github.ozonperf.mcp.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The id pattern every tool schema carries accepts exactly the decimals 0..2^64-1 without leading zeros. */
class Uint64PatternTest {
  @Test
  void acceptsExactlyZeroToUint64MaxWithoutLeadingZeros() {
    Pattern p = Pattern.compile(Schemas.UINT64_PATTERN);
    List<String> cases = new ArrayList<>(List.of("0", "1", "9", "10", "00", "01", "", "-1",
        "18446744073709551615", "18446744073709551616", "18446744073709551614", "18446744073709551609",
        "18446744073709551620", "9999999999999999999", "10000000000000000000", "99999999999999999999",
        "184467440737095516150"));
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
      boolean valid = !c.isEmpty() && c.matches("0|[1-9][0-9]*") && new BigInteger(c).compareTo(Args.UINT64_MAX) <= 0;
      assertEquals(valid, p.matcher(c).matches(), c);
    }
    assertTrue(Schemas.UINT64_PATTERN.length() < 340, "short enough to repeat in every id: "
        + Schemas.UINT64_PATTERN.length());
  }
}
