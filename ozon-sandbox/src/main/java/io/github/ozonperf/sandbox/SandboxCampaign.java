package io.github.ozonperf.sandbox;

import java.util.Objects;

/**
 * A campaign of the sandbox dataset, with the field values the API reports for it.
 *
 * @param id campaign id (decimal digits; a JSON string on the wire)
 * @param title title
 * @param advObjectType {@code SKU}, {@code BANNER} or {@code SEARCH_PROMO}
 * @param state one of Ozon's {@code CAMPAIGN_STATE_*} values
 * @param paymentType {@code CPC} (SKU), {@code CPM} (BANNER) or {@code CPO} (SEARCH_PROMO)
 * @param fromDate first day, {@code YYYY-MM-DD}
 * @param toDate last day, {@code YYYY-MM-DD}, or {@code ""} for open-ended campaigns
 * @param budget total budget, raw value in millionths of a rouble as Ozon sends it ({@code "0"} = none)
 * @param dailyBudget daily budget, millionths of a rouble
 * @param weeklyBudget weekly budget, millionths of a rouble
 */
public record SandboxCampaign(String id, String title, String advObjectType, String state, String paymentType,
    String fromDate, String toDate, String budget, String dailyBudget, String weeklyBudget) {

  /** Validates that no component is null. */
  public SandboxCampaign {
    Objects.requireNonNull(id, "id == null");
    Objects.requireNonNull(title, "title == null");
    Objects.requireNonNull(advObjectType, "advObjectType == null");
    Objects.requireNonNull(state, "state == null");
    Objects.requireNonNull(paymentType, "paymentType == null");
    Objects.requireNonNull(fromDate, "fromDate == null");
    Objects.requireNonNull(toDate, "toDate == null");
    Objects.requireNonNull(budget, "budget == null");
    Objects.requireNonNull(dailyBudget, "dailyBudget == null");
    Objects.requireNonNull(weeklyBudget, "weeklyBudget == null");
  }

  /** Returns a copy with another state. */
  public SandboxCampaign withState(String newState) {
    return new SandboxCampaign(id, title, advObjectType, newState, paymentType, fromDate, toDate, budget,
        dailyBudget, weeklyBudget);
  }

  /** Returns a copy with other dates and budgets (null arguments keep the current value). */
  public SandboxCampaign withSchedule(String newFromDate, String newToDate, String newBudget,
      String newDailyBudget, String newWeeklyBudget) {
    return new SandboxCampaign(id, title, advObjectType, state, paymentType,
        newFromDate != null ? newFromDate : fromDate, newToDate != null ? newToDate : toDate,
        newBudget != null ? newBudget : budget, newDailyBudget != null ? newDailyBudget : dailyBudget,
        newWeeklyBudget != null ? newWeeklyBudget : weeklyBudget);
  }
}
