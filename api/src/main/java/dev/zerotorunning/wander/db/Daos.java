package dev.zerotorunning.wander.db;

import org.jdbi.v3.core.Jdbi;

/** Every DAO of a process, built once by its wiring; each call takes a pooled connection. */
public record Daos(
    DeploymentDao deployments,
    ServiceDao services,
    EnvironmentDao environments,
    RolloutDao rollouts,
    StepDao steps,
    StatsDao stats) {

  public static Daos onDemand(Jdbi jdbi) {
    return new Daos(
        jdbi.onDemand(DeploymentDao.class),
        jdbi.onDemand(ServiceDao.class),
        jdbi.onDemand(EnvironmentDao.class),
        jdbi.onDemand(RolloutDao.class),
        jdbi.onDemand(StepDao.class),
        jdbi.onDemand(StatsDao.class));
  }
}
