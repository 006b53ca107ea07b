package dev.zerotorunning.scenarios.chaos;

import static dev.zerotorunning.scenarios.chaos.Chaos.RUN_ID;
import static dev.zerotorunning.scenarios.chaos.Chaos.hold;
import static dev.zerotorunning.scenarios.chaos.Chaos.newDeployment;
import static dev.zerotorunning.scenarios.chaos.Chaos.now;
import static dev.zerotorunning.scenarios.chaos.Chaos.secs;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.zerotorunning.scenarios.support.Api;
import dev.zerotorunning.scenarios.support.Command;
import dev.zerotorunning.scenarios.support.Load;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * make down during a burst of writes, then make dev: every write the API acknowledged (201) is in
 * PostgreSQL afterwards, and the last one reads back through the API.
 */
@Tag("chaos")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DownDuringWritesTest {
  private static final String BY = "burst@chaos.example";

  /** "id version" of an acknowledged write. */
  record Acked(long id, String version) {
    String row() {
      return id + " " + version;
    }
  }

  private final Chaos chaos = new Chaos();
  private Command.Result dev;
  private int sent;
  private final List<Acked> acked = new ArrayList<>();
  private List<String> lost;
  private Api.Reply lastReadBack;
  private long committed;

  @BeforeAll
  void makeDownDuringAWriteBurst() {
    chaos.awaitStackHealthy();
    Load writers =
        Load.of(
                n ->
                    HttpRequest.newBuilder(chaos.api.resolve("/deployments"))
                        .header("Content-Type", "application/json")
                        .POST(
                            HttpRequest.BodyPublishers.ofString(
                                newDeployment("worker", "staging", version(n), BY))))
            .connections(2)
            .duration(Duration.ofSeconds(60))
            .pause(Duration.ofMillis(200)) // about the pace of one curl a request
            .timeout(Duration.ofSeconds(5))
            .keepBodies()
            .start();
    hold(Duration.ofSeconds(4));
    long down = now();
    Command.Result makeDown = chaos.make("down");
    hold(Duration.ofSeconds(1));
    List<Load.Sample> writes = writers.stop();
    if (!makeDown.succeeded()) {
      Chaos.say("make down: " + makeDown.err() + makeDown.out());
    }
    sent = writes.size();
    for (Load.Sample write : writes) {
      if (write.status() == 201 && write.wellFormed()) {
        JsonNode data = Chaos.json(write.body()).path("data");
        acked.add(new Acked(data.path("id").asLong(), data.path("version").asText()));
      }
    }
    Chaos.say(
        "write burst: %d POSTs, %d acknowledged (201) before/while make down (%s)"
            .formatted(sent, acked.size(), secs(now() - down)));
    long t0 = now();
    dev = chaos.make("dev");
    long devTook = now() - t0;
    // Authoritative check in PostgreSQL, then the last acknowledged write through the API.
    Set<String> stored =
        Set.copyOf(
            chaos
                .sql(
                    "select id || ' ' || version from deployments where version like 'v"
                        + RUN_ID
                        + ".%' and deployed_by = '"
                        + BY
                        + "'")
                .lines()
                .toList());
    committed = stored.size();
    lost = acked.stream().map(Acked::row).filter(row -> !stored.contains(row)).toList();
    if (!acked.isEmpty()) {
      lastReadBack = chaos.api.get("/deployments/" + acked.get(acked.size() - 1).id());
    }
    Summary.add(
        "down during writes",
        "2 writers POSTing, make down after 4 s, then make dev (%s)".formatted(secs(devTook)),
        sent,
        "%d not acknowledged (stack going down); %d acknowledged lost; %d committed unacknowledged"
            .formatted(sent - acked.size(), lost.size(), committed - acked.size()),
        "make dev " + secs(devTook));
  }

  private static String version(int n) {
    return "v%d.%d.0".formatted(RUN_ID, n + 1);
  }

  @Test
  void makeDevBroughtTheStackBack() {
    assertThat(dev.exitCode()).as("make dev after make down: %s", dev.err() + dev.out()).isZero();
  }

  @Test
  void everyAcknowledgedWriteIsInPostgres() {
    assertThat(acked).as("writes acknowledged before make down (of %d)", sent).isNotEmpty();
    assertThat(lost)
        .as("acknowledged writes missing from PostgreSQL (of %d)", acked.size())
        .isEmpty();
  }

  @Test
  void theLastAcknowledgedWriteReadsBack() {
    assertThat(acked).isNotEmpty();
    Acked last = acked.get(acked.size() - 1);
    assertThat(lastReadBack.status()).as("GET /deployments/%d", last.id()).isEqualTo(200);
    assertThat(lastReadBack.json().path("data").path("version").asText())
        .as("its version")
        .isEqualTo(last.version());
  }
}
