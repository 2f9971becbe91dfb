package io.github.ozonperf.auth;

import java.util.Map;
import java.util.Objects;

/**
 * The service account's {@code client_id} and {@code client_secret} (Ozon seller cabinet: Settings, API keys,
 * Performance API). Both values are stripped of surrounding whitespace and must not be blank.
 *
 * <p>{@link #toString()} never shows the secret. A client id without {@code '@'} (a "short" id) is completed with
 * {@code @advertising.performance.ozon.ru} by {@link TokenProvider} when it is built.
 *
 * @param clientId the client id, e.g. {@code 12345678-1700000000000@advertising.performance.ozon.ru}
 * @param clientSecret the client secret
 */
public record ClientCredentials(String clientId, String clientSecret) {

  /** Primary environment variable for the client id. */
  public static final String ENV_CLIENT_ID = "OZON_CLIENT_ID";
  /** Primary environment variable for the client secret. */
  public static final String ENV_CLIENT_SECRET = "OZON_CLIENT_SECRET";
  /** Fallback environment variable for the client id. */
  public static final String ENV_OAUTH_CLIENT_ID = "OAUTH_CLIENT_ID";
  /** Fallback environment variable for the client secret. */
  public static final String ENV_OAUTH_CLIENT_SECRET = "OAUTH_CLIENT_SECRET";

  /**
   * Validates and strips both values.
   *
   * @param clientId the client id
   * @param clientSecret the client secret
   * @throws ConfigurationException if a value is null or blank
   */
  public ClientCredentials {
    if (clientId == null || clientId.isBlank()) {
      throw new ConfigurationException("clientId is blank: pass the service account's client id (or set "
          + ENV_CLIENT_ID + ")");
    }
    if (clientSecret == null || clientSecret.isBlank()) {
      throw new ConfigurationException("clientSecret is blank: pass the service account's client secret (or set "
          + ENV_CLIENT_SECRET + ")");
    }
    clientId = clientId.strip();
    clientSecret = clientSecret.strip();
  }

  /**
   * Creates credentials from explicit values.
   *
   * @param clientId the client id
   * @param clientSecret the client secret
   * @return the credentials
   * @throws ConfigurationException if a value is null or blank
   */
  public static ClientCredentials of(String clientId, String clientSecret) {
    return new ClientCredentials(clientId, clientSecret);
  }

  /**
   * Reads {@code OZON_CLIENT_ID}/{@code OZON_CLIENT_SECRET} from the process environment, falling back to
   * {@code OAUTH_CLIENT_ID}/{@code OAUTH_CLIENT_SECRET} for each value that is unset or blank.
   *
   * @return the credentials
   * @throws ConfigurationException naming the missing variables and how to set them
   */
  public static ClientCredentials fromEnvironment() {
    return fromEnvironment(System.getenv());
  }

  /**
   * Like {@link #fromEnvironment()} but reads the given map (handy for tests and for configuration files).
   *
   * @param env variables by name
   * @return the credentials
   * @throws ConfigurationException naming the missing variables and how to set them
   */
  public static ClientCredentials fromEnvironment(Map<String, String> env) {
    Objects.requireNonNull(env, "env == null");
    String id = firstNonBlank(env.get(ENV_CLIENT_ID), env.get(ENV_OAUTH_CLIENT_ID));
    String secret = firstNonBlank(env.get(ENV_CLIENT_SECRET), env.get(ENV_OAUTH_CLIENT_SECRET));
    if (id == null || secret == null) {
      String missing = id == null && secret == null
          ? ENV_CLIENT_ID + " and " + ENV_CLIENT_SECRET
          : id == null ? ENV_CLIENT_ID : ENV_CLIENT_SECRET;
      throw new ConfigurationException("Missing Ozon Performance API credentials: " + missing
          + " not set. Set " + ENV_CLIENT_ID + " and " + ENV_CLIENT_SECRET + " (or " + ENV_OAUTH_CLIENT_ID + " and "
          + ENV_OAUTH_CLIENT_SECRET + ") to the service account's client id and secret from the Ozon seller "
          + "cabinet (Settings > API keys > Performance API).");
    }
    return new ClientCredentials(id, secret);
  }

  private static String firstNonBlank(String a, String b) {
    if (a != null && !a.isBlank()) {
      return a;
    }
    return b != null && !b.isBlank() ? b : null;
  }

  /** Shows the client id only; the secret is always masked. */
  @Override
  public String toString() {
    return "ClientCredentials[clientId=" + clientId + ", clientSecret=***]";
  }
}
