package dev.zerotorunning.wander.db;

import dev.zerotorunning.wander.core.RolloutStep;
import dev.zerotorunning.wander.core.StepRecord;
import dev.zerotorunning.wander.core.StepStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The {@code deployment_steps} table: one row per step reached, never two. */
@RegisterRowMapper(StepDao.StepMapper.class)
public interface StepDao {

  @SqlQuery(
      "SELECT step, status, worker, started_at, finished_at, message FROM deployment_steps"
          + " WHERE deployment_id = :id ORDER BY position")
  List<StepRecord> list(@Bind("id") long deploymentId);

  /**
   * Starts a step, or starts it again when a lost worker left it running; a finished step is never
   * touched. Returns 1 when the step is now running for this worker.
   */
  @SqlUpdate(
      "INSERT INTO deployment_steps (deployment_id, step, position, status, worker)"
          + " VALUES (:id, :step, :position, 'running', :worker)"
          + " ON CONFLICT (deployment_id, step) DO UPDATE"
          + " SET worker = EXCLUDED.worker, started_at = now(),"
          + " message = 'Restarted after worker ' || deployment_steps.worker || ' stopped'"
          + " WHERE deployment_steps.status = 'running'")
  int start(
      @Bind("id") long deploymentId,
      @Bind("step") String step,
      @Bind("position") int position,
      @Bind("worker") String worker);

  @SqlUpdate(
      "UPDATE deployment_steps SET status = :status, finished_at = now(), message = :message"
          + " WHERE deployment_id = :id AND step = :step AND status = 'running'")
  int finish(
      @Bind("id") long deploymentId,
      @Bind("step") String step,
      @Bind("status") String status,
      @Bind("message") String message);

  class StepMapper implements org.jdbi.v3.core.mapper.RowMapper<StepRecord> {
    @Override
    public StepRecord map(ResultSet rs, StatementContext ctx) throws SQLException {
      return new StepRecord(
          RolloutStep.fromWireName(rs.getString("step")).orElseThrow(),
          StepStatus.fromWireName(rs.getString("status")).orElseThrow(),
          rs.getString("worker"),
          Timestamps.instant(rs.getTimestamp("started_at")),
          Timestamps.instant(rs.getTimestamp("finished_at")),
          rs.getString("message"));
    }
  }
}
