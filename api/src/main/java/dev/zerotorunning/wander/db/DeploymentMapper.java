package dev.zerotorunning.wander.db;

import dev.zerotorunning.wander.core.Deployment;
import dev.zerotorunning.wander.core.DeploymentStatus;
import dev.zerotorunning.wander.core.Ref;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;

/** Maps the joined row of {@link DeploymentDao#SELECT} to a deployment. */
public class DeploymentMapper implements RowMapper<Deployment> {

  @Override
  public Deployment map(ResultSet rs, StatementContext ctx) throws SQLException {
    String status = rs.getString("status");
    return new Deployment(
        rs.getLong("id"),
        new Ref(rs.getLong("service_id"), rs.getString("service_name")),
        new Ref(rs.getLong("environment_id"), rs.getString("environment_name")),
        rs.getString("version"),
        DeploymentStatus.fromWireName(status)
            .orElseThrow(
                () -> new SQLException("unknown deployment status in database: " + status)),
        rs.getString("deployed_by"),
        Timestamps.instant(rs.getTimestamp("started_at")),
        Timestamps.instant(rs.getTimestamp("completed_at")),
        rs.getString("error_message"),
        rs.getBoolean("automated"));
  }
}
