package dev.zerotorunning.scenarios.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The dashboard's browser checks (web/e2e/*.e2e.mjs: playwright-core driving Chromium), run as npm
 * scripts against a stack's web origin. They stay JavaScript; the scenarios only call them.
 */
public final class Browser {
  private static final Duration TIMEOUT = Duration.ofMinutes(5);

  private final StackUnderTest stack;

  public Browser(StackUnderTest stack) {
    this.stack = stack;
  }

  /**
   * {@code npm run -s SCRIPT} in web/ with BASE_URL set to the stack's web origin and {@code env};
   * fails with the script's output when it does.
   */
  public String run(String script, Map<String, String> env) {
    Path web = stack.root().resolve("web");
    if (!Files.isDirectory(web.resolve("node_modules"))) {
      throw new AssertionError("no web/node_modules: run (cd web && npm ci) first");
    }
    Map<String, String> all = new HashMap<>(env);
    all.put("BASE_URL", stack.web().toString());
    Command.Result result = Command.run(web, all, TIMEOUT, List.of("npm", "run", "-s", script));
    System.out.printf("$ npm run -s %s %s%n%s%s%n", script, all, result.out(), result.err());
    return result.outOrFail();
  }
}
