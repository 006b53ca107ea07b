package dev.zerotorunning.wander.core;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** A deployable service of the product. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record Service(long id, String name, String description, String repositoryUrl) {}
