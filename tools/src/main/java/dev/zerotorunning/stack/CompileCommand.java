package dev.zerotorunning.stack;

import dev.zerotorunning.stack.compile.RecordedCompile;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code compile --dir DIR --key KEY}: make dev's fast path compiles the API without starting
 * Maven, with the options and resources Maven's last compile used (recorded in DIR for KEY by
 * {@code --record MAVEN_DEBUG_LOG}); the classes land in DIR/classes. Exit 0 compiled, 1 the
 * compiler's errors (printed as javac prints them), 3 nothing recorded for KEY: Maven compiles.
 */
@Command(
    name = "compile",
    mixinStandardHelpOptions = true,
    description = "Compile a module as Maven last did (--record: remember that from mvn -X).")
public final class CompileCommand implements Callable<Integer> {
  static final int NOT_RECORDED = 3;

  @Option(
      names = "--dir",
      required = true,
      description = "The recording, e.g. target/make/api-javac")
  Path dir;

  @Option(names = "--key", required = true, description = "What the recording is valid for")
  String key;

  @Option(names = "--record", paramLabel = "MAVEN_DEBUG_LOG", description = "Record from this log")
  Path mavenLog;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    RecordedCompile compile = new RecordedCompile(dir);
    PrintWriter err = spec.commandLine().getErr();
    if (mavenLog != null) {
      return compile.record(Files.readAllLines(mavenLog), key) ? 0 : NOT_RECORDED;
    }
    Optional<List<String>> options = compile.options(key);
    if (options.isEmpty()) {
      return NOT_RECORDED;
    }
    return compile.compile(options.get(), err) ? 0 : 1;
  }
}
