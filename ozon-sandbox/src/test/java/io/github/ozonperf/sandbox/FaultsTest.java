package io.github.ozonperf.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.ozonperf.sandbox.SandboxClient.Reply;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.Test;

class FaultsTest {
  private static OzonSandbox start(Faults faults) {
    return OzonSandbox.builder().clock(MutableClock.at2026()).faults(faults).start();
  }

  @Test
  void certain429CarriesRetryAfterAndJsonErrorButTokenEndpointIsSpared() {
    try (OzonSandbox s = start(Faults.builder().probability429(1.0).retryAfterSeconds(3).build())) {
      SandboxClient c = new SandboxClient(s).login();
      Reply r = c.get("/api/client/campaign");
      assertEquals(429, r.code());
      assertEquals("3", r.headers().get("Retry-After"));
      assertEquals("Too Many Requests", r.error());
    }
  }

  @Test
  void certain503AnswersServiceUnavailable() {
    try (OzonSandbox s = start(Faults.builder().probability503(1.0).build())) {
      assertEquals(503, new SandboxClient(s).login().get("/api/client/campaign").code());
    }
  }

  @Test
  void certainResetClosesTheConnectionAndIsRecordedWithStatusMinusOne() {
    try (OzonSandbox s = start(Faults.builder().probabilityReset(1.0).build())) {
      SandboxClient c = new SandboxClient(s).login();
      assertThrows(UncheckedIOException.class, () -> c.get("/api/client/campaign"));
      RecordedCall last = s.recentRequests().get(s.recentRequests().size() - 1);
      assertEquals(-1, last.status());
    }
  }

  @Test
  void halfOf429sIsRoughlyHalfOverManyCallsWithFixedSeed() {
    try (OzonSandbox s = start(Faults.builder().probability429(0.5).seed(1).build())) {
      SandboxClient c = new SandboxClient(s).login();
      int limited = 0;
      for (int i = 0; i < 200; i++) {
        if (c.get("/api/client/limits/list").code() == 429) {
          limited++;
        }
      }
      assertTrue(limited > 60 && limited < 140, "429s: " + limited);
      assertEquals(200, s.requests("/api/client/limits/list"));
    }
  }

  @Test
  void invalidProbabilitiesAreRejectedWithTheNameOfTheSetting() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Faults.builder().probability503(1.5));
    assertTrue(e.getMessage().startsWith("probability503"));
    assertThrows(IllegalArgumentException.class,
        () -> Faults.builder().probability429(0.6).probability503(0.6).build());
  }
}
