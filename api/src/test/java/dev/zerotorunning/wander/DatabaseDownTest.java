package dev.zerotorunning.wander;

import static dev.zerotorunning.wander.support.DeploymentRequests.newDeployment;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.zerotorunning.wander.db.DatabaseMigrator;
import dev.zerotorunning.wander.db.Seeder;
import dev.zerotorunning.wander.support.Http;
import dev.zerotorunning.wander.support.TestStack;
import io.dropwizard.testing.DropwizardTestSupport;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A second API on its own PostgreSQL, which the test then stops. */
class DatabaseDownTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/deployments",
        "/deployments/1",
        "/stats",
        "/services",
        "/deployments?status=failed"
      })
  void readsAnswer503JsonWhenPostgresIsGone(String path) throws Exception {
    withStoppedDatabase(
        http -> {
          // This API has no Redis, so the read must reach PostgreSQL.
          Http.Reply reply = http.get(path).expectStatus(503);
          JsonNode body = reply.json();
          assertThat(body.get("status").asInt()).isEqualTo(503);
          assertThat(body.get("error").asText()).contains("database is unavailable");
          assertThat(body.get("details")).isEmpty();
          assertThat(reply.body()).doesNotContain("Exception").doesNotContain("at org.");
        });
  }

  @Test
  void writesAndHealthAnswer503() throws Exception {
    withStoppedDatabase(
        http -> {
          http.post("/deployments", newDeployment("api", "staging", "v1.0.0", "a@example.com"))
              .expectStatus(503);
          JsonNode health = http.get("/health").expectStatus(503).json();
          assertThat(health.get("status").asText()).isEqualTo("unhealthy");
          assertThat(health.get("checks").get("postgres").get("status").asText()).isEqualTo("down");
        });
  }

  @Test
  void readinessProbeFailsWithoutPostgres() throws Exception {
    EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
    DropwizardTestSupport<WanderConfiguration> app =
        TestStack.startApp(postgres.getJdbcUrl("postgres", "postgres"), TestStack.get().redisUri());
    try {
      Http admin = new Http("http://localhost:" + app.getAdminPort());
      admin.get("/ready").expectStatus(200);
      postgres.close();
      assertThat(admin.get("/ready").expectStatus(503).body()).contains("postgres: down");
    } finally {
      app.after();
    }
  }

  interface Check {
    void run(Http http) throws Exception;
  }

  private static void withStoppedDatabase(Check check) throws Exception {
    EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
    new DatabaseMigrator(postgres.getPostgresDatabase()).migrate();
    new Seeder(Jdbi.create(postgres.getPostgresDatabase())).seed();
    // A Redis URI where nothing listens: this API must answer from PostgreSQL alone.
    String noRedis = "redis://127.0.0.1:" + TestStack.freePort() + "/0";
    DropwizardTestSupport<WanderConfiguration> app =
        TestStack.startApp(postgres.getJdbcUrl("postgres", "postgres"), noRedis);
    try {
      Http http = new Http("http://localhost:" + app.getLocalPort() + "/api");
      http.get("/deployments").expectStatus(200);
      postgres.close();
      check.run(http);
    } finally {
      app.after();
    }
  }
}
