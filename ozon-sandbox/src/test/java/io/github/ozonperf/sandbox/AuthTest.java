package io.github.ozonperf.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import okhttp3.Request;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AuthTest {
  private final MutableClock clock = MutableClock.at2026();
  private OzonSandbox sandbox = OzonSandbox.builder().clock(clock).tokenTtl(Duration.ofSeconds(1800)).start();

  @AfterEach
  void close() {
    sandbox.close();
  }

  @Test
  void apiCallWithoutBearerGets401JsonError() {
    SandboxClient.Reply r = SandboxClient.send(new Request.Builder().url(sandbox.baseUrl() + "/api/client/campaign"));
    assertEquals(401, r.code());
    assertEquals("Bearer error=\"invalid_token\"", r.headers().get("WWW-Authenticate"));
    r.error();
  }

  @Test
  void unknownTokenGets401() {
    SandboxClient c = new SandboxClient(sandbox);
    c.token = "forged";
    assertEquals(401, c.get("/api/client/campaign").code());
  }

  @Test
  void tokenStopsWorkingWhenSandboxClockPassesItsTtl() {
    SandboxClient c = new SandboxClient(sandbox).login();
    clock.advance(Duration.ofSeconds(1799));
    assertEquals(200, c.get("/api/client/campaign").code());
    clock.advance(Duration.ofSeconds(1));
    assertEquals(401, c.get("/api/client/campaign").code());
  }

  @Test
  void expireAllTokensInvalidatesIssuedTokensButNewOnesWork() {
    SandboxClient c = new SandboxClient(sandbox).login();
    sandbox.expireAllTokens();
    assertEquals(401, c.get("/api/client/campaign").code());
    c.login();
    assertEquals(200, c.get("/api/client/campaign").code());
    assertEquals(2, sandbox.tokenRequests());
  }

  @Test
  void forcedExpiryEveryPeriodInvalidatesTokensAtEachBoundary() {
    sandbox.close();
    sandbox = OzonSandbox.builder().clock(clock)
        .faults(Faults.builder().forceTokenExpiryEvery(Duration.ofSeconds(60)).build()).start();
    SandboxClient c = new SandboxClient(sandbox).login();
    clock.advance(Duration.ofSeconds(59));
    assertEquals(200, c.get("/api/client/campaign").code());
    clock.advance(Duration.ofSeconds(1));
    assertEquals(401, c.get("/api/client/campaign").code());
    c.login();
    assertEquals(200, c.get("/api/client/campaign").code());
  }

  @Test
  void unknownPathWithValidTokenGets404AndWrongMethodGets405() {
    SandboxClient c = new SandboxClient(sandbox).login();
    assertEquals(404, c.get("/api/client/nope").code());
    assertEquals(405, c.post("/api/client/campaign", "{}").code());
  }
}
