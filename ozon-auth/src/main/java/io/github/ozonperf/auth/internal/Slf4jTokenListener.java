package io.github.ozonperf.auth.internal;

import io.github.ozonperf.auth.TokenEvent;
import io.github.ozonperf.auth.TokenListener;
import org.slf4j.Logger;

/** Logs token events: REUSED at TRACE, everything else at DEBUG. Fingerprints only. Internal API. */
public final class Slf4jTokenListener implements TokenListener {
  private final Logger log;

  /**
   * Creates the listener.
   *
   * @param log the logger to write to
   */
  public Slf4jTokenListener(Logger log) {
    this.log = log;
  }

  @Override
  public void onEvent(TokenEvent e) {
    if (e.type() == TokenEvent.Type.REUSED) {
      if (log.isTraceEnabled()) {
        log.trace("token {} reused", e.tokenFingerprint());
      }
      return;
    }
    if (!log.isDebugEnabled()) {
      return;
    }
    switch (e.type()) {
      case FETCH_STARTED -> log.debug("token request started (attempt {})", e.attempt());
      case FETCHED -> log.debug("token {} fetched, expires at {}", e.tokenFingerprint(), e.expiresAt());
      case REFRESHED_EARLY -> log.debug("token {} refreshed early in the background", e.tokenFingerprint());
      case FAILED -> log.debug("token request failed: {} (attempt {})", e.errorClass(), e.attempt());
      case RETRY_SCHEDULED -> log.debug("token request retry in {} ms after {} (attempt {})",
          e.delay().toMillis(), e.errorClass(), e.attempt());
      case INVALIDATED -> log.debug("token {} invalidated", e.tokenFingerprint());
      case LOADED_FROM_STORE -> log.debug("token {} loaded from the token store, expires at {}",
          e.tokenFingerprint(), e.expiresAt());
      default -> log.debug("token event {}", e.type());
    }
  }
}
