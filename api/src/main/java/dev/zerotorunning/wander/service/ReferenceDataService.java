package dev.zerotorunning.wander.service;

import dev.zerotorunning.wander.core.Environment;
import dev.zerotorunning.wander.core.Service;
import dev.zerotorunning.wander.db.EnvironmentDao;
import dev.zerotorunning.wander.db.ServiceDao;
import java.util.List;

/** The services and environments the dashboard's pickers and filters offer. */
public class ReferenceDataService {
  private final ServiceDao services;
  private final EnvironmentDao environments;

  public ReferenceDataService(ServiceDao services, EnvironmentDao environments) {
    this.services = services;
    this.environments = environments;
  }

  public List<Service> services() {
    return services.listAll();
  }

  public List<Environment> environments() {
    return environments.listAll();
  }
}
