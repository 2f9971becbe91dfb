package io.github.ozonperf.client;

import static io.github.ozonperf.client.OzonTestServer.json;
import static io.github.ozonperf.client.OzonTestServer.rateLimited;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.ozonperf.client.model.Campaign;
import io.github.ozonperf.client.model.CampaignState;
import java.time.Duration;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** listAllCampaigns walks every page, paces after 429 and never returns a silently truncated list. */
class ListAllCampaignsTest {
  @StartStop
  final MockWebServer mock = new MockWebServer();
  final OzonTestServer ozon = new OzonTestServer(mock);
  final FakeTime time = new FakeTime();
  OzonPerformanceClient client;

  @AfterEach
  void close() {
    if (client != null) {
      client.close();
    }
  }

  static MockResponse page(String total, String... ids) {
    StringBuilder b = new StringBuilder("{\"list\":[");
    for (int i = 0; i < ids.length; i++) {
      b.append(i == 0 ? "" : ",").append("{\"id\":\"").append(ids[i]).append("\",\"state\":\"CAMPAIGN_STATE_RUNNING\"}");
    }
    b.append("]");
    if (total != null) {
      b.append(",\"total\":\"").append(total).append("\"");
    }
    return json(200, b.append("}").toString());
  }

  static List<String> ids(List<Campaign> campaigns) {
    return campaigns.stream().map(Campaign::getId).toList();
  }

  @Test
  void walksEveryPageUntilAShortOne() {
    client = ozon.clientBuilder(time).build();
    ozon.enqueue(page(null, "1", "2"), page(null, "3", "4"), page(null, "5"));
    List<Campaign> all = client.listAllCampaigns(CampaignFilter.builder().pageSize(2)
        .state(CampaignState.CAMPAIGN_STATE_RUNNING).build());
    assertEquals(List.of("1", "2", "3", "4", "5"), ids(all));
    assertEquals(3, ozon.apiCalls.size());
    for (int i = 0; i < 3; i++) {
      RecordedRequest r = ozon.apiCalls.get(i);
      assertEquals(String.valueOf(i + 1), r.getUrl().queryParameter("page"));
      assertEquals("2", r.getUrl().queryParameter("pageSize"));
      assertEquals("CAMPAIGN_STATE_RUNNING", r.getUrl().queryParameter("state"));
    }
    assertTrue(time.sleeps.isEmpty(), "no pacing without a 429");
  }

  static String[] range(int from, int count) {
    String[] ids = new String[count];
    for (int i = 0; i < count; i++) {
      ids[i] = String.valueOf(from + i);
    }
    return ids;
  }

  @Test
  void aServerThatCapsPagesAt100IsWalkedToTheEndEvenWithALargerPageSize() {
    client = ozon.clientBuilder(time).build();
    ozon.enqueue(page(null, range(1, 100)), page(null, range(101, 100)), page(null, range(201, 37)));
    List<Campaign> all = client.listAllCampaigns(CampaignFilter.builder().pageSize(500).build());
    assertEquals(237, all.size(), "never only the first (capped) page");
    assertEquals("237", all.get(236).getId());
    assertEquals(3, ozon.apiCalls.size());
    assertEquals("500", ozon.apiCalls.get(0).getUrl().queryParameter("pageSize"));
  }

  @Test
  void aServerServingTheRequestedLargePageSizeStopsAtTheFirstShortPage() {
    client = ozon.clientBuilder(time).build();
    ozon.enqueue(page(null, range(1, 300)), page(null, range(301, 120)));
    assertEquals(420, client.listAllCampaigns(CampaignFilter.builder().pageSize(300).build()).size());
    assertEquals(2, ozon.apiCalls.size());
  }

  @Test
  void anEmptyPageEndsTheWalk() {
    client = ozon.clientBuilder(time).build();
    ozon.enqueue(page(null, "1", "2"), page(null));
    assertEquals(List.of("1", "2"), ids(client.listAllCampaigns(CampaignFilter.builder().pageSize(2).build())));
    assertEquals(2, ozon.apiCalls.size());
  }

  @Test
  void pacesTheFollowingPagesAfterA429() {
    client = ozon.clientBuilder(time).build();
    ozon.enqueue(page(null, "1", "2"), rateLimited("9"), page(null, "3", "4"), page(null, "5"));
    List<Campaign> all = client.listAllCampaigns(CampaignFilter.builder().pageSize(2).build());
    assertEquals(List.of("1", "2", "3", "4", "5"), ids(all));
    assertEquals(List.of(Duration.ofSeconds(9), Duration.ofSeconds(9)), time.sleeps,
        "the cool-down for page 2, then the same pace before page 3");
    assertEquals("2", ozon.apiCalls.get(2).getUrl().queryParameter("page"));
  }

  @Test
  void keepsAskingForAPageThatStaysRateLimitedForAWhile() {
    client = ozon.clientBuilder(time).maxRetries(0).build();
    ozon.enqueue(rateLimited("2"), rateLimited("2"), page(null, "1"));
    assertEquals(List.of("1"), ids(client.listAllCampaigns(CampaignFilter.all())));
    assertEquals(3, ozon.apiCalls.size());
  }

  @Test
  void failsLoudlyWhenTheWalkEndsShortOfTheServersTotal() {
    client = ozon.clientBuilder(time).build();
    ozon.enqueue(page("5", "1", "2"), page("5", "3"));
    OzonIncompleteResultException e = assertThrows(OzonIncompleteResultException.class,
        () -> client.listAllCampaigns(CampaignFilter.builder().pageSize(2).build()));
    assertEquals(5, e.expected());
    assertEquals(3, e.received());
    assertTrue(e.getMessage().contains("expected 5, received 3"), e.getMessage());
  }

  @Test
  void aCompleteWalkMatchingTheTotalSucceeds() {
    client = ozon.clientBuilder(time).build();
    ozon.enqueue(page("3", "1", "2"), page("3", "3"));
    assertEquals(List.of("1", "2", "3"), ids(client.listAllCampaigns(CampaignFilter.builder().pageSize(2).build())));
  }

  @Test
  void stopsWhenTheServerIgnoresThePageParameter() {
    client = ozon.clientBuilder(time).build();
    ozon.fallback = r -> page(null, "1", "2");
    assertEquals(List.of("1", "2"), ids(client.listAllCampaigns(CampaignFilter.builder().pageSize(2).build())));
    assertEquals(2, ozon.apiCalls.size());
  }

  @Test
  void passesCampaignIdsExploded() {
    client = ozon.clientBuilder(time).build();
    ozon.enqueue(page(null, "10", "11"));
    client.listAllCampaigns(CampaignFilter.builder().campaignIds("10", "11").build());
    assertEquals(List.of("10", "11"), ozon.apiCalls.get(0).getUrl().queryParameterValues("campaignIds").stream()
        .sorted().toList());
  }

  @Test
  void filterRejectsNonNumericIdsWithAClearMessage() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> CampaignFilter.builder().campaignIds("12a"));
    assertTrue(e.getMessage().contains("\"12a\""), e.getMessage());
  }
}
