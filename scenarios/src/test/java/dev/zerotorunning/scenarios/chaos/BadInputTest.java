package dev.zerotorunning.scenarios.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zerotorunning.scenarios.support.Command;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The bad-input battery (the contract suite's JUnit tests tagged bad-input, run by
 * scripts/contract.sh) on the API's own port: every malformed request gets a 4xx JSON error body,
 * and since the battery writes nothing, the deployments table is exactly what it was.
 */
@Tag("chaos")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputTest {
  private static final Pattern TALLY =
      Pattern.compile("(?m)^tests: ([0-9]+) passed, ([0-9]+) failed");

  private final Chaos chaos = new Chaos();
  private String before;
  private String after;
  private Command.Result battery;

  @BeforeAll
  void theBatteryOnTheApiPort() {
    chaos.awaitStackHealthy();
    // A rollout still running would change the table under the battery.
    chaos.awaitRolloutsFinished(Duration.ofMinutes(5));
    before = chaos.fingerprint();
    String origin = chaos.stack.api().toString().replaceFirst("/api$", "");
    battery = chaos.run(Duration.ofMinutes(20), "scripts/contract.sh", origin, "bad-input");
    Chaos.say(battery.out() + battery.err());
    after = chaos.fingerprint();
    Matcher tally = TALLY.matcher(battery.out());
    boolean counted = tally.find();
    Summary.add(
        "bad input",
        "malformed requests on every endpoint (JUnit: build/test-logs/contract.log)",
        counted ? Integer.parseInt(tally.group(1)) + Integer.parseInt(tally.group(2)) : "?",
        (counted ? tally.group(2) : "?") + " not a 4xx JSON error",
        "-");
  }

  @Test
  void everyMalformedRequestGotA4xxJsonError() {
    assertThat(battery.exitCode())
        .as(
            "scripts/contract.sh (bad-input) exit code; it printed:%n%s",
            battery.out() + battery.err())
        .isZero();
  }

  @Test
  void theDeploymentsTableIsUnchanged() {
    assertThat(after).as("deployments \"rows md5\" after the battery").isEqualTo(before);
  }
}
