package io.github.ozonperf.sandbox.internal;

import io.github.ozonperf.sandbox.Faults;
import io.github.ozonperf.sandbox.SandboxCampaign;
import io.github.ozonperf.sandbox.SandboxData;
import io.github.ozonperf.sandbox.SandboxProduct;
import io.github.ozonperf.sandbox.internal.Http.ApiError;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The one mutable state of a sandbox, shared by the route classes: campaigns and products as changed through the API
 * (guarded by {@link #lock}), the reports, and the immutable inputs (clock, dataset, faults).
 */
final class SandboxState {
  final Clock clock;
  final SandboxData data;
  final Faults faults;
  final Instant startedAt;
  final Reports reports;
  final Object lock = new Object();
  /** Guarded by lock; records are replaced on every change. */
  final Map<String, SandboxCampaign> campaigns = new LinkedHashMap<>();
  /** Guarded by lock. */
  final Map<String, Map<String, SandboxProduct>> products = new HashMap<>();
  final AtomicLong nextCampaignId;

  SandboxState(Clock clock, Duration reportDuration, SandboxData data, Faults faults) {
    this.clock = clock;
    this.data = data;
    this.faults = faults;
    this.startedAt = clock.instant();
    long maxId = 0;
    for (SandboxCampaign c : data.campaigns()) {
      campaigns.put(c.id(), c);
      Map<String, SandboxProduct> ps = new LinkedHashMap<>();
      for (SandboxProduct p : data.products(c.id())) {
        ps.put(p.sku(), p);
      }
      products.put(c.id(), ps);
      maxId = Math.max(maxId, Long.parseLong(c.id()));
    }
    this.nextCampaignId = new AtomicLong(maxId + 1000);
    this.reports = new Reports(clock, reportDuration, data, id -> currentCampaign(id).orElse(null));
  }

  Optional<SandboxCampaign> currentCampaign(String id) {
    synchronized (lock) {
      return Optional.ofNullable(campaigns.get(id));
    }
  }

  /** The campaign of path parameter {@code campaignId}, or a 404. Call with {@link #lock} held. */
  SandboxCampaign campaignOr404(Req r) {
    String id = Req.checkId("campaignId", r.path("campaignId"));
    SandboxCampaign c = campaigns.get(id);
    if (c == null) {
      throw ApiError.notFound("campaign not found: " + id);
    }
    return c;
  }

  List<String> campaignIdsOfType(String type) {
    List<String> ids = new ArrayList<>();
    synchronized (lock) {
      for (SandboxCampaign c : campaigns.values()) {
        if (c.advObjectType().equals(type)) {
          ids.add(c.id());
        }
      }
    }
    return ids;
  }

  String title(String id) {
    return currentCampaign(id).map(SandboxCampaign::title).orElse("");
  }
}
