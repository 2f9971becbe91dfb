package io.github.ozonperf.mcp.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class InFlightCallsTest {
  @Test
  void cancelAllInterruptsEveryBoundHandlerWhateverItsIdType() throws Exception {
    InFlightCalls calls = new InFlightCalls();
    CountDownLatch bound = new CountDownLatch(2);
    CountDownLatch interrupted = new CountDownLatch(2);
    for (Object id : new Object[] {7, "local-1"}) {
      calls.received(id);
      Thread t = new Thread(() -> {
        try (AutoCloseable b = calls.bind(id)) {
          bound.countDown();
          Thread.sleep(60_000);
        } catch (InterruptedException e) {
          interrupted.countDown();
        } catch (Exception e) {
          throw new IllegalStateException(e);
        } finally {
          calls.answered(id);
        }
      });
      t.setDaemon(true);
      t.start();
    }
    assertTrue(bound.await(10, TimeUnit.SECONDS));
    assertEquals(2, calls.cancelAll());
    assertTrue(interrupted.await(10, TimeUnit.SECONDS), "both handlers interrupted");
    assertTrue(calls.awaitIdle(Duration.ofSeconds(10)));
  }
}
