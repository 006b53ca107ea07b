package dev.zerotorunning.wander.db;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Random;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * Sample data for a development stack, kept apart from the schema migrations because production
 * never seeds. Reference data is upserted; sample deployments are added only to an empty table, so
 * running it twice changes nothing. The samples come from a fixed random seed, placed relative to
 * now, so every reset gives the same history shape.
 */
public class Seeder {
  public static final int SAMPLE_DEPLOYMENTS = 36;

  private static final List<String[]> SERVICES =
      List.of(
          new String[] {
            "frontend", "Customer-facing web app", "https://git.example.com/wander/frontend"
          },
          new String[] {"api", "Public REST API", "https://git.example.com/wander/api"},
          new String[] {
            "worker", "Background job processor", "https://git.example.com/wander/worker"
          },
          new String[] {
            "analytics", "Event ingestion and reporting", "https://git.example.com/wander/analytics"
          });

  private static final List<String[]> ENVIRONMENTS =
      List.of(
          new String[] {"development", "Shared development cluster; every merge deploys here"},
          new String[] {"staging", "Pre-production, shaped like production"},
          new String[] {"production", "Live customer traffic"});

  private static final List<String> PEOPLE =
      List.of("alice@example.com", "bob@example.com", "carol@example.com", "dave@example.com");

  private static final List<String> FAILURES =
      List.of(
          "Health check failed: /ready answered 503 five times in a row",
          "Image pull failed: manifest not found in the registry",
          "Database migration timed out after 300s waiting for a lock",
          "Readiness probe failed: connection refused on port 8080",
          "Rollout exceeded its progress deadline (600s)");

  private final Jdbi jdbi;

  public Seeder(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /** What one run did. */
  public record Result(int services, int environments, int deployments, long deploymentsBefore) {}

  public Result seed() {
    return jdbi.inTransaction(
        handle -> {
          int services = upsertServices(handle);
          int environments = upsertEnvironments(handle);
          long before =
              handle.createQuery("SELECT count(*) FROM deployments").mapTo(Long.class).one();
          int deployments = before == 0 ? insertSampleDeployments(handle) : 0;
          return new Result(services, environments, deployments, before);
        });
  }

  private static int upsertServices(Handle handle) {
    PreparedBatch batch =
        handle.prepareBatch(
            "INSERT INTO services (name, description, repository_url) VALUES (:name, :description,"
                + " :url) ON CONFLICT (name) DO UPDATE SET description = EXCLUDED.description,"
                + " repository_url = EXCLUDED.repository_url");
    SERVICES.forEach(
        s -> batch.bind("name", s[0]).bind("description", s[1]).bind("url", s[2]).add());
    return batch.execute().length;
  }

  private static int upsertEnvironments(Handle handle) {
    PreparedBatch batch =
        handle.prepareBatch(
            "INSERT INTO environments (name, description) VALUES (:name, :description)"
                + " ON CONFLICT (name) DO UPDATE SET description = EXCLUDED.description");
    ENVIRONMENTS.forEach(e -> batch.bind("name", e[0]).bind("description", e[1]).add());
    return batch.execute().length;
  }

  private static int insertSampleDeployments(Handle handle) {
    Random random = new Random(20261122L);
    Instant now = Instant.now().truncatedTo(ChronoUnit.MINUTES);
    int[] patch = new int[SERVICES.size()];
    PreparedBatch batch =
        handle.prepareBatch(
            "INSERT INTO deployments (service_id, environment_id, version, status, deployed_by,"
                + " started_at, completed_at, error_message) SELECT s.id, e.id, :version, :status,"
                + " :deployedBy, :startedAt, :completedAt, :error FROM services s, environments e"
                + " WHERE s.name = :service AND e.name = :environment");
    for (int i = 0; i < SAMPLE_DEPLOYMENTS; i++) {
      int serviceIndex = random.nextInt(SERVICES.size());
      String status = sampleStatus(i);
      boolean running = status.equals("pending") || status.equals("in_progress");
      // Oldest first, spread over the last 13 days (the dashboard charts 14); the running ones
      // started minutes ago.
      Instant startedAt =
          running
              ? now.minus(Duration.ofMinutes(5L * (SAMPLE_DEPLOYMENTS - i)))
              : now.minus(
                  Duration.ofMinutes((SAMPLE_DEPLOYMENTS - i) * 500L + random.nextInt(180)));
      Instant completedAt =
          running ? null : startedAt.plus(Duration.ofSeconds(60 + random.nextInt(840)));
      String error =
          switch (status) {
            case "failed" -> FAILURES.get(random.nextInt(FAILURES.size()));
            case "rolled_back" -> "Rolled back: error rate above 5% after the release";
            default -> null;
          };
      batch
          .bind("service", SERVICES.get(serviceIndex)[0])
          .bind("environment", ENVIRONMENTS.get(random.nextInt(ENVIRONMENTS.size()))[0])
          .bind("version", "v1.%d.%d".formatted(4 + i / 12, patch[serviceIndex]++))
          .bind("status", status)
          .bind("deployedBy", PEOPLE.get(random.nextInt(PEOPLE.size())))
          .bind("startedAt", startedAt)
          .bind("completedAt", completedAt)
          .bind("error", error)
          .add();
    }
    return batch.execute().length;
  }

  /** Every status appears: the newest four are still running, failures and rollbacks recur. */
  private static String sampleStatus(int index) {
    int fromNewest = SAMPLE_DEPLOYMENTS - 1 - index;
    if (fromNewest < 2) {
      return "pending";
    }
    if (fromNewest < 4) {
      return "in_progress";
    }
    if (index % 6 == 2) {
      return "failed";
    }
    if (index % 10 == 7) {
      return "rolled_back";
    }
    return "completed";
  }
}
