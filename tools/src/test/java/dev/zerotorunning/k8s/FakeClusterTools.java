package dev.zerotorunning.k8s;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

/**
 * Recording stand-ins for {@code kind}, {@code kubectl}, {@code docker} and the image build, put
 * first on PATH. Each appends its command line to {@code calls.log}; a few answer what the scripts
 * ask: which clusters exist, which images are local, which workloads the namespace has, whether a
 * rollout succeeds ({@code FAKE_FAILING_ROLLOUT}), the worker pods and their rollout steps (psql).
 */
final class FakeClusterTools {
  private FakeClusterTools() {}

  static void install(Path bin, Path state) throws IOException {
    Files.createDirectories(bin);
    Files.createDirectories(state);
    String log = "echo \"$(basename \"$0\") $*\" >> \"" + state.resolve("calls.log") + "\"\n";
    write(
        bin.resolve("kind"),
        log
            + """
            case "$1 $2" in
              "get clusters") cat "%s/clusters" 2>/dev/null || true ;;
              "create cluster") echo "$4" >> "%s/clusters" ;;
            esac
            """
                .formatted(state, state));
    write(
        bin.resolve("docker"),
        log
            + """
            case "$1" in
              info) exit 0 ;;
              image) for i in ${FAKE_LOCAL_IMAGES:-}; do [ "$i" = "$3" ] && exit 0; done; exit 1 ;;
            esac
            """);
    write(
        bin.resolve("kubectl"),
        log
            + """
            args="$*"
            case "$args" in
              *"get deployments,statefulsets -o name"*) printf '%%s\\n' deployment.apps/api deployment.apps/redis deployment.apps/web statefulset.apps/db ;;
              *"get jobs -o name"*) ;;
              *"get pods -l app.kubernetes.io/name=worker -o jsonpath"*) echo "worker-7d9f|Running|true" ;;
              *" exec "*"from deployment_steps"*) echo "worker-7d9f|4|3|1|18" ;;
              *"get pods -l app.kubernetes.io/name="*) echo "pod/${args##*app.kubernetes.io/name=}" | cut -d' ' -f1 | sed 's/$/-7d9f/' ;;
              *"get services -o jsonpath"*) echo "web 30232" ;;
              *"rollout status ${FAKE_FAILING_ROLLOUT:-none} "*) echo "error: timed out waiting for the condition" >&2; exit 1 ;;
              *"apply -f -"*) cat > "%s/applied-task.yaml" ;;
            esac
            exit 0
            """
                .formatted(state));
    write(bin.resolve("build"), log);
  }

  static List<String> calls(Path state) throws IOException {
    Path log = state.resolve("calls.log");
    return Files.exists(log) ? Files.readAllLines(log, StandardCharsets.UTF_8) : List.of();
  }

  private static void write(Path file, String body) throws IOException {
    Files.writeString(file, "#!/usr/bin/env bash\n" + body);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
  }
}
