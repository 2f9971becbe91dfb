package io.github.ozonperf.it.support;

import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;

/** Feeds scenario outcomes to {@link RunReport} (registered through META-INF/services). */
public final class RunReportListener implements TestExecutionListener {
  @Override
  public void executionFinished(TestIdentifier test, TestExecutionResult result) {
    if (test.isTest()) {
      String outcome = result.getStatus().toString();
      if (result.getThrowable().isPresent()) {
        String message = String.valueOf(result.getThrowable().get().getMessage());
        outcome += ": " + message.lines().findFirst().orElse("");
      }
      RunReport.outcome(name(test), outcome);
    }
  }

  @Override
  public void executionSkipped(TestIdentifier test, String reason) {
    RunReport.outcome(name(test), "SKIPPED: " + reason);
  }

  private static String name(TestIdentifier test) {
    return test.getSource().filter(MethodSource.class::isInstance).map(MethodSource.class::cast)
        .map(m -> m.getClassName().substring(m.getClassName().lastIndexOf('.') + 1) + "." + m.getMethodName())
        .orElse(test.getUniqueId()) + " " + test.getDisplayName();
  }
}
