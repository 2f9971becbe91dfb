package io.github.ozonperf.client;

import io.github.ozonperf.client.model.Campaign;
import io.github.ozonperf.client.model.CampaignProduct;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Optional;

/**
 * Conversions of Ozon's money amounts. The generated models keep every amount exactly as Ozon sends it (a decimal
 * string of an unsigned 64-bit integer); these helpers convert only where Ozon's published document states the
 * unit: budgets ({@code budget}, {@code dailyBudget}, {@code weeklyBudget}) and CPC product bids ({@code bid}) are
 * in <b>millionths of a rouble</b> (micro-roubles), so {@code "500000000"} is 500 roubles.
 *
 * <p>The scale comes from the document and has not been confirmed against live answers; that is why the raw value
 * stays available and every conversion here says "micro" in its name. Report rows and the JSON statistics twins
 * carry roubles with decimal commas instead: parse those with the report package's number helpers.
 *
 * <pre>{@code
 * for (Campaign c : client.listAllCampaigns(CampaignFilter.all())) {
 *   Optional<BigDecimal> daily = Money.dailyBudgetRoubles(c);   // from c.getDailyBudget(), micro-roubles
 * }
 * }</pre>
 */
public final class Money {
  private static final int MICRO_SCALE = 6;

  private Money() {
  }

  /**
   * Converts an amount in millionths of a rouble to roubles, exactly.
   *
   * @param micro a decimal string of an unsigned integer, e.g. {@code "500000000"}
   * @return roubles with scale 6, e.g. {@code 500.000000}
   * @throws IllegalArgumentException if {@code micro} is not an unsigned decimal integer
   * @throws NullPointerException if {@code micro} is null
   */
  public static BigDecimal microToRoubles(String micro) {
    if (micro == null) {
      throw new NullPointerException("micro == null");
    }
    String t = micro.strip();
    if (t.isEmpty() || !t.chars().allMatch(ch -> ch >= '0' && ch <= '9')) {
      throw new IllegalArgumentException("not an amount in micro-roubles (digits only expected): \"" + micro + "\"");
    }
    return new BigDecimal(new BigInteger(t), MICRO_SCALE);
  }

  /**
   * Converts roubles to millionths of a rouble, for request fields such as {@code dailyBudget} or {@code bid}.
   *
   * @param roubles a non-negative amount with at most 6 decimals
   * @return the decimal string Ozon expects, e.g. {@code "500000000"} for 500
   * @throws IllegalArgumentException if negative or more precise than a millionth
   */
  public static String roublesToMicro(BigDecimal roubles) {
    if (roubles == null) {
      throw new NullPointerException("roubles == null");
    }
    if (roubles.signum() < 0) {
      throw new IllegalArgumentException("amount must not be negative: " + roubles.toPlainString());
    }
    try {
      return roubles.movePointRight(MICRO_SCALE).toBigIntegerExact().toString();
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException("amount has more than 6 decimals (Ozon counts millionths of a rouble): "
          + roubles.toPlainString(), e);
    }
  }

  /**
   * The campaign's total budget in roubles, converted from {@link Campaign#getBudget()} (micro-roubles per the
   * document; {@code 0} usually means "no limit").
   *
   * @param campaign the campaign
   * @return roubles, or empty if Ozon sent no budget
   */
  public static Optional<BigDecimal> budgetRoubles(Campaign campaign) {
    return optional(campaign.getBudget());
  }

  /**
   * The campaign's daily budget in roubles, converted from {@link Campaign#getDailyBudget()} (micro-roubles per
   * the document).
   *
   * @param campaign the campaign
   * @return roubles, or empty if Ozon sent none
   */
  public static Optional<BigDecimal> dailyBudgetRoubles(Campaign campaign) {
    return optional(campaign.getDailyBudget());
  }

  /**
   * The campaign's weekly budget in roubles, converted from {@link Campaign#getWeeklyBudget()} (micro-roubles per
   * the document).
   *
   * @param campaign the campaign
   * @return roubles, or empty if Ozon sent none
   */
  public static Optional<BigDecimal> weeklyBudgetRoubles(Campaign campaign) {
    return optional(campaign.getWeeklyBudget());
  }

  /**
   * A CPC product's bid in roubles, converted from {@link CampaignProduct#getBid()} (micro-roubles per the
   * document).
   *
   * @param product the product of a campaign
   * @return roubles, or empty if Ozon sent none
   */
  public static Optional<BigDecimal> bidRoubles(CampaignProduct product) {
    return optional(product.getBid());
  }

  private static Optional<BigDecimal> optional(String micro) {
    return micro == null || micro.isBlank() ? Optional.empty() : Optional.of(microToRoubles(micro));
  }
}
