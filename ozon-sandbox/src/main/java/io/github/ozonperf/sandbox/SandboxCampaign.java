package io.github.ozonperf.sandbox;

import java.util.List;
import java.util.Objects;

/**
 * A campaign of the sandbox dataset, with the field values the API reports for it.
 *
 * @param id campaign id (decimal digits; a JSON string on the wire)
 * @param title title
 * @param advObjectType {@code SKU}, {@code BANNER}, {@code SEARCH_PROMO}, {@code ALL_SKU_PROMO} or {@code REF_VK}
 * @param state one of Ozon's {@code CAMPAIGN_STATE_*} values
 * @param paymentType {@code CPC} (SKU), {@code CPM} (BANNER), {@code CPO} (SEARCH_PROMO, ALL_SKU_PROMO) or
 *     {@code CAMPAIGN_TYPE_INVALID} (REF_VK); sent as {@code PaymentType} (capital P), as live Ozon does
 * @param fromDate first day, {@code YYYY-MM-DD}
 * @param toDate last day, {@code YYYY-MM-DD}, or {@code ""} for open-ended campaigns
 * @param budget total budget, raw value in millionths of a rouble as Ozon sends it ({@code "0"} = none)
 * @param dailyBudget daily budget, millionths of a rouble
 * @param weeklyBudget weekly budget, millionths of a rouble
 * @param placement placements as the live list sends them (an array, e.g. {@code ["PLACEMENT_TOP_PROMOTION"]}, or
 *     empty for types without placements)
 * @param productAutopilotStrategy e.g. {@code TARGET_BIDS} or {@code NO_AUTO_STRATEGY}
 * @param productCampaignMode {@code PRODUCT_CAMPAIGN_MODE_AUTO} or {@code PRODUCT_CAMPAIGN_MODE_MANUAL}
 * @param autocreated {@code isAutocreated}: created by Ozon (ALL_SKU_PROMO, REF_VK)
 */
public record SandboxCampaign(String id, String title, String advObjectType, String state, String paymentType,
    String fromDate, String toDate, String budget, String dailyBudget, String weeklyBudget, List<String> placement,
    String productAutopilotStrategy, String productCampaignMode, boolean autocreated) {

  /** Validates that no component is null and copies the placement list. */
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
    placement = List.copyOf(placement);
    Objects.requireNonNull(productAutopilotStrategy, "productAutopilotStrategy == null");
    Objects.requireNonNull(productCampaignMode, "productCampaignMode == null");
  }

  /** A campaign with the defaults of a manual CPC campaign for the live-only fields (no placement, no autopilot). */
  public SandboxCampaign(String id, String title, String advObjectType, String state, String paymentType,
      String fromDate, String toDate, String budget, String dailyBudget, String weeklyBudget) {
    this(id, title, advObjectType, state, paymentType, fromDate, toDate, budget, dailyBudget, weeklyBudget,
        List.of(), "NO_AUTO_STRATEGY", "PRODUCT_CAMPAIGN_MODE_MANUAL", false);
  }

  /** Returns a copy with another state. */
  public SandboxCampaign withState(String newState) {
    return new SandboxCampaign(id, title, advObjectType, newState, paymentType, fromDate, toDate, budget,
        dailyBudget, weeklyBudget, placement, productAutopilotStrategy, productCampaignMode, autocreated);
  }

  /** Returns a copy with other dates and budgets (null arguments keep the current value). */
  public SandboxCampaign withSchedule(String newFromDate, String newToDate, String newBudget,
      String newDailyBudget, String newWeeklyBudget) {
    return new SandboxCampaign(id, title, advObjectType, state, paymentType,
        newFromDate != null ? newFromDate : fromDate, newToDate != null ? newToDate : toDate,
        newBudget != null ? newBudget : budget, newDailyBudget != null ? newDailyBudget : dailyBudget,
        newWeeklyBudget != null ? newWeeklyBudget : weeklyBudget, placement, productAutopilotStrategy,
        productCampaignMode, autocreated);
  }
}
