package dev.zerotorunning.wander.service;

import dev.zerotorunning.wander.api.RolloutView;
import dev.zerotorunning.wander.api.StepView;
import dev.zerotorunning.wander.core.Deployment;
import dev.zerotorunning.wander.core.Rollout;
import dev.zerotorunning.wander.core.RolloutStep;
import dev.zerotorunning.wander.core.StepRecord;
import dev.zerotorunning.wander.core.StepStatus;
import dev.zerotorunning.wander.db.RolloutDao;
import dev.zerotorunning.wander.db.StepDao;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** A deployment's rollout as the dashboard follows it: every step, reached or not. */
public class RolloutService {
  private final DeploymentService deployments;
  private final RolloutDao rollouts;
  private final StepDao steps;

  public RolloutService(DeploymentService deployments, RolloutDao rollouts, StepDao steps) {
    this.deployments = deployments;
    this.rollouts = rollouts;
    this.steps = steps;
  }

  public RolloutView steps(long deploymentId) {
    Deployment deployment = deployments.get(deploymentId);
    Optional<Rollout> rollout = rollouts.findById(deploymentId);
    if (rollout.isEmpty()) {
      return new RolloutView(deploymentId, deployment.status(), false, null, 0, List.of());
    }
    Map<RolloutStep, StepRecord> reached =
        steps.list(deploymentId).stream()
            .collect(Collectors.toMap(StepRecord::step, Function.identity()));
    // Steps not reached are still to come, unless the rollout is over: then they never will.
    StepStatus unreached = deployment.rollingOut() ? StepStatus.WAITING : StepStatus.SKIPPED;
    List<StepView> views =
        Arrays.stream(RolloutStep.values())
            .map(step -> view(step, reached.get(step), unreached))
            .toList();
    Rollout r = rollout.get();
    return new RolloutView(
        deploymentId, deployment.status(), true, r.worker(), r.attempts(), views);
  }

  private static StepView view(RolloutStep step, StepRecord record, StepStatus unreached) {
    if (record == null) {
      return new StepView(step, step.position(), unreached, null, null, null, null);
    }
    return new StepView(
        step,
        step.position(),
        record.status(),
        record.worker(),
        record.startedAt(),
        record.finishedAt(),
        record.message());
  }
}
