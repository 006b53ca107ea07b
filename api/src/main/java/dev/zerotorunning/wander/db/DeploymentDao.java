package dev.zerotorunning.wander.db;

import dev.zerotorunning.wander.core.Deployment;
import dev.zerotorunning.wander.core.DeploymentFilter;
import dev.zerotorunning.wander.core.DeploymentStatus;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.jdbi.v3.sqlobject.transaction.Transaction;

@RegisterRowMapper(DeploymentMapper.class)
public interface DeploymentDao {

  String SELECT =
      "SELECT d.id, d.version, d.status, d.deployed_by, d.started_at, d.completed_at,"
          + " d.error_message, s.id AS service_id, s.name AS service_name,"
          + " e.id AS environment_id, e.name AS environment_name,"
          + " EXISTS (SELECT 1 FROM rollouts r WHERE r.deployment_id = d.id) AS automated"
          + " FROM deployments d"
          + " JOIN services s ON s.id = d.service_id"
          + " JOIN environments e ON e.id = d.environment_id";

  // A null filter value matches everything; the casts give PostgreSQL the parameter types.
  String MATCHING =
      " WHERE (CAST(:service AS text) IS NULL OR s.name = :service)"
          + " AND (CAST(:environment AS text) IS NULL OR e.name = :environment)"
          + " AND (CAST(:statusName AS text) IS NULL OR d.status = :statusName)";

  @SqlQuery(
      SELECT + MATCHING + " ORDER BY d.started_at DESC, d.id DESC LIMIT :limit OFFSET :offset")
  List<Deployment> list(@BindMethods DeploymentFilter filter);

  @SqlQuery(
      "SELECT count(*) FROM deployments d"
          + " JOIN services s ON s.id = d.service_id"
          + " JOIN environments e ON e.id = d.environment_id"
          + MATCHING)
  long count(@BindMethods DeploymentFilter filter);

  @SqlQuery(SELECT + " WHERE d.id = :id")
  Optional<Deployment> findById(@Bind("id") long id);

  @SqlUpdate(
      "INSERT INTO deployments (service_id, environment_id, version, deployed_by)"
          + " VALUES (:serviceId, :environmentId, :version, :deployedBy)")
  @GetGeneratedKeys("id")
  long insert(
      @Bind("serviceId") long serviceId,
      @Bind("environmentId") long environmentId,
      @Bind("version") String version,
      @Bind("deployedBy") String deployedBy);

  @SqlUpdate("INSERT INTO rollouts (deployment_id) VALUES (:id)")
  void insertRollout(@Bind("id") long deploymentId);

  /** A deployment the rollout worker will walk through its steps: both rows, or neither. */
  @Transaction
  default long insertAutomated(
      long serviceId, long environmentId, String version, String deployedBy) {
    long id = insert(serviceId, environmentId, version, deployedBy);
    insertRollout(id);
    return id;
  }

  /**
   * Moves a deployment only if it is still in {@code from}: a compare-and-set, so two racing
   * requests cannot both win. Returns the rows changed (0 or 1).
   */
  @SqlUpdate(
      "UPDATE deployments SET status = :to, updated_at = now(),"
          + " completed_at = CASE WHEN :endsRollout THEN now() ELSE completed_at END,"
          + " error_message = COALESCE(:errorMessage, error_message)"
          + " WHERE id = :id AND status = :from")
  int transition(
      @Bind("id") long id,
      @Bind("from") String from,
      @Bind("to") String to,
      @Bind("endsRollout") boolean endsRollout,
      @Bind("errorMessage") String errorMessage);

  /** {@link #transition} in statuses: the wire names, and whether it ends the rollout, follow. */
  default int move(long id, DeploymentStatus from, DeploymentStatus to, String errorMessage) {
    return transition(id, from.wireName(), to.wireName(), to.endsRollout(), errorMessage);
  }
}
