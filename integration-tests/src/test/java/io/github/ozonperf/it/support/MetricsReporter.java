package io.github.ozonperf.it.support;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Prints {@link SuccessMetrics} and writes the {@link RunReport} once, when the test run ends (registered through
 * META-INF/services).
 */
public final class MetricsReporter implements LauncherSessionListener {
  @Override
  public void launcherSessionClosed(LauncherSession session) {
    SuccessMetrics.publish();
    RunReport.publish();
  }
}
