package dev.zerotorunning.wander.db;

import dev.zerotorunning.wander.core.Stats.DayCount;
import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

@RegisterConstructorMapper(NamedCount.class)
public interface StatsDao {

  @SqlQuery("SELECT status AS name, count(*) AS count FROM deployments GROUP BY status")
  List<NamedCount> countByStatus();

  /** Every environment, including those with no deployment yet, in their defined order. */
  @SqlQuery(
      "SELECT e.name, count(d.id) AS count FROM environments e"
          + " LEFT JOIN deployments d ON d.environment_id = e.id"
          + " GROUP BY e.id, e.name ORDER BY e.id")
  List<NamedCount> countByEnvironment();

  @SqlQuery("SELECT count(*) FROM deployments WHERE started_at > now() - interval '24 hours'")
  long countLast24Hours();

  /** One row per UTC day of the last {@code days} days, oldest first, zero where nothing ran. */
  @SqlQuery(
      "SELECT day::date AS date, count(d.id) AS count"
          + " FROM generate_series((now() AT TIME ZONE 'UTC')::date - (:days - 1),"
          + "                      (now() AT TIME ZONE 'UTC')::date, interval '1 day') AS day"
          + " LEFT JOIN deployments d ON (d.started_at AT TIME ZONE 'UTC')::date = day::date"
          + " GROUP BY day ORDER BY day")
  @RegisterConstructorMapper(DayCount.class)
  List<DayCount> countPerDay(@Bind("days") int days);
}
