package io.github.ozonperf.auth;

/**
 * Receives token lifecycle events (see {@link TokenEvent.Type}). Called synchronously on the thread where the
 * event happens, so implementations must be fast and thread-safe; an exception thrown here is logged and
 * ignored. Events carry token fingerprints only, never a token or the secret. SLF4J DEBUG logging is always
 * on as a separate built-in listener.
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
