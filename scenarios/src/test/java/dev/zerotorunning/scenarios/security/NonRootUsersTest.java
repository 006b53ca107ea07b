package dev.zerotorunning.scenarios.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.zerotorunning.scenarios.support.Command;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The API image's services run as a non-root user: the container's (or, with no container, the
 * image's) configured user, and the uid a process of it really gets.
 */
@Tag("security")
class NonRootUsersTest {
  private final Project project = new Project();

  @ParameterizedTest(name = "{0} runs as a non-root user")
  @ValueSource(strings = {"api", "worker", "migrate"})
  void runsAsANonRootUser(String service) {
    List<String> containers = project.containersOf(service);
    String user;
    String image;
    boolean running = false;
    if (!containers.isEmpty()) {
      JsonNode container = project.inspect("container", containers.subList(0, 1)).path(0);
      user = container.path("Config").path("User").asText();
      image = container.path("Config").path("Image").asText();
      running = container.path("State").path("Running").asBoolean();
    } else {
      assumeTrue(
          project.imageExists(Project.API_IMAGE),
          "no "
              + service
              + " container and no "
              + Project.API_IMAGE
              + " image: user check skipped");
      image = Project.API_IMAGE;
      user = project.inspect("image", List.of(image)).path(0).path("Config").path("User").asText();
    }
    Command.Result uid;
    if (running && !service.equals("migrate")) {
      uid = project.compose.docker("exec", containers.get(0), "id", "-u");
    } else { // a one-shot: the same image and user in a throwaway container
      List<String> run = new ArrayList<>(List.of("run", "--rm"));
      if (!user.isEmpty()) {
        run.addAll(List.of("--user", user));
      }
      run.addAll(List.of("--entrypoint", "id", image, "-u"));
      uid = project.compose.docker(run.toArray(String[]::new));
    }
    String userName = user.split(":", 2)[0];
    String description =
        service
            + " (Config.User '"
            + user
            + "', id -u "
            + uid.out().strip()
            + uid.err().strip()
            + ")";
    assertThat(userName).as("the configured user of " + description).isNotIn("", "0", "root");
    assertThat(uid.outOrFail().strip()).as("the uid of " + description).isNotEqualTo("0");
  }
}
