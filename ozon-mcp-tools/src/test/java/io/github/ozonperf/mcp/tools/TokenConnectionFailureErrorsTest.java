package io.github.ozonperf.mcp.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.ozonperf.auth.TokenRefreshException;
import java.net.UnknownHostException;
import java.util.Map;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

/** A bare token refresh failure (e.g. from a prefetch future) is classified by what happened, not as auth. */
class TokenConnectionFailureErrorsTest {

  @Test
  void unreachableTokenEndpointFromAFutureIsARetryableUpstreamError() {
    TokenRefreshException unreachable = TokenRefreshException.connectionFailure("could not reach the token endpoint "
        + "https://nonexistent.invalid/api/client/token (UnknownHostException): check the network, proxy settings "
        + "and the token URL (OZON_TOKEN_URL)", new UnknownHostException("nonexistent.invalid"));

    Map<String, Object> env = Errors.map(new CompletionException(unreachable), "list_campaigns", "GET /x").envelope();

    assertEquals("upstream", env.get("type"));
    assertEquals(true, env.get("retryable"));
    String message = (String) env.get("message");
    assertTrue(message.contains("https://nonexistent.invalid/api/client/token"), message);
    assertTrue(message.contains("(OZON_TOKEN_URL). "), "sentences end with a full stop: " + message);
    assertFalse(message.contains("OZON_CLIENT_ID"), message);
  }

  @Test
  void rejectedCredentialsStayAnAuthError() {
    TokenRefreshException rejected = new TokenRefreshException("HTTP 401 invalid_client", true, 401,
        "invalid_client", null);

    Map<String, Object> env = Errors.map(rejected, "list_campaigns", "GET /x").envelope();

    assertEquals("auth", env.get("type"));
    assertEquals(false, env.get("retryable"));
  }

  @Test
  void aRejectionThatAlreadyNamesTheVariablesGetsNoSecondHint() {
    TokenRefreshException rejected = new TokenRefreshException("OAuth token refresh failed: HTTP 401 invalid_client: "
        + "check OZON_CLIENT_ID and OZON_CLIENT_SECRET", true, 401, "invalid_client", null);

    String message = (String) Errors.map(rejected, "list_campaigns", "GET /x").envelope().get("message");

    assertEquals(1, message.split("OZON_CLIENT_ID", -1).length - 1, "the variables are named once: " + message);
    assertTrue(message.endsWith("."), message);
  }

  @Test
  void aTokenEndpointServerErrorIsARetryableUpstreamErrorNotAuth() {
    TokenRefreshException busy = new TokenRefreshException("OAuth token refresh failed: HTTP 503 from the token "
        + "endpoint", false, 503, null, null);

    Map<String, Object> env = Errors.map(busy, "list_campaigns", "GET /x").envelope();

    assertEquals("upstream", env.get("type"));
    assertEquals(true, env.get("retryable"));
    assertEquals(503, env.get("httpStatus"));
    assertFalse(((String) env.get("message")).contains("OZON_CLIENT_ID"), env.toString());
  }
}
