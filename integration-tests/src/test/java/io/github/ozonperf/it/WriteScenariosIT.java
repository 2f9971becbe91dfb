package io.github.ozonperf.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.ozonperf.client.OzonPerformanceClient;
import io.github.ozonperf.client.model.Campaign;
import io.github.ozonperf.client.model.CampaignProduct;
import io.github.ozonperf.client.model.ProductBid;
import io.github.ozonperf.client.model.UpdateProductBidsRequest;
import io.github.ozonperf.it.support.OzonTargets;
import io.github.ozonperf.it.support.RealApi;
import io.github.ozonperf.it.support.TargetEnv;
import java.math.BigInteger;
import java.util.List;

/**
 * Write scenarios: on REAL they run only with {@code OZON_IT_ALLOW_WRITES=true}, and every one restores what it
 * changed (in a finally block, so a failed assertion does not leave the account changed).
 */
class WriteScenariosIT {
  /** One rouble in Ozon's bid unit (micro-roubles). */
  static final BigInteger ONE_ROUBLE = BigInteger.valueOf(1_000_000L);

  @OzonTargets
  void productBidRaisedByOneRoubleReadsBackAndIsRestored(TargetEnv env) {
    assumeTrue(env.writesAllowed(), "write scenario skipped on REAL: set " + RealApi.ALLOW_WRITES
        + "=true to let it change one bid by +1 rouble and restore it");
    OzonPerformanceClient client = env.newClient();
    List<Campaign> sku = client.campaigns().listCampaigns(null, "SKU", null, null, null).getList();
    assumeFalse(sku.isEmpty(), "the account has no SKU campaign");
    String campaignId = sku.get(0).getId();
    List<CampaignProduct> products = client.products().listCampaignProducts(campaignId, 1L, 1L).getProducts();
    assumeFalse(products == null || products.isEmpty(), "campaign " + campaignId + " has no products");
    CampaignProduct product = products.get(0);
    String original = product.getBid();
    String raised = new BigInteger(original).add(ONE_ROUBLE).toString();

    try {
      setBid(client, campaignId, product.getSku(), raised);
      assertEquals(raised, bidOf(client, campaignId, product.getSku()), "the new bid reads back");
      if (env.isSandbox()) {
        String wireBid = "\"bid\":\"" + raised + "\"";
        assertTrue(env.sandbox().recentRequests().stream()
            .anyMatch(r -> r.method().equals("PUT") && r.body().contains(wireBid)),
            "the bid goes as a uint64 string in micro-roubles");
      }
    } finally {
      setBid(client, campaignId, product.getSku(), original);
    }
    assertEquals(original, bidOf(client, campaignId, product.getSku()), "the original bid is restored");
  }

  static void setBid(OzonPerformanceClient client, String campaignId, String sku, String bid) {
    client.products().updateProductBids(campaignId,
        new UpdateProductBidsRequest().bids(List.of(new ProductBid().sku(sku).bid(bid))));
  }

  static String bidOf(OzonPerformanceClient client, String campaignId, String sku) {
    for (long page = 1; page <= 20; page++) {
      List<CampaignProduct> products = client.products().listCampaignProducts(campaignId, page, 100L)
          .getProducts();
      if (products == null || products.isEmpty()) {
        break;
      }
      for (CampaignProduct p : products) {
        if (sku.equals(p.getSku())) {
          return p.getBid();
        }
      }
    }
    throw new AssertionError("SKU " + sku + " not found in campaign " + campaignId);
  }
}
