package dev.zerotorunning.wander.core;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Optional;

/**
 * Where one step of a rollout is. Only RUNNING, SUCCEEDED and FAILED are stored; WAITING and
 * SKIPPED describe steps that have no row yet, or never will.
 */
public enum StepStatus {
  WAITING,
  RUNNING,
  SUCCEEDED,
  FAILED,
  SKIPPED;

  @JsonValue
  public String wireName() {
    return WireNames.of(this);
  }

  public static Optional<StepStatus> fromWireName(String value) {
    return WireNames.parse(values(), value);
  }
}
