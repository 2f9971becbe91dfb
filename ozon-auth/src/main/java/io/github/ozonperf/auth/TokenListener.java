package io.github.ozonperf.auth;

/**
 * Receives token lifecycle events (see {@link TokenEvent.Type}). Called synchronously on the thread where the
 * event happens, so implementations must be fast and thread-safe; an exception thrown here is logged and
 * ignored. Events carry token fingerprints only, never a token or the secret. SLF4J DEBUG logging is always
 * on as a separate built-in listener.
 *
 * <p>Fetch events ({@code FETCH_STARTED}, {@code FAILED}, {@code RETRY_SCHEDULED}) arrive on the provider's
 * refresh thread while the token request is in progress, so a listener must not wait for a token: a
 * {@link TokenProvider#getToken()} call made there fails at once with {@link TokenRefreshException} instead of
 * deadlocking the refresh thread. Hand such work to another thread.
 */
@FunctionalInterface
public interface TokenListener {

  /**
   * Handles one event.
   *
   * @param event the event
   */
  void onEvent(TokenEvent event);
}
