package io.github.ozonperf.sandbox.internal;

import com.google.gson.JsonObject;
import io.github.ozonperf.sandbox.internal.Http.ApiError;
import io.github.ozonperf.sandbox.internal.Reports.Format;
import io.github.ozonperf.sandbox.internal.Reports.Report;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import mockwebserver3.MockResponse;

/** Vendor (external traffic analytics) routes. */
final class VendorRoutes {
  private final SandboxState state;
  private final Reports reports;

  VendorRoutes(SandboxState state) {
    this.state = state;
    this.reports = state.reports;
  }

  MockResponse submitVendor(Req r) {
    JsonObject body = r.jsonBody();
    LocalDate[] range = Req.range(Req.str(body, "dateFrom"), Req.str(body, "dateTo"), null, null, true);
    String type = Optional.ofNullable(Req.str(body, "type")).orElse("TRAFFIC_SOURCES");
    if (!type.equals("TRAFFIC_SOURCES") && !type.equals("ORDERS")) {
      throw ApiError.badRequest("invalid type '" + type + "': use TRAFFIC_SOURCES or ORDERS");
    }
    Report rep = reports.submit("STATS", Format.CSV, List.of(), range[0], range[1], "NO_GROUP_BY", true, type);
    return StatisticsRoutes.requestId(rep.uuid(), true);
  }

  MockResponse vendorStatus(Req r) {
    Report rep = reports.get(r.path("UUID"));
    if (!rep.vendor()) {
      throw ApiError.notFound("report not found");
    }
    return Http.ok(reports.status(rep));
  }

  MockResponse vendorTag(Req r) {
    String org = r.query("orgId");
    if (org == null || org.isEmpty()) {
      throw ApiError.badRequest("orgId is required");
    }
    JsonObject o = new JsonObject();
    o.addProperty("tag", "ozon-sandbox-" + Req.checkId("orgId", org));
    return Http.ok(o);
  }
}
