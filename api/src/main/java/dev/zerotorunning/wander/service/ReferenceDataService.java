package dev.zerotorunning.wander.service;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.zerotorunning.wander.cache.Cached;
import dev.zerotorunning.wander.cache.ResponseCache;
import dev.zerotorunning.wander.core.Environment;
import dev.zerotorunning.wander.core.Service;
import dev.zerotorunning.wander.db.EnvironmentDao;
import dev.zerotorunning.wander.db.ServiceDao;
import java.util.List;

/**
 * The services and environments the dashboard's pickers and filters offer, read through the cache.
 */
public class ReferenceDataService {
  private static final TypeReference<List<Service>> SERVICES = new TypeReference<>() {};
  private static final TypeReference<List<Environment>> ENVIRONMENTS = new TypeReference<>() {};

  private final ServiceDao services;
  private final EnvironmentDao environments;
  private final ResponseCache cache;

  public ReferenceDataService(
      ServiceDao services, EnvironmentDao environments, ResponseCache cache) {
    this.services = services;
    this.environments = environments;
    this.cache = cache;
  }

  public Cached<List<Service>> services() {
    return cache.read("services", "", SERVICES, services::listAll);
  }

  public Cached<List<Environment>> environments() {
    return cache.read("environments", "", ENVIRONMENTS, environments::listAll);
  }
}
