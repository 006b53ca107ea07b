package dev.zerotorunning.scenarios.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zerotorunning.scenarios.support.Command;
import dev.zerotorunning.scenarios.support.Compose;
import dev.zerotorunning.scenarios.support.Make;
import dev.zerotorunning.scenarios.support.StackUnderTest;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** A published port taken by another process: make dev refuses, names it, and starts nothing. */
@Tag("e2e")
class PortTakenTest {
  private static final StackUnderTest STACK = StackUnderTest.fromEnvironment();
  private static final Compose COMPOSE = STACK.compose();
  private static final Make MAKE = new Make(STACK);

  @AfterAll
  static void stackUpAgain() {
    MAKE.succeed("the port free again", "dev");
  }

  @Test
  void makeDevRefusesATakenPortAndStartsNothing() throws IOException {
    MAKE.succeed("before taking a port", "down");
    int port = STACK.apiPort();
    Command.Result dev;
    try (ServerSocket taken = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
      assertThat(taken.isBound()).as("port %d taken", port).isTrue();
      dev = MAKE.run("API_PORT taken: must fail", Map.of(), "dev");
    }
    String out = dev.out() + dev.err();
    assertThat(dev.exitCode()).as("make dev with port %d taken: %s", port, out).isNotZero();
    assertThat(out)
        .as("make dev names the port and its variable")
        .contains("port " + port, "API_PORT");
    String containers =
        COMPOSE
            .docker(
                "ps",
                "--all",
                "--quiet",
                "--filter",
                "label=com.docker.compose.project=" + STACK.project())
            .outOrFail();
    assertThat(containers).as("containers of project %s", STACK.project()).isBlank();
  }
}
