package io.github.ozonperf.sandbox;

import java.util.Objects;

/**
 * A product (SKU) advertised in a sandbox campaign.
 *
 * @param sku SKU (decimal digits; a JSON string on the wire)
 * @param title product title
 * @param bid bid, raw value in millionths of a rouble as Ozon sends it (e.g. {@code "15000000"} = 15 ₽)
 */
public record SandboxProduct(String sku, String title, String bid) {

  /** Validates that no component is null. */
  public SandboxProduct {
    Objects.requireNonNull(sku, "sku == null");
    Objects.requireNonNull(title, "title == null");
    Objects.requireNonNull(bid, "bid == null");
  }

  /** Returns a copy with another bid (millionths of a rouble). */
  public SandboxProduct withBid(String newBid) {
    return new SandboxProduct(sku, title, newBid);
  }
}
