package io.github.ozonperf.client.report;

import java.time.Duration;

/**
 * One step of a running report: chunk {@code chunkIndex + 1} of {@code chunkCount} is in {@code state}.
 *
 * @param chunkIndex zero-based index of the chunk
 * @param chunkCount number of chunks of the request
 * @param uuid       the chunk's report UUID ({@code null} before submission)
 * @param state      the chunk's state
 * @param elapsed    time since {@link Reports#run} started
 */
public record ReportProgressEvent(
    int chunkIndex, int chunkCount, String uuid, ReportState state, Duration elapsed) {}
