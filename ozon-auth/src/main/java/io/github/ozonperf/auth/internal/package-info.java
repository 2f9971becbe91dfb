/** Internal helpers of {@code ozon-auth}; not a public API, may change in any release. */
package io.github.ozonperf.auth.internal;
