package dev.zerotorunning.wander.resources;

import dev.zerotorunning.wander.api.FieldError;
import dev.zerotorunning.wander.core.DeploymentFilter;
import dev.zerotorunning.wander.core.DeploymentStatus;
import dev.zerotorunning.wander.errors.ApiException;
import dev.zerotorunning.wander.service.DeploymentRules;
import java.util.ArrayList;
import java.util.List;

/** Parses query and path values by hand, so a bad one is a 400 that names it, not Jersey's 404. */
final class QueryParams {
  private QueryParams() {}

  static DeploymentFilter deploymentFilter(
      String service, String environment, String status, String limit, String offset) {
    List<FieldError> errors = new ArrayList<>();
    DeploymentStatus parsedStatus = null;
    if (!blank(status)) {
      parsedStatus = DeploymentStatus.fromWireName(status).orElse(null);
      if (parsedStatus == null) {
        errors.add(new FieldError("status", "must be one of " + DeploymentStatus.allWireNames()));
      }
    }
    for (String[] filter : new String[][] {{"service", service}, {"environment", environment}}) {
      DeploymentRules.rejectNul(filter[0], filter[1]).ifPresent(errors::add);
    }
    int parsedLimit =
        integer(
            errors, "limit", limit, DeploymentFilter.DEFAULT_LIMIT, 1, DeploymentFilter.MAX_LIMIT);
    int parsedOffset = integer(errors, "offset", offset, 0, 0, Integer.MAX_VALUE);
    if (!errors.isEmpty()) {
      throw ApiException.badRequest("Invalid query parameters", errors);
    }
    return new DeploymentFilter(
        blank(service) ? null : service.trim(),
        blank(environment) ? null : environment.trim(),
        parsedStatus,
        parsedLimit,
        parsedOffset);
  }

  static long id(String value) {
    try {
      long id = Long.parseLong(value);
      if (id > 0) {
        return id;
      }
    } catch (NumberFormatException e) {
      // falls through to the error below
    }
    throw ApiException.badRequest(
        "Invalid deployment id", List.of(new FieldError("id", "must be a positive whole number")));
  }

  private static int integer(
      List<FieldError> errors, String name, String value, int fallback, int min, int max) {
    if (blank(value)) {
      return fallback;
    }
    try {
      int parsed = Integer.parseInt(value.trim());
      if (parsed >= min && parsed <= max) {
        return parsed;
      }
    } catch (NumberFormatException e) {
      // falls through to the error below
    }
    String range = max == Integer.MAX_VALUE ? "at least " + min : "between " + min + " and " + max;
    errors.add(new FieldError(name, "must be a whole number " + range));
    return fallback;
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }
}
