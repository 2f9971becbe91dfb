package io.github.ozonperf.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import io.github.ozonperf.sandbox.SandboxClient.Reply;
import java.time.Duration;
import okhttp3.FormBody;
import okhttp3.Request;
import okhttp3.RequestBody;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TokenEndpointTest {
  private final MutableClock clock = MutableClock.at2026();
  private final OzonSandbox sandbox = OzonSandbox.builder().clock(clock).clientId("42-1@advertising.performance.ozon.ru")
      .clientSecret("s3cr3t-value").tokenTtl(Duration.ofSeconds(600)).start();

  @AfterEach
  void close() {
    sandbox.close();
  }

  private Reply tokenJson(String id, String secret, String grant) {
    JsonObject b = new JsonObject();
    b.addProperty("client_id", id);
    b.addProperty("client_secret", secret);
    if (grant != null) {
      b.addProperty("grant_type", grant);
    }
    return SandboxClient.send(new Request.Builder().url(sandbox.tokenUrl())
        .post(RequestBody.create(b.toString(), SandboxClient.JSON)));
  }

  @Test
  void jsonBodyWithRightCredentialsGetsBearerTokenWithConfiguredTtl() {
    Reply r = tokenJson(sandbox.clientId(), sandbox.clientSecret(), "client_credentials");
    assertEquals(200, r.code());
    JsonObject o = r.json();
    assertEquals(600, o.get("expires_in").getAsLong());
    assertEquals("Bearer", o.get("token_type").getAsString());
    assertFalse(o.get("access_token").getAsString().isBlank());
    assertEquals(1, sandbox.tokenRequests());
  }

  @Test
  void formBodyWithRightCredentialsGetsToken() {
    Reply r = SandboxClient.send(new Request.Builder().url(sandbox.tokenUrl()).post(new FormBody.Builder()
        .add("client_id", sandbox.clientId()).add("client_secret", sandbox.clientSecret())
        .add("grant_type", "client_credentials").build()));
    assertEquals(200, r.code());
    assertTrue(r.json().has("access_token"));
  }

  @Test
  void wrongSecretGets401InvalidClientAndCountsAsTokenRequest() {
    Reply r = tokenJson(sandbox.clientId(), "wrong", "client_credentials");
    assertEquals(401, r.code());
    assertEquals("invalid_client", r.error());
    assertTrue(r.contentType().startsWith("application/json"));
    assertEquals(1, sandbox.tokenRequests());
  }

  @Test
  void missingGrantTypeGets400InvalidRequest() {
    Reply r = tokenJson(sandbox.clientId(), sandbox.clientSecret(), null);
    assertEquals(400, r.code());
    assertEquals("invalid_request", r.error());
  }

  @Test
  void otherGrantTypeGets400UnsupportedGrantType() {
    assertEquals("unsupported_grant_type", tokenJson(sandbox.clientId(), sandbox.clientSecret(), "password").error());
  }

  @Test
  void malformedJsonGets400() {
    Reply r = SandboxClient.send(new Request.Builder().url(sandbox.tokenUrl())
        .post(RequestBody.create("{not json", SandboxClient.JSON)));
    assertEquals(400, r.code());
  }

  @Test
  void secretSentInATokenQueryStringIsNotRecorded() {
    Reply r = SandboxClient.send(new Request.Builder().url(sandbox.tokenUrl() + "?client_secret=s3cr3t-value")
        .post(RequestBody.create("{}", SandboxClient.JSON)));
    assertEquals(400, r.code());
    RecordedCall last = sandbox.recentRequests().get(sandbox.recentRequests().size() - 1);
    assertEquals("/api/client/token", last.path());
    assertEquals("", last.query());
    assertFalse(last.toString().contains("s3cr3t-value"), last.toString());
  }

  @Test
  void secretsNeverAppearInRecordedCalls() {
    tokenJson(sandbox.clientId(), sandbox.clientSecret(), "client_credentials");
    SandboxClient c = new SandboxClient(sandbox).login();
    c.get("/api/client/campaign");
    for (RecordedCall call : sandbox.recentRequests()) {
      assertFalse(call.toString().contains("s3cr3t-value"), call.toString());
      assertFalse(call.toString().contains(c.token), call.toString());
    }
    RecordedCall last = sandbox.recentRequests().get(sandbox.recentRequests().size() - 1);
    assertEquals("Bearer <redacted>", last.authorization());
    assertEquals("/api/client/campaign", last.pattern());
    assertEquals(200, last.status());
  }
}
