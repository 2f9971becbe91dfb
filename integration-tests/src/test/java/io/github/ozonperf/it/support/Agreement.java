package io.github.ozonperf.it.support;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Compares the same facts read through two doors of the API and collects every disagreement, each naming the pair
 * of sources, the campaign, the day and both values ({@link RunReport#mismatch}); {@link #assertAgreed()} fails
 * with all of them at once.
 *
 * <p>Tolerances, and why:
 * <ul>
 *   <li>counts (views, clicks, orders) must be equal: no source rounds them;</li>
 *   <li>money may differ by half a kopeck per value summed on either side, plus one kopeck: every source rounds each
 *       of its values to kopecks, so sums of rounded values drift by at most that much;</li>
 *   <li>no tolerance hides a zero: a value that is zero on one side and not on the other always disagrees;</li>
 *   <li>days are Moscow days in every source (the suite asks for whole Moscow days), and the period ends
 *       {@link #SETTLED_DAYS} days ago so that Ozon's revisions of recent days do not change numbers between two
 *       requests.</li>
 * </ul>
 */
public final class Agreement {
  /** Days between the end of a compared period and today: Ozon revises the most recent days after the fact. */
  public static final int SETTLED_DAYS = 2;
  private static final BigDecimal HALF_KOPECK = new BigDecimal("0.005");
  private static final BigDecimal KOPECK = new BigDecimal("0.01");

  private final Target target;
  private final String sources;
  private final List<String> mismatches = new ArrayList<>();
  private int compared;
  private boolean sawNonZero;

  /**
   * @param target  the target
   * @param sources the two sources, e.g. "report CSV (by date) vs daily/json"
   */
  public Agreement(Target target, String sources) {
    this.target = target;
    this.sources = sources;
  }

  /** Two counts must be equal. */
  public Agreement count(String campaignId, LocalDate day, String column, long first, long second) {
    record(campaignId, day, column, first == second, first != 0 || second != 0, first, second);
    return this;
  }

  /**
   * Two amounts of money must agree within the rounding tolerance.
   *
   * @param values how many rounded values were summed on both sides together
   */
  public Agreement money(String campaignId, LocalDate day, String column, BigDecimal first, BigDecimal second,
      long values) {
    BigDecimal tolerance = HALF_KOPECK.multiply(BigDecimal.valueOf(values)).add(KOPECK);
    boolean zeroOnOneSide = (first.signum() == 0) != (second.signum() == 0);
    boolean agreed = !zeroOnOneSide && first.subtract(second).abs().compareTo(tolerance) <= 0;
    record(campaignId, day, column, agreed, first.signum() != 0 || second.signum() != 0, first.toPlainString(),
        second.toPlainString());
    return this;
  }

  private void record(String campaignId, LocalDate day, String column, boolean agreed, boolean nonZero,
      Object first, Object second) {
    compared++;
    sawNonZero |= nonZero;
    RunReport.checked(target, sources, agreed);
    if (!agreed) {
      mismatches.add(RunReport.mismatch(target, sources, campaignId, day, column, first, second));
    }
  }

  /** Values compared so far. */
  public int compared() {
    return compared;
  }

  /** Whether any compared value was not zero (a comparison of zeros proves nothing). */
  public boolean sawNonZero() {
    return sawNonZero;
  }

  /** Fails, listing every disagreement, when there was one; also when nothing was compared. */
  public void assertAgreed() {
    assertTrue(compared > 0, sources + ": nothing was compared");
    if (!mismatches.isEmpty()) {
      fail(mismatches.size() + " of " + compared + " values disagree between " + sources + ":\n"
          + String.join("\n", mismatches));
    }
  }
}
