package dev.zerotorunning.scenarios.e2e;

import dev.zerotorunning.scenarios.support.Browser;
import dev.zerotorunning.scenarios.support.StackUnderTest;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The dashboard in a real browser (web/e2e, playwright-core and Chromium) on the dev stack. */
@Tag("e2e")
class WebDashboardTest {
  private static final Browser BROWSER = new Browser(StackUnderTest.fromEnvironment());

  @Test
  void theDashboardWorksInABrowser() {
    BROWSER.run("e2e", Map.of());
  }

  @Test
  void withoutTheObservabilityProfileTheMetricsPanelSaysHowToStartIt() {
    BROWSER.run("e2e:metrics-panel", Map.of("EXPECT", "off"));
  }
}
