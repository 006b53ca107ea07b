package dev.zerotorunning.wander.db;

import dev.zerotorunning.wander.core.Rollout;
import dev.zerotorunning.wander.core.RolloutStep;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * The {@code rollouts} table. A worker owns a rollout while its lease token is set and unexpired;
 * every write a worker makes renews the lease first, in the same transaction, so a worker that lost
 * the lease can no longer write (the lease is a fence, not just a hint).
 */
@RegisterRowMapper(RolloutDao.RolloutMapper.class)
public interface RolloutDao {
  String COLUMNS = "deployment_id, worker, attempts, plan_decided, fail_step, finished_at";

  @SqlUpdate("INSERT INTO rollouts (deployment_id) VALUES (:id)")
  void insert(@Bind("id") long deploymentId);

  @SqlUpdate("UPDATE rollouts SET enqueued_at = now() WHERE deployment_id = :id")
  void markEnqueued(@Bind("id") long deploymentId);

  @SqlQuery("SELECT " + COLUMNS + " FROM rollouts WHERE deployment_id = :id")
  Optional<Rollout> findById(@Bind("id") long deploymentId);

  /**
   * Takes the lease if the rollout is unfinished and free (never leased, released, or expired), or
   * already ours. A new holder counts as a new attempt.
   */
  @SqlQuery(
      "UPDATE rollouts SET attempts = attempts + CASE WHEN lease_token IS DISTINCT FROM :token THEN"
          + " 1 ELSE 0 END, worker = :worker, lease_token = :token, lease_expires_at = now() +"
          + " make_interval(secs => :ttlMillis / 1000.0) WHERE deployment_id = :id AND finished_at"
          + " IS NULL AND (lease_token IS NULL OR lease_token = :token OR lease_expires_at < now())"
          + " RETURNING "
          + COLUMNS)
  Optional<Rollout> acquireLease(
      @Bind("id") long deploymentId,
      @Bind("worker") String worker,
      @Bind("token") String token,
      @Bind("ttlMillis") long ttlMillis);

  /** 1 while the lease is still ours (and now longer), 0 once it has been lost. */
  @SqlUpdate(
      "UPDATE rollouts SET lease_expires_at = now() + make_interval(secs => :ttlMillis / 1000.0)"
          + " WHERE deployment_id = :id AND finished_at IS NULL"
          + " AND lease_token = :token AND lease_expires_at > now()")
  int renewLease(
      @Bind("id") long deploymentId, @Bind("token") String token, @Bind("ttlMillis") long ttl);

  /** Decides the rollout's fate once; later attempts keep the first decision. */
  @SqlUpdate(
      "UPDATE rollouts SET plan_decided = true, fail_step = :failStep"
          + " WHERE deployment_id = :id AND NOT plan_decided")
  void decidePlan(@Bind("id") long deploymentId, @Bind("failStep") String failStep);

  @SqlUpdate(
      "UPDATE rollouts SET finished_at = now(), lease_token = NULL, lease_expires_at = NULL"
          + " WHERE deployment_id = :id AND lease_token = :token")
  int finish(@Bind("id") long deploymentId, @Bind("token") String token);

  /** On shutdown: lets another worker take over at once instead of waiting out the lease. */
  @SqlUpdate(
      "UPDATE rollouts SET lease_expires_at = now()"
          + " WHERE deployment_id = :id AND lease_token = :token AND finished_at IS NULL")
  int release(@Bind("id") long deploymentId, @Bind("token") String token);

  /**
   * Unfinished, unleased rollouts whose job may be lost: never queued (Redis was down when the API
   * wrote it) for longer than {@code graceMillis}, or queued longer ago than {@code requeueMillis}.
   */
  @SqlQuery(
      "SELECT deployment_id FROM rollouts"
          + " WHERE finished_at IS NULL"
          + " AND (lease_expires_at IS NULL OR lease_expires_at < now())"
          + " AND ((enqueued_at IS NULL"
          + "       AND requested_at < now() - make_interval(secs => :graceMillis / 1000.0))"
          + "   OR enqueued_at < now() - make_interval(secs => :requeueMillis / 1000.0))"
          + " ORDER BY requested_at LIMIT :limit")
  List<Long> findUnqueued(
      @Bind("graceMillis") long graceMillis,
      @Bind("requeueMillis") long requeueMillis,
      @Bind("limit") int limit);

  class RolloutMapper implements org.jdbi.v3.core.mapper.RowMapper<Rollout> {
    @Override
    public Rollout map(ResultSet rs, StatementContext ctx) throws SQLException {
      String failStep = rs.getString("fail_step");
      return new Rollout(
          rs.getLong("deployment_id"),
          rs.getString("worker"),
          rs.getInt("attempts"),
          rs.getBoolean("plan_decided"),
          failStep == null ? null : RolloutStep.fromWireName(failStep).orElseThrow(),
          Timestamps.instant(rs.getTimestamp("finished_at")));
    }
  }
}
