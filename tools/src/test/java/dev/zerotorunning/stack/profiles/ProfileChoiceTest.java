package dev.zerotorunning.stack.profiles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.zerotorunning.stack.model.ServiceConfig;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProfileChoiceTest {
  static ServiceConfig service(String name, String... profiles) {
    return new ServiceConfig(name, List.of(profiles), Map.of(), Map.of(), 1, List.of());
  }

  static final List<ServiceConfig> SERVICES =
      List.of(service("db"), service("api"), service("prometheus", "observability"));

  @Test
  void aPartialStackNamingNoServiceIsAConfigurationErrorThatSaysWhere() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> ProfileChoice.resolve("deps", SERVICES, Map.of("deps", List.of("db", "cache"))));
    assertEquals(
        "x-partial-stacks: deps names cache, which is not a service (one of: db api prometheus)."
            + " Fix: compose.override.yaml",
        e.getMessage());
  }

  @Test
  void theAssignmentsAreSingleQuotedWordLists() {
    ProfileChoice choice =
        ProfileChoice.resolve(
            "observability,deps", SERVICES, Map.of("deps", List.of("db"), "all", List.of()));
    assertEquals(
        "PARTIAL_STACK='deps'\n"
            + "PROFILE_SERVICES='db prometheus'\n"
            + "COMPOSE_PROFILES='observability'\n",
        choice.assignments());
  }
}
