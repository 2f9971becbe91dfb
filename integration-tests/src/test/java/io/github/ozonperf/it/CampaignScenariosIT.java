package io.github.ozonperf.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.ozonperf.auth.ClientCredentials;
import io.github.ozonperf.auth.TimeSource;
import io.github.ozonperf.client.CampaignFilter;
import io.github.ozonperf.client.OzonPerformanceClient;
import io.github.ozonperf.client.model.Campaign;
import io.github.ozonperf.client.model.CampaignObject;
import io.github.ozonperf.client.model.CampaignProduct;
import io.github.ozonperf.client.model.CampaignState;
import io.github.ozonperf.it.support.CallCounter;
import io.github.ozonperf.it.support.OzonTargets;
import io.github.ozonperf.it.support.Sandboxes;
import io.github.ozonperf.it.support.TargetEnv;
import io.github.ozonperf.sandbox.Faults;
import io.github.ozonperf.sandbox.OzonSandbox;
import io.github.ozonperf.sandbox.SandboxCampaign;
import io.github.ozonperf.sandbox.SandboxProduct;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Scenario 2 - campaigns: list with and without filters, paging, objects and products of a campaign. */
class CampaignScenariosIT {

  @OzonTargets
  void listWithoutFiltersReturnsEveryCampaignWithDigitStringIds(TargetEnv env) {
    OzonPerformanceClient client = env.newClient();

    List<Campaign> campaigns = client.campaigns().listCampaigns(null, null, null, null, null).getList();

    assertNotNull(campaigns);
    for (Campaign c : campaigns) {
      assertTrue(c.getId() != null && c.getId().matches("\\d+"), "ids are uint64 strings: " + c.getId());
      assertNotNull(c.getState(), c.getId());
    }
    if (env.isSandbox()) {
      assertEquals(ids(env.sandbox().data().campaigns()), campaigns.stream().map(Campaign::getId).toList());
      SandboxCampaign expected = env.sandbox().data().campaigns().get(0);
      Campaign first = campaigns.get(0);
      assertEquals(expected.title(), first.getTitle());
      assertEquals(expected.state(), first.getState().getValue());
      assertEquals(expected.advObjectType(), first.getAdvObjectType());
      assertEquals(expected.dailyBudget(), first.getDailyBudget(), "money stays Ozon's raw string");
    }
  }

  @OzonTargets
  void stateFilterReturnsOnlyCampaignsInThatState(TargetEnv env) {
    OzonPerformanceClient client = env.newClient();

    List<Campaign> running = client.campaigns()
        .listCampaigns(null, null, CampaignState.CAMPAIGN_STATE_RUNNING, null, null).getList();

    for (Campaign c : running) {
      assertEquals(CampaignState.CAMPAIGN_STATE_RUNNING, c.getState(), c.getId());
    }
    if (env.isSandbox()) {
      List<String> expected = ids(env.sandbox().data().campaigns().stream()
          .filter(c -> c.state().equals("CAMPAIGN_STATE_RUNNING")).toList());
      assertFalse(expected.isEmpty());
      assertEquals(expected, running.stream().map(Campaign::getId).toList());
    }
  }

  @OzonTargets
  void advObjectTypeFilterReturnsOnlyThatType(TargetEnv env) {
    OzonPerformanceClient client = env.newClient();

    List<Campaign> sku = client.campaigns().listCampaigns(null, "SKU", null, null, null).getList();

    for (Campaign c : sku) {
      assertEquals("SKU", c.getAdvObjectType(), c.getId());
    }
    if (env.isSandbox()) {
      List<String> expected = ids(env.sandbox().data().campaigns().stream()
          .filter(c -> c.advObjectType().equals("SKU")).toList());
      assertEquals(12, expected.size());
      assertEquals(expected, sku.stream().map(Campaign::getId).toList());
    }
  }

  @OzonTargets
  void campaignIdsFilterReturnsExactlyTheAskedCampaigns(TargetEnv env) {
    OzonPerformanceClient client = env.newClient();
    List<String> all = client.campaigns().listCampaigns(null, null, null, null, null).getList().stream()
        .map(Campaign::getId).toList();
    assumeFalse(all.isEmpty(), "the account has no campaigns");
    List<String> asked = all.size() <= 3 ? all : List.of(all.get(0), all.get(all.size() / 2), all.get(all.size() - 1));

    List<Campaign> got = client.campaigns().listCampaigns(asked, null, null, null, null).getList();

    assertEquals(Set.copyOf(asked), got.stream().map(Campaign::getId).collect(Collectors.toSet()));
    assertEquals(asked.size(), got.size(), "no duplicates");
    if (env.isSandbox()) {
      assertEquals(1, env.sandbox().recentRequests().stream()
          .filter(r -> r.path().equals("/api/client/campaign") && r.query().contains("campaignIds="
              + asked.get(1))).count(), "ids go as exploded query parameters");
      assertTrue(env.sandbox().recentRequests().stream().noneMatch(r -> r.query().contains("campaignIds%5B")
          || r.query().contains("campaignIds[")), "never the bracket form Ozon rejects");
    }
  }

  @OzonTargets
  void pagesWalkedOneByOneAddUpToTheWholeListWithoutDuplicates(TargetEnv env) {
    // Ozon was seen to answer back-to-back pages with 429 and want ~9 s: a retry budget that covers that.
    CallCounter counter = new CallCounter();
    OzonPerformanceClient client = env.build(env.clientBuilder(counter).maxRetries(6), counter, true);
    List<String> whole = client.campaigns().listCampaigns(null, null, null, null, null).getList().stream()
        .map(Campaign::getId).toList();
    assumeTrue(whole.size() >= 2, "paging needs at least 2 campaigns; the account has " + whole.size());
    long pageSize = env.isSandbox() ? 10 : Math.max(1, (whole.size() + 2) / 3); // at most 3-4 pages on REAL

    List<String> walked = new ArrayList<>();
    List<Integer> sizes = new ArrayList<>();
    boolean complete = false;
    for (long page = 1; page <= 5; page++) { // bounded: at most 5 requests on REAL
      List<Campaign> chunk = client.campaigns().listCampaigns(null, null, null, page, pageSize).getList();
      if (chunk == null || chunk.isEmpty()) {
        complete = true;
        break;
      }
      assertTrue(chunk.size() <= pageSize, "page " + page + " has " + chunk.size() + " > " + pageSize);
      sizes.add(chunk.size());
      chunk.forEach(c -> walked.add(c.getId()));
      if (chunk.size() < pageSize) {
        complete = true;
        break;
      }
    }

    assertEquals(walked.size(), new HashSet<>(walked).size(), "a campaign appeared on two pages: " + walked);
    if (complete && whole.size() < 100) { // an unpaged answer of 100+ may itself be just the first page
      assertEquals(Set.copyOf(whole), Set.copyOf(walked));
    }
    if (env.isSandbox()) {
      List<Integer> expected = new java.util.ArrayList<>();
      for (int left = io.github.ozonperf.sandbox.SandboxData.CAMPAIGN_COUNT; left > 0; left -= 10) {
        expected.add(Math.min(10, left));
      }
      assertEquals(expected, sizes, "the sandbox's campaigns in pages of 10");
      assertEquals(whole, walked, "pages keep the list's order");
    }
  }

  @OzonTargets
  void listAllCampaignsWalksEveryPage(TargetEnv env) {
    OzonPerformanceClient client = env.newClient();
    List<String> whole = client.campaigns().listCampaigns(null, null, null, null, null).getList().stream()
        .map(Campaign::getId).toList();

    // Small pages on the sandbox so the walk really crosses pages (27 campaigns: 10 + 10 + 7).
    CampaignFilter filter = env.isSandbox() ? CampaignFilter.builder().pageSize(10).build() : CampaignFilter.all();
    List<String> all = client.listAllCampaigns(filter).stream().map(Campaign::getId).toList();

    assertEquals(all.size(), new HashSet<>(all).size(), "no duplicates");
    if (whole.size() < 100) {
      assertEquals(Set.copyOf(whole), Set.copyOf(all));
    } else {
      assertTrue(all.containsAll(whole), "every campaign of the first page is in the full walk");
    }
    if (env.isSandbox()) {
      assertEquals(whole, all, "the walk keeps the server's order");
      assertEquals(4, env.sandbox().requests("/api/client/campaign"), "1 unpaged list + 3 pages");
    }
  }

  /**
   * SANDBOX only: the real API must not be provoked into 429s. Sandbox and client share one manual clock that moves
   * only when the client waits, so "back to back" does not depend on how fast the machine is: two page requests
   * without a wait between them are simultaneous, and a cool-down wait always spans the page interval.
   */
  @Test
  void listAllCampaignsPacesItselfWhenBackToBackPagesGet429AndStillReturnsEveryCampaign() {
    Faults pages = Faults.builder().pageRateLimit(true).pageInterval(Duration.ofMillis(200)).build();
    ManualTime time = new ManualTime();
    try (OzonSandbox sandbox = Sandboxes.forScenarios().clock(time).faults(pages).start();
        OzonPerformanceClient client = OzonPerformanceClient.builder()
            .credentials(ClientCredentials.of(sandbox.clientId(), sandbox.clientSecret()))
            .baseUrl(sandbox.baseUrl())
            .timeSource(time)
            .build()) {

      List<Campaign> all = client.listAllCampaigns(CampaignFilter.builder().pageSize(5).build());

      assertEquals(ids(sandbox.data().campaigns()), all.stream().map(Campaign::getId).toList());
      assertTrue(client.stats().rateLimited() >= 1, "the sandbox answered back-to-back pages with 429");
      long throttled = sandbox.recentRequests().stream()
          .filter(r -> r.path().equals("/api/client/campaign") && r.status() == 429).count();
      assertEquals(client.stats().rateLimited(), throttled);
    }
  }

  @OzonTargets
  void objectsAndProductsOfTheFirstSkuCampaignMatchItsAdvertisedSkus(TargetEnv env) {
    OzonPerformanceClient client = env.newClient();
    List<Campaign> sku = client.campaigns().listCampaigns(null, "SKU", null, null, null).getList();
    assumeFalse(sku.isEmpty(), "the account has no SKU campaign");
    String campaignId = sku.get(0).getId();

    List<CampaignObject> objects = client.campaigns().listCampaignObjects(campaignId).getList();
    List<CampaignProduct> products = client.products().listCampaignProducts(campaignId, null, null).getProducts();

    assertNotNull(objects);
    assertNotNull(products);
    for (CampaignProduct p : products) {
      assertTrue(p.getSku().matches("\\d+"), "SKUs are uint64 strings: " + p.getSku());
    }
    if (env.isSandbox()) {
      List<SandboxProduct> expected = env.sandbox().data().products(campaignId);
      assertFalse(expected.isEmpty());
      assertEquals(expected.stream().map(SandboxProduct::sku).toList(),
          objects.stream().map(CampaignObject::getId).toList());
      Map<String, String> bids = products.stream()
          .collect(Collectors.toMap(CampaignProduct::getSku, CampaignProduct::getBid));
      assertEquals(expected.stream().collect(Collectors.toMap(SandboxProduct::sku, SandboxProduct::bid)), bids,
          "bids stay Ozon's raw micro-rouble strings");
    }
  }

  /**
   * One clock for the sandbox ({@link Clock}) and the client ({@link TimeSource}): it stands still until the client
   * sleeps, and a sleep moves it forward at once instead of waiting.
   */
  static final class ManualTime extends Clock implements TimeSource {
    private static final Instant ORIGIN = Instant.parse("2026-11-23T09:00:00Z");
    private final AtomicLong nanos = new AtomicLong();

    @Override
    public long nanoTime() {
      return nanos.get();
    }

    @Override
    public Instant now() {
      return ORIGIN.plusNanos(nanos.get());
    }

    @Override
    public void sleep(Duration duration) {
      if (!duration.isNegative()) {
        nanos.addAndGet(duration.toNanos());
      }
    }

    @Override
    public Instant instant() {
      return now();
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      throw new UnsupportedOperationException("ManualTime is UTC only");
    }
  }

  static List<String> ids(List<SandboxCampaign> campaigns) {
    return campaigns.stream().map(SandboxCampaign::id).toList();
  }
}
