package dev.zerotorunning.wander.worker;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.Duration;
import io.dropwizard.validation.MinDuration;
import io.dropwizard.validation.ValidationMethod;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.util.concurrent.TimeUnit;

/** How rollouts are queued, how long their steps take, and how a lost worker is replaced. */
public class RolloutSettings {

  @NotBlank @JsonProperty private String stream = "wander:rollouts";

  @NotBlank @JsonProperty private String group = "rollout-workers";

  /** Empty: the host name (the container id in Compose, the pod name on Kubernetes). */
  @JsonProperty private String workerName;

  @NotNull @JsonProperty private Duration stepDelayMin = Duration.seconds(1);

  @NotNull @JsonProperty private Duration stepDelayMax = Duration.seconds(3);

  /** The share of rollouts that fail, at a step picked at random. */
  @DecimalMin("0.0")
  @DecimalMax("1.0")
  @JsonProperty
  private double failureRate = 0.2;

  /** A worker that stops renewing its lease for this long has lost the deployment. */
  @NotNull
  @MinDuration(value = 1, unit = TimeUnit.SECONDS)
  @JsonProperty
  private Duration leaseTtl = Duration.seconds(15);

  /** A delivered job untouched for this long is taken over by another worker. */
  @NotNull
  @MinDuration(value = 1, unit = TimeUnit.SECONDS)
  @JsonProperty
  private Duration reclaimAfter = Duration.seconds(20);

  /** An unfinished, unleased rollout whose job is older than this is queued again. */
  @NotNull
  @MinDuration(value = 1, unit = TimeUnit.SECONDS)
  @JsonProperty
  private Duration requeueAfter = Duration.seconds(60);

  /** How long one read waits for a job; also how often the worker looks for lost jobs. */
  @NotNull
  @MinDuration(value = 100, unit = TimeUnit.MILLISECONDS)
  @JsonProperty
  private Duration pollTimeout = Duration.seconds(2);

  @ValidationMethod(message = "stepDelayMax must not be shorter than stepDelayMin")
  public boolean isDelayRangeOrdered() {
    return stepDelayMax.toMilliseconds() >= stepDelayMin.toMilliseconds();
  }

  public String getStream() {
    return stream;
  }

  public String getGroup() {
    return group;
  }

  public String getWorkerName() {
    return workerName;
  }

  public Duration getStepDelayMin() {
    return stepDelayMin;
  }

  public Duration getStepDelayMax() {
    return stepDelayMax;
  }

  public double getFailureRate() {
    return failureRate;
  }

  public Duration getLeaseTtl() {
    return leaseTtl;
  }

  /**
   * The lease a worker actually takes: as configured, but always over twice the longest step,
   * because it is renewed only at each step's start and end.
   */
  public java.time.Duration effectiveLeaseTtl() {
    java.time.Duration configured = leaseTtl.toJavaDuration();
    java.time.Duration floor = stepDelayMax.toJavaDuration().multipliedBy(3);
    return configured.compareTo(floor) >= 0 ? configured : floor;
  }

  public Duration getReclaimAfter() {
    return reclaimAfter;
  }

  public Duration getRequeueAfter() {
    return requeueAfter;
  }

  public Duration getPollTimeout() {
    return pollTimeout;
  }
}
