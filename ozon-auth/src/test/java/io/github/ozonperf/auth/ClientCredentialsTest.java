package io.github.ozonperf.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ClientCredentialsTest {

  @Test
  void fromEnvironmentReadsOzonVariables() {
    ClientCredentials c = ClientCredentials.fromEnvironment(Map.of(
        "OZON_CLIENT_ID", "1-2@advertising.performance.ozon.ru", "OZON_CLIENT_SECRET", "s3cret",
        "OAUTH_CLIENT_ID", "other", "OAUTH_CLIENT_SECRET", "other-secret"));
    assertEquals("1-2@advertising.performance.ozon.ru", c.clientId());
    assertEquals("s3cret", c.clientSecret());
  }

  @Test
  void fromEnvironmentFallsBackToOauthVariablesPerValue() {
    ClientCredentials c = ClientCredentials.fromEnvironment(Map.of(
        "OZON_CLIENT_ID", "  ", "OAUTH_CLIENT_ID", "oauth-id", "OZON_CLIENT_SECRET", "ozon-secret"));
    assertEquals("oauth-id", c.clientId());
    assertEquals("ozon-secret", c.clientSecret());
  }

  @Test
  void missingSecretNamesTheVariableAndTheFixOnOneLine() {
    ConfigurationException e = assertThrows(ConfigurationException.class,
        () -> ClientCredentials.fromEnvironment(Map.of("OZON_CLIENT_ID", "id")));
    assertTrue(e.getMessage().contains("OZON_CLIENT_SECRET not set"), e.getMessage());
    assertTrue(e.getMessage().contains("OAUTH_CLIENT_SECRET"), e.getMessage());
    assertTrue(e.getMessage().contains("Settings > API keys > Performance API"), e.getMessage());
    assertFalse(e.getMessage().contains("\n"));
  }

  @Test
  void missingBothNamesBothVariables() {
    ConfigurationException e = assertThrows(ConfigurationException.class,
        () -> ClientCredentials.fromEnvironment(Map.of()));
    assertTrue(e.getMessage().contains("OZON_CLIENT_ID and OZON_CLIENT_SECRET not set"), e.getMessage());
  }

  @Test
  void blankValuesAreRejectedWithConfigurationException() {
    assertThrows(ConfigurationException.class, () -> ClientCredentials.of(" ", "x"));
    assertThrows(ConfigurationException.class, () -> ClientCredentials.of("x", null));
  }

  @Test
  void valuesAreStrippedOfSurroundingWhitespace() {
    ClientCredentials c = ClientCredentials.of(" id\n", "secret\n");
    assertEquals("id", c.clientId());
    assertEquals("secret", c.clientSecret());
  }

  @Test
  void toStringNeverShowsTheSecret() {
    String s = ClientCredentials.of("my-id", "TOP-SECRET-VALUE").toString();
    assertTrue(s.contains("my-id"));
    assertFalse(s.contains("TOP-SECRET-VALUE"), s);
  }
}
