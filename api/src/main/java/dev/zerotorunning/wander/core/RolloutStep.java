package dev.zerotorunning.wander.core;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Optional;

/** The steps every rollout walks through, in order. */
public enum RolloutStep {
  BUILD("Build image"),
  PUSH("Push image"),
  DEPLOY("Deploy"),
  HEALTH_CHECK("Health check"),
  DONE("Done");

  private final String label;

  RolloutStep(String label) {
    this.label = label;
  }

  /** The name on the wire and in the database: {@code health_check}. */
  @JsonValue
  public String wireName() {
    return WireNames.of(this);
  }

  public String label() {
    return label;
  }

  /** 1-based, as stored in {@code deployment_steps.position}. */
  public int position() {
    return ordinal() + 1;
  }

  /** {@code done} only marks the release live; the steps before it can go wrong. */
  public boolean canFail() {
    return this != DONE;
  }

  public static Optional<RolloutStep> fromWireName(String value) {
    return WireNames.parse(values(), value);
  }
}
