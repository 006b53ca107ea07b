package dev.zerotorunning.wander.service;

import dev.zerotorunning.wander.api.FieldError;
import dev.zerotorunning.wander.api.NewDeployment;
import dev.zerotorunning.wander.api.StatusChange;
import dev.zerotorunning.wander.core.DeploymentStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** Field rules for the write endpoints; each broken rule becomes one {@link FieldError}. */
public final class DeploymentRules {
  /** Semantic version with an optional leading v: 1.2.3, v1.2.3, v1.2.3-rc.1, v1.2.3+build.5. */
  static final Pattern VERSION =
      Pattern.compile(
          "^v?(0|[1-9]\\d{0,8})\\.(0|[1-9]\\d{0,8})\\.(0|[1-9]\\d{0,8})"
              + "(-[0-9A-Za-z-]+(\\.[0-9A-Za-z-]+)*)?(\\+[0-9A-Za-z-]+(\\.[0-9A-Za-z-]+)*)?$");

  /** Deliberately plain: a local part, an @, a dotted domain. Good enough to catch typos. */
  static final Pattern EMAIL =
      Pattern.compile("^[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}$");

  static final int MAX_NAME = 64;
  static final int MAX_VERSION = 64;
  static final int MAX_EMAIL = 254;
  static final int MAX_ERROR_MESSAGE = 2000;

  private DeploymentRules() {}

  public static List<FieldError> check(NewDeployment request) {
    List<FieldError> errors = new ArrayList<>();
    requireText(errors, "service", request.service(), MAX_NAME);
    requireText(errors, "environment", request.environment(), MAX_NAME);
    if (requireText(errors, "version", request.version(), MAX_VERSION)
        && !VERSION.matcher(request.version()).matches()) {
      errors.add(
          new FieldError("version", "must be a semantic version such as v1.2.3 or 1.2.3-rc.1"));
    }
    if (requireText(errors, "deployed_by", request.deployedBy(), MAX_EMAIL)
        && !EMAIL.matcher(request.deployedBy()).matches()) {
      errors.add(
          new FieldError("deployed_by", "must be an e-mail address such as someone@example.com"));
    }
    return errors;
  }

  public static List<FieldError> check(StatusChange change) {
    List<FieldError> errors = new ArrayList<>();
    if (requireText(errors, "status", change.status(), MAX_NAME)
        && DeploymentStatus.fromWireName(change.status()).isEmpty()) {
      errors.add(new FieldError("status", "must be one of " + DeploymentStatus.allWireNames()));
    }
    String message = change.errorMessage();
    if (message != null) {
      rejectNul("error_message", message).ifPresent(errors::add);
      if (message.length() > MAX_ERROR_MESSAGE) {
        errors.add(
            new FieldError(
                "error_message", "must be at most " + MAX_ERROR_MESSAGE + " characters"));
      }
      boolean carriesReason =
          DeploymentStatus.fromWireName(change.status())
              .map(DeploymentStatus::acceptsErrorMessage)
              .orElse(true);
      if (!carriesReason) {
        errors.add(
            new FieldError("error_message", "only allowed with status failed or rolled_back"));
      }
    }
    return errors;
  }

  /** PostgreSQL text cannot hold NUL: say so, instead of letting the database refuse the value. */
  public static Optional<FieldError> rejectNul(String field, String value) {
    return value != null && value.indexOf('\u0000') >= 0
        ? Optional.of(new FieldError(field, "must not contain NUL characters"))
        : Optional.empty();
  }

  /** Adds an error when the value is missing, blank or too long; true when it is usable. */
  private static boolean requireText(List<FieldError> errors, String field, String value, int max) {
    if (value == null || value.isBlank()) {
      errors.add(new FieldError(field, "is required"));
      return false;
    }
    Optional<FieldError> nul = rejectNul(field, value);
    if (nul.isPresent()) {
      errors.add(nul.get());
      return false;
    }
    if (value.length() > max) {
      errors.add(new FieldError(field, "must be at most " + max + " characters"));
      return false;
    }
    return true;
  }
}
