package dev.zerotorunning.stack.profiles;

import dev.zerotorunning.stack.model.ServiceConfig;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * What {@code make dev PROFILE=a,b} runs (README "Profiles"). A name is one of two kinds:
 *
 * <ul>
 *   <li>a partial stack, listed with its services under {@code x-partial-stacks} in
 *       compose.override.yaml: Compose profiles cannot say "only these" (a service without {@code
 *       profiles:} always starts, and compose.yaml alone stays the whole product);
 *   <li>a Compose profile, declared by {@code profiles:} in the compose files: its services join
 *       the stack, or the partial stack.
 * </ul>
 *
 * @param partialStack the partial stack named, or "" for the whole stack
 * @param services the services to run, in start order; empty: all that the profiles start
 * @param composeProfiles the Compose profiles named, in the order given
 */
public record ProfileChoice(
    String partialStack, List<String> services, List<String> composeProfiles) {

  /**
   * Resolves the comma- or space-separated names against the configuration.
   *
   * @param services every service of the configuration (all profiles on), in start order
   * @param partialStacks each partial stack's services
   * @throws IllegalArgumentException one line naming the bad name, the valid ones and the fix
   */
  public static ProfileChoice resolve(
      String names, List<ServiceConfig> services, Map<String, List<String>> partialStacks) {
    Set<String> declared = new TreeSet<>();
    services.forEach(s -> declared.addAll(s.profiles()));
    String valid =
        String.join(
            " ", Stream.concat(partialStacks.keySet().stream(), declared.stream()).toList());
    String partial = "";
    List<String> composeProfiles = new ArrayList<>();
    for (String name : names.trim().split("[,\\s]+")) {
      if (name.isEmpty()) {
        continue;
      }
      if (partialStacks.containsKey(name)) {
        if (!partial.isEmpty()) {
          throw new IllegalArgumentException(
              "PROFILE=%s names two partial stacks (%s and %s). Fix: one of them, plus any Compose profile (one of: %s)"
                  .formatted(names, partial, name, valid));
        }
        partial = name;
      } else if (declared.contains(name)) {
        composeProfiles.add(name);
      } else {
        throw new IllegalArgumentException(
            "PROFILE=%s is not a profile (one of: %s). Fix: make dev PROFILE=deps, or no PROFILE for everything"
                .formatted(name, valid));
      }
    }
    List<String> run = new ArrayList<>();
    if (!partial.isEmpty()) {
      Set<String> members = Set.copyOf(partialStacks.get(partial));
      Set<String> known = new LinkedHashSet<>(services.stream().map(ServiceConfig::name).toList());
      for (String member : members) {
        if (!known.contains(member)) {
          throw new IllegalArgumentException(
              "x-partial-stacks: %s names %s, which is not a service (one of: %s). Fix: compose.override.yaml"
                  .formatted(partial, member, String.join(" ", known)));
        }
      }
      // the partial stack's own services, then those its Compose profiles add
      services.stream().filter(s -> members.contains(s.name())).forEach(s -> run.add(s.name()));
      services.stream()
          .filter(s -> s.profiles().stream().anyMatch(composeProfiles::contains))
          .filter(s -> !run.contains(s.name()))
          .forEach(s -> run.add(s.name()));
    }
    return new ProfileChoice(partial, List.copyOf(run), List.copyOf(composeProfiles));
  }

  /** As shell assignments for make dev to eval: every value a word list of Compose names. */
  public String assignments() {
    return "PARTIAL_STACK='%s'\nPROFILE_SERVICES='%s'\nCOMPOSE_PROFILES='%s'\n"
        .formatted(partialStack, String.join(" ", services), String.join(",", composeProfiles));
  }
}
