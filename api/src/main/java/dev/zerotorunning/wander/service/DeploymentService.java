package dev.zerotorunning.wander.service;

import dev.zerotorunning.wander.api.FieldError;
import dev.zerotorunning.wander.api.NewDeployment;
import dev.zerotorunning.wander.api.StatusChange;
import dev.zerotorunning.wander.cache.ResponseCache;
import dev.zerotorunning.wander.core.Deployment;
import dev.zerotorunning.wander.core.DeploymentFilter;
import dev.zerotorunning.wander.core.DeploymentStatus;
import dev.zerotorunning.wander.core.Environment;
import dev.zerotorunning.wander.core.Page;
import dev.zerotorunning.wander.core.Service;
import dev.zerotorunning.wander.db.DeploymentDao;
import dev.zerotorunning.wander.db.EnvironmentDao;
import dev.zerotorunning.wander.db.ServiceDao;
import dev.zerotorunning.wander.errors.ApiException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Reading, creating and moving deployments; keeps the cache honest after each write. A created
 * deployment is queued for the rollout worker, which moves it on; by hand, only deployments
 * recorded without a rollout move, and any completed one may be rolled back.
 */
public class DeploymentService {
  private final DeploymentDao deployments;
  private final ServiceDao services;
  private final EnvironmentDao environments;
  private final ResponseCache cache;
  private final RolloutDispatcher rollouts;

  public DeploymentService(
      DeploymentDao deployments,
      ServiceDao services,
      EnvironmentDao environments,
      ResponseCache cache,
      RolloutDispatcher rollouts) {
    this.deployments = deployments;
    this.services = services;
    this.environments = environments;
    this.cache = cache;
    this.rollouts = rollouts;
  }

  /** One page from PostgreSQL (the API's response cache sits in front: resources/). */
  public Page<Deployment> list(DeploymentFilter filter) {
    return new Page<>(deployments.list(filter), deployments.count(filter));
  }

  public Deployment get(long id) {
    return deployments.findById(id).orElseThrow(() -> notFound(id));
  }

  public Deployment create(NewDeployment request) {
    List<FieldError> errors = new ArrayList<>(DeploymentRules.check(request));
    Optional<Service> service = Optional.empty();
    Optional<Environment> environment = Optional.empty();
    if (errors.stream().noneMatch(e -> e.field().equals("service"))) {
      service = services.findByName(request.service());
      if (service.isEmpty()) {
        errors.add(
            new FieldError("service", "unknown service; known: " + names(services.listAll())));
      }
    }
    if (errors.stream().noneMatch(e -> e.field().equals("environment"))) {
      environment = environments.findByName(request.environment());
      if (environment.isEmpty()) {
        errors.add(new FieldError("environment", "unknown environment; known: " + envNames()));
      }
    }
    if (!errors.isEmpty()) {
      throw ApiException.unprocessable("The deployment is not valid", errors);
    }
    long id =
        deployments.insertAutomated(
            service.orElseThrow().id(),
            environment.orElseThrow().id(),
            request.version(),
            request.deployedBy());
    cache.invalidate();
    // Read before dispatching: the answer describes what was created (pending); read after, it
    // raced the worker, which may already have claimed the rollout.
    Deployment created = get(id);
    rollouts.dispatch(id);
    return created;
  }

  public Deployment changeStatus(long id, StatusChange change) {
    List<FieldError> errors = DeploymentRules.check(change);
    if (!errors.isEmpty()) {
      throw ApiException.unprocessable("The status change is not valid", errors);
    }
    DeploymentStatus next = DeploymentStatus.fromWireName(change.status()).orElseThrow();
    Deployment current = get(id);
    DeploymentStatus from = current.status();
    if (current.rollingOut()) {
      throw ApiException.conflict(
          "Deployment %d is being rolled out by a worker; its status changes on its own"
              .formatted(id));
    }
    if (!current.allowedTransitions().contains(next)) {
      throw ApiException.conflict(
          "Deployment %d is %s and cannot become %s; allowed next: %s"
              .formatted(id, from.wireName(), next.wireName(), allowed(from)));
    }
    int changed = deployments.move(id, from, next, change.errorMessage());
    if (changed == 0) {
      throw ApiException.conflict(
          "Deployment %d changed while this request ran; reload it and try again".formatted(id));
    }
    cache.invalidate();
    return get(id);
  }

  private static ApiException notFound(long id) {
    return ApiException.notFound("Deployment " + id + " does not exist");
  }

  private static String allowed(DeploymentStatus from) {
    return from.nextStatuses().isEmpty()
        ? "none (" + from.wireName() + " is final)"
        : from.nextStatuses().stream()
            .map(DeploymentStatus::wireName)
            .collect(Collectors.joining(", "));
  }

  private static String names(List<Service> all) {
    return all.stream().map(Service::name).collect(Collectors.joining(", "));
  }

  private String envNames() {
    return environments.listAll().stream().map(Environment::name).collect(Collectors.joining(", "));
  }
}
