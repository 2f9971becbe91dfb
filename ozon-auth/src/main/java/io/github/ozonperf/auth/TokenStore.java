package io.github.ozonperf.auth;

import java.util.Optional;

/**
 * Opt-in persistence of the current token, so a restarted process reuses a still-valid token instead of spending
 * a token request. The provider loads once, at first use, and saves every fresh token; it deletes the entry when
 * the token is invalidated. Failures of a store are logged and never break token retrieval.
 *
 * <p>The key is an opaque hex hash of the normalized client id and the token URL; it never contains the secret.
 * Implementations must be thread-safe. See {@link FileTokenStore}.
 */
public interface TokenStore {

  /**
   * Loads the token saved under {@code key}.
   *
   * @param key an opaque hex key
   * @return the token, or empty when none (or unreadable)
   */
  Optional<AccessToken> load(String key);

  /**
   * Saves {@code token} under {@code key}, replacing any previous one.
   *
   * @param key an opaque hex key
   * @param token the token; its expiry is wall-clock
   */
  void save(String key, AccessToken token);

  /**
   * Removes the token saved under {@code key}, if any.
   *
   * @param key an opaque hex key
   */
  void delete(String key);
}
