package io.github.ozonperf.client.internal.report;

import io.github.ozonperf.auth.TokenRefreshException;
import io.github.ozonperf.client.OzonApiException;
import io.github.ozonperf.client.OzonBadRequestException;
import io.github.ozonperf.client.OzonConnectionException;
import io.github.ozonperf.client.OzonReportException;
import io.github.ozonperf.client.OzonReportNotReadyException;
import io.github.ozonperf.client.api.StatisticsApi;
import io.github.ozonperf.client.api.StatisticsJsonApi;
import io.github.ozonperf.client.internal.ErrorMapping;
import io.github.ozonperf.client.model.GroupBy;
import io.github.ozonperf.client.model.ReportStatus;
import io.github.ozonperf.client.model.StatisticsRequest;
import io.github.ozonperf.client.model.StatisticsRequestId;
import io.github.ozonperf.client.report.ReportChunk;
import io.github.ozonperf.client.report.ReportClock;
import io.github.ozonperf.client.report.ReportFormat;
import io.github.ozonperf.client.report.ReportOptions;
import io.github.ozonperf.client.report.ReportProgress;
import io.github.ozonperf.client.report.ReportProgressEvent;
import io.github.ozonperf.client.report.ReportRequest;
import io.github.ozonperf.client.report.ReportResult;
import io.github.ozonperf.client.report.ReportState;
import io.github.ozonperf.client.report.ReportStatusView;
import io.github.ozonperf.client.report.ReportTimeoutException;
import io.github.ozonperf.client.report.Reports;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import okhttp3.Call;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The report workflow over the generated Statistics APIs: plan chunks, take the account's single
 * generation slot, submit, poll with growing intervals, release the slot, stream the file to disk.
 */
public final class DefaultReports implements Reports {
  private static final Logger LOG = LoggerFactory.getLogger(DefaultReports.class);
  private static final String STATUS_PATH = "/api/client/statistics/{UUID}";
  private static final String DOWNLOAD_PATH = "/api/client/statistics/report";
  private static final String ACCEPT_REPORT = "text/csv, application/zip, application/json";
  private static final int MAX_ERROR_BODY = 4096;
  /** Attempts to stream one finished report before giving up (the body can drop mid-way on big files). */
  static final int DOWNLOAD_ATTEMPTS = 3;

  private final StatisticsApi statistics;
  private final StatisticsJsonApi statisticsJson;
  private final String accountKey;
  private final ReportOptions options;
  private final ReportClock clock;
  private final Function<List<String>, Map<String, String>> campaignTypes;

  /**
   * Creates the workflow; the facade wires one per client.
   *
   * @param statistics     the generated CSV statistics API (its ApiClient's OkHttpClient carries auth)
   * @param statisticsJson the generated JSON twins
   * @param accountKey     identifies the Ozon account (e.g. base URL + client id): every instance with the
   *                       same key shares one report-generation slot
   * @param options        polling, timeout, temp dir and clock
   */
  public DefaultReports(StatisticsApi statistics, StatisticsJsonApi statisticsJson, String accountKey,
      ReportOptions options) {
    this(statistics, statisticsJson, accountKey, options, ids -> Map.of());
  }

  /**
   * Creates the workflow with a campaign type lookup, so that campaigns a statistics report cannot include are
   * left out (with a reason in {@link ReportResult#skipped()}) instead of failing the whole request.
   *
   * @param campaignTypes {@code advObjectType} by id for the given ids (one campaign-list call); it may leave out
   *                      ids it does not know, and a failure of it only means no campaign is left out
   */
  public DefaultReports(StatisticsApi statistics, StatisticsJsonApi statisticsJson, String accountKey,
      ReportOptions options, Function<List<String>, Map<String, String>> campaignTypes) {
    this.campaignTypes = Objects.requireNonNull(campaignTypes, "campaignTypes == null");
    this.statistics = Objects.requireNonNull(statistics, "statistics == null");
    this.statisticsJson = Objects.requireNonNull(statisticsJson, "statisticsJson == null");
    this.accountKey = Objects.requireNonNull(accountKey, "accountKey == null");
    this.options = Objects.requireNonNull(options, "options == null");
    this.clock = options.clock();
  }

  @Override
  public ReportResult run(ReportRequest request, ReportProgress progress) {
    Objects.requireNonNull(request, "request == null");
    Objects.requireNonNull(progress, "progress == null");
    long start = clock.nanoTime();
    long deadline = start + options.timeout().toNanos();
    Map<String, String> types = typesOf(request.campaignIds());
    Map<String, String> skipped = ChunkPlanner.notReportable(request.campaignIds(), types);
    List<String> reportable = new ArrayList<>(request.campaignIds());
    reportable.removeAll(skipped.keySet());
    List<ReportChunk> chunks = new ArrayList<>(ChunkPlanner.plan(reportable, request));
    List<ReportFile> files = new ArrayList<>();
    boolean success = false;
    try {
      for (int i = 0; i < chunks.size(); i++) {
        ensureNotCancelled(chunks, i, start);
        Semaphore slot = AccountGate.slot(accountKey);
        acquire(slot, deadline, start, chunks, i);
        try {
          String uuid = submitWhenAccountIsFree(chunks, i, request, types, deadline, start);
          chunks.set(i, chunks.get(i).with(uuid, ReportState.NOT_STARTED));
          emit(progress, chunks, i, start);
          awaitReady(chunks, i, deadline, start, progress);
        } finally {
          slot.release();
        }
        ensureNotCancelled(chunks, i, start);
        ReportChunk chunk = chunks.get(i);
        files.add(downloadWithRetries(chunk, request.format(), deadline, chunks, i, start));
        emit(progress, chunks, i, start);
      }
      success = true;
      return new DefaultReportResult(chunks, files, skipped);
    } finally {
      if (!success) {
        DefaultReportResult.deleteAll(files);
      }
    }
  }

  @Override
  public ReportStatusView status(String uuid) {
    requireUuid(uuid);
    ReportStatus status;
    try {
      status = statistics.getReportStatus(uuid);
    } catch (RuntimeException e) {
      throw ReportErrors.map(e, "GET", STATUS_PATH);
    }
    return view(uuid, status);
  }

  @Override
  public ReportResult download(String uuid, ReportFormat format) {
    requireUuid(uuid);
    Objects.requireNonNull(format, "format == null");
    ReportStatus status;
    try {
      status = statistics.getReportStatus(uuid);
    } catch (RuntimeException e) {
      throw ReportErrors.map(e, "GET", STATUS_PATH);
    }
    ReportStatusView view = view(uuid, status);
    if (view.state() == ReportState.ERROR) {
      throw failed(uuid, view.error());
    }
    if (view.state() != ReportState.OK) {
      throw new OzonReportNotReadyException("report " + uuid + " is " + view.state() + " at Ozon, not OK yet:"
          + " poll reports().status(uuid) until it is OK, then download it (nothing is lost meanwhile)", uuid,
          view.state());
    }
    List<String> campaigns = campaignsOf(status);
    ReportFile file = downloadFile(uuid, campaigns, format);
    ReportChunk chunk = new ReportChunk(0, campaigns, dateOr(status, "dateFrom"), dateOr(status, "dateTo"),
        uuid, ReportState.OK);
    return new DefaultReportResult(List.of(chunk), List.of(file));
  }

  private void acquire(Semaphore slot, long deadline, long start, List<ReportChunk> chunks, int index) {
    long remaining = deadline - clock.nanoTime();
    try {
      if (remaining <= 0 || !slot.tryAcquire(remaining, TimeUnit.NANOSECONDS)) {
        throw timeout("waiting for the account's report slot (another report of this account is "
            + "generating)", chunks, index, start);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw cancelled(chunks, index, start);
    }
  }

  /**
   * Our slot does not cover reports started elsewhere (another process, or one of ours that timed out and
   * is still generating): Ozon then answers 429 "Превышен лимит активных запросов (максимум 1)". That
   * report was not accepted, so re-submitting is safe; wait on the poll schedule (or Retry-After) within
   * the deadline. Any other 429 (the daily quota) is surfaced at once.
   */
  /** The campaigns' types, or an empty map when the lookup fails (then nothing is left out of the request). */
  private Map<String, String> typesOf(List<String> ids) {
    try {
      Map<String, String> types = campaignTypes.apply(ids);
      return types == null ? Map.of() : types;
    } catch (RuntimeException e) {
      LOG.info("Could not look up the campaigns' types before a report ({}); every campaign is submitted",
          ErrorMapping.describe(e));
      return Map.of();
    }
  }

  private String submitWhenAccountIsFree(List<ReportChunk> chunks, int index, ReportRequest request,
      Map<String, String> types, long deadline, long start) {
    PollSchedule schedule = new PollSchedule(options.initialPollInterval(), options.pollMultiplier(),
        options.maxPollInterval());
    while (true) {
      try {
        return submit(chunks.get(index), request);
      } catch (OzonBadRequestException e) {
        throw isForbiddenType(e.ozonError()) ? forbiddenType(e, chunks.get(index), types) : e;
      } catch (OzonApiException e) {
        ensureNotCancelled(chunks, index, start);
        if (e.statusCode() != 429 || !isActiveReportLimit(e.ozonError())) {
          throw e;
        }
        long remaining = deadline - clock.nanoTime();
        Duration wait = e.retryAfter().orElseGet(schedule::next);
        if (remaining <= 0 || wait.toNanos() > remaining) {
          throw timeout("waiting for another report of this account to finish at Ozon (429: "
              + e.ozonError() + ")", chunks, index, start);
        }
        try {
          clock.sleep(wait);
        } catch (InterruptedException ie) {
          Thread.currentThread().interrupt();
          throw cancelled(chunks, index, start);
        }
      }
    }
  }

  static boolean isForbiddenType(String ozonError) {
    return ozonError != null && ozonError.toLowerCase(java.util.Locale.ROOT).contains("type of report is forbidden");
  }

  /** Ozon's 400 for a campaign type the report cannot include, naming the chunk's campaigns and their types. */
  private static OzonBadRequestException forbiddenType(OzonBadRequestException e, ReportChunk chunk,
      Map<String, String> types) {
    List<String> named = new ArrayList<>();
    for (String id : chunk.campaignIds()) {
      named.add(id + " (" + types.getOrDefault(id, "type unknown") + ")");
    }
    return new OzonBadRequestException("Ozon refused the report because one of its campaigns is of a type a "
        + "statistics report cannot include (HTTP 400: \"" + e.ozonError() + "\"). Campaigns in this request: "
        + String.join(", ", named) + ". Pay-per-order (SEARCH_PROMO, ALL_SKU_PROMO) and external-traffic (REF_*) "
        + "campaigns have reports of their own; leave them out of this one.", e.statusCode(), e.ozonError(),
        e.rawBody(), e.method(), e.path(), e.retryAfter().orElse(null), e);
  }

  static boolean isActiveReportLimit(String ozonError) {
    if (ozonError == null) {
      return false;
    }
    String lower = ozonError.toLowerCase(java.util.Locale.ROOT);
    return lower.contains("активных") || lower.contains("active");
  }

  private String submit(ReportChunk chunk, ReportRequest request) {
    StatisticsRequest body = new StatisticsRequest()
        .campaigns(new ArrayList<>(chunk.campaignIds()))
        .dateFrom(chunk.dateFrom())
        .dateTo(chunk.dateTo())
        .groupBy(GroupBy.fromValue(request.groupBy().name()));
    StatisticsRequestId id;
    boolean json = request.format() == ReportFormat.JSON;
    try {
      id = json ? statisticsJson.submitStatisticsReportJson(body) : statistics.submitStatisticsReport(body);
    } catch (RuntimeException e) {
      // Never retried here: a submit that reached Ozon may already count against the daily quota.
      throw ReportErrors.map(e, "POST", json ? "/api/client/statistics/json" : "/api/client/statistics");
    }
    if (id == null || id.getUUID() == null || id.getUUID().isBlank()) {
      throw ReportErrors.map(new IllegalStateException("no UUID"), "POST", "/api/client/statistics");
    }
    return id.getUUID();
  }

  /** Sleeps first (a report is never ready at once), then polls; returns when OK. */
  private void awaitReady(List<ReportChunk> chunks, int index, long deadline, long start,
      ReportProgress progress) {
    String uuid = chunks.get(index).uuid();
    PollSchedule schedule = new PollSchedule(options.initialPollInterval(), options.pollMultiplier(),
        options.maxPollInterval());
    Duration override = null;
    while (true) {
      ensureNotCancelled(chunks, index, start);
      long remaining = deadline - clock.nanoTime();
      if (remaining <= 0) {
        throw timeout("waiting for Ozon to generate the report", chunks, index, start);
      }
      Duration wait = override != null ? override : schedule.next();
      override = null;
      if (wait.toNanos() > remaining) {
        wait = Duration.ofNanos(remaining);
      }
      try {
        clock.sleep(wait);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw cancelled(chunks, index, start);
      }
      ReportStatusView view;
      try {
        view = status(uuid);
      } catch (OzonApiException e) {
        ensureNotCancelled(chunks, index, start); // an interrupted poll is a cancellation, never "transient"
        if (e.statusCode() == 429) {
          override = e.retryAfter().orElse(null); // honour Retry-After, else keep the schedule
          continue;
        }
        if (e.isRetryable()) {
          // A 5xx or a dropped connection while polling (GETs were already retried) says nothing about the
          // report: keep polling on the schedule until the deadline rather than lose the submitted UUIDs.
          continue;
        }
        throw e;
      }
      chunks.set(index, chunks.get(index).with(uuid, view.state()));
      emit(progress, chunks, index, start);
      if (view.state() == ReportState.OK) {
        return;
      }
      if (view.state() == ReportState.ERROR) {
        throw failed(uuid, view.error());
      }
    }
  }

  /**
   * Downloads a chunk that is OK. The HTTP layer retries GETs only until the response headers arrive; a
   * connection that drops while the body streams is retried here (a GET, so safe), on the poll schedule and
   * within the deadline.
   */
  private ReportFile downloadWithRetries(ReportChunk chunk, ReportFormat format, long deadline,
      List<ReportChunk> chunks, int index, long start) {
    PollSchedule schedule = new PollSchedule(options.initialPollInterval(), options.pollMultiplier(),
        options.maxPollInterval());
    for (int attempt = 1; ; attempt++) {
      try {
        return downloadFile(chunk.uuid(), chunk.campaignIds(), format);
      } catch (OzonConnectionException e) {
        ensureNotCancelled(chunks, index, start);
        Duration wait = schedule.next();
        if (attempt >= DOWNLOAD_ATTEMPTS || deadline - clock.nanoTime() <= wait.toNanos()) {
          throw e;
        }
        try {
          clock.sleep(wait);
        } catch (InterruptedException ie) {
          Thread.currentThread().interrupt();
          throw cancelled(chunks, index, start);
        }
      }
    }
  }

  private ReportFile downloadFile(String uuid, List<String> campaignIds, ReportFormat format) {
    String resume = "report " + uuid + " is ready at Ozon: download it again with reports().download(\""
        + uuid + "\", ReportFormat." + format + ")";
    Response response;
    try {
      Call generated = statistics.downloadReportCall(uuid, null);
      // The generated Accept prefers JSON only; a report may be CSV or ZIP.
      Request request = generated.request().newBuilder().header("Accept", ACCEPT_REPORT).build();
      response = statistics.getApiClient().getHttpClient().newCall(request).execute();
    } catch (TokenRefreshException e) {
      throw ErrorMapping.fromIOException("GET", DOWNLOAD_PATH, e);
    } catch (IOException e) {
      throw ReportErrors.connection(e, "GET", DOWNLOAD_PATH, resume);
    } catch (RuntimeException e) {
      throw ReportErrors.map(e, "GET", DOWNLOAD_PATH);
    }
    if (!response.isSuccessful()) {
      try (Response r = response) {
        throw ReportErrors.fromStatus(r.code(), boundedBody(r.body()),
            ReportErrors.retryAfter(r.header("Retry-After")), "GET", DOWNLOAD_PATH, null);
      }
    }
    try {
      return ReportDownloader.save(response, options.tempDir(), uuid, campaignIds);
    } catch (ReportDownloader.StorageException e) {
      throw ReportErrors.storage(e, uuid);
    } catch (IOException e) {
      throw ReportErrors.connection(e, "GET", DOWNLOAD_PATH, resume);
    }
  }

  private static String boundedBody(ResponseBody body) {
    try (java.io.InputStream in = body.byteStream()) {
      return new String(in.readNBytes(MAX_ERROR_BODY), java.nio.charset.StandardCharsets.UTF_8);
    } catch (IOException e) {
      return null;
    }
  }

  private void emit(ReportProgress progress, List<ReportChunk> chunks, int index, long start) {
    ReportChunk chunk = chunks.get(index);
    progress.onProgress(new ReportProgressEvent(index, chunks.size(), chunk.uuid(), chunk.state(),
        Duration.ofNanos(clock.nanoTime() - start)));
  }

  /**
   * A run is cancelled by interrupting its thread. Okio keeps the interrupt flag when it aborts a call, so the flag
   * is checked at every step: no new submission, no further poll or download after it.
   */
  private void ensureNotCancelled(List<ReportChunk> chunks, int index, long start) {
    if (Thread.currentThread().isInterrupted()) {
      throw cancelled(chunks, index, start);
    }
  }

  private ReportTimeoutException cancelled(List<ReportChunk> chunks, int index, long start) {
    Duration elapsed = Duration.ofNanos(clock.nanoTime() - start);
    List<String> uuids = uuidStates(chunks);
    LOG.info("Statistics report run cancelled at chunk {} of {}; reports submitted so far (download them with "
        + "reports().download(uuid, format) when OK): {}", index + 1, chunks.size(), uuids);
    return new ReportTimeoutException("statistics report run cancelled after " + elapsed.toSeconds() + " s (chunk "
        + (index + 1) + " of " + chunks.size() + "); nothing more was submitted. Reports already submitted: "
        + uuids + "; resume with reports().status(uuid) and reports().download(uuid, format).", chunks, elapsed,
        true);
  }

  private static List<String> uuidStates(List<ReportChunk> chunks) {
    List<String> uuids = new ArrayList<>();
    for (ReportChunk chunk : chunks) {
      if (chunk.uuid() != null) {
        uuids.add(chunk.uuid() + "=" + chunk.state());
      }
    }
    return uuids;
  }

  private ReportTimeoutException timeout(String what, List<ReportChunk> chunks, int index, long start) {
    Duration elapsed = Duration.ofNanos(clock.nanoTime() - start);
    List<String> uuids = uuidStates(chunks);
    return new ReportTimeoutException("statistics report timed out after " + elapsed.toSeconds() + " s "
        + what + " (chunk " + (index + 1) + " of " + chunks.size() + "). Nothing is lost: resume with "
        + "reports().status(uuid) and reports().download(uuid, format) for " + uuids
        + "; raise ReportOptions.timeout for long reports.", chunks, elapsed);
  }

  private static OzonReportException failed(String uuid, String reason) {
    String because = reason == null || reason.isBlank() ? "Ozon gave no reason" : reason;
    return new OzonReportException("Ozon failed to generate report " + uuid + ": " + because
        + ". Check the campaigns and dates, then run the report again.", uuid, reason);
  }

  static ReportStatusView view(String uuid, ReportStatus status) {
    if (status == null) {
      return new ReportStatusView(uuid, ReportState.UNKNOWN, null);
    }
    ReportState state;
    if (status.getState() == null) {
      state = ReportState.UNKNOWN;
    } else {
      state = switch (status.getState().getValue()) {
        case "NOT_STARTED" -> ReportState.NOT_STARTED;
        case "IN_PROGRESS" -> ReportState.IN_PROGRESS;
        case "OK" -> ReportState.OK;
        case "ERROR" -> ReportState.ERROR;
        default -> ReportState.UNKNOWN;
      };
    }
    return new ReportStatusView(uuid, state, status.getError());
  }

  private static List<String> campaignsOf(ReportStatus status) {
    Map<String, Object> request = status.getRequest();
    List<String> ids = new ArrayList<>();
    if (request != null && request.get("campaigns") instanceof List<?> list) {
      for (Object o : list) {
        if (o instanceof Number n) {
          ids.add(String.valueOf(n.longValue()));
        } else if (o != null) {
          ids.add(o.toString());
        }
      }
    }
    return ids;
  }

  private static java.time.LocalDate dateOr(ReportStatus status, String key) {
    Map<String, Object> request = status.getRequest();
    if (request != null && request.get(key) instanceof String s && s.length() >= 10) {
      try {
        return java.time.LocalDate.parse(s.substring(0, 10));
      } catch (RuntimeException ignored) {
        // fall through
      }
    }
    return java.time.LocalDate.EPOCH;
  }

  private static void requireUuid(String uuid) {
    Objects.requireNonNull(uuid, "uuid == null");
    if (uuid.isBlank()) {
      throw new IllegalArgumentException("uuid is blank: pass the UUID a report submission returned");
    }
  }

  @Override
  public String toString() {
    return "DefaultReports{" + options + '}';
  }
}
