package io.github.ozonperf.auth;

/**
 * A configuration value is missing or invalid (credentials, URLs, timeouts...). Thrown early, at build time,
 * with a one-line message that names the setting or environment variable and says how to fix it. Shared by the
 * whole SDK and the MCP server for configuration errors.
 */
public class ConfigurationException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message one line naming the setting and the fix; never a secret
   */
  public ConfigurationException(String message) {
    super(message);
  }

  /**
   * Creates the exception with a cause.
   *
   * @param message one line naming the setting and the fix; never a secret
   * @param cause the underlying problem
   */
  public ConfigurationException(String message, Throwable cause) {
    super(message, cause);
  }
}
