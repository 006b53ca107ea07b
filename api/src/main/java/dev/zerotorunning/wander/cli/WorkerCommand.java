package dev.zerotorunning.wander.cli;

import dev.zerotorunning.wander.WanderConfiguration;
import io.dropwizard.core.Application;
import io.dropwizard.core.cli.ServerCommand;
import io.dropwizard.core.server.DefaultServerFactory;
import io.dropwizard.core.setup.Bootstrap;
import java.util.List;
import net.sourceforge.argparse4j.inf.Namespace;

/**
 * {@code worker config.yml}: the same image and configuration as the API, run as the rollout
 * worker. It serves no API (no application port) but keeps the admin port, for its health check and
 * metrics.
 */
public class WorkerCommand extends ServerCommand<WanderConfiguration> {

  /** {@code worker}: the worker process's wiring, run in place of the API's. */
  public WorkerCommand(Application<WanderConfiguration> worker) {
    super(
        worker,
        "worker",
        "Runs the rollout worker: takes jobs from Redis and walks deployments through their steps");
  }

  @Override
  protected void run(
      Bootstrap<WanderConfiguration> bootstrap, Namespace namespace, WanderConfiguration config)
      throws Exception {
    if (config.getServerFactory() instanceof DefaultServerFactory server) {
      server.setApplicationConnectors(List.of());
    }
    super.run(bootstrap, namespace, config);
  }
}
