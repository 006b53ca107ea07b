package dev.zerotorunning.k8s;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Recording stand-ins for {@code kind}, {@code kubectl}, {@code docker}, {@code ss} and the image
 * build, put first on PATH. Each appends its command line to {@code calls.log}. They model what
 * tells old pods from new:
 *
 * <ul>
 *   <li>Docker's image store ({@code images}: "name id"): the build writes the API image with an ID
 *       derived from the files under {@code api/} (an edit is a new ID), and the web image the
 *       compose file names (compose.yaml alone: nginx {@code web}; with the override merged: the
 *       Vite {@code web-dev}); {@code docker tag} adds a name for the same ID.
 *   <li>The node's images ({@code node-images}): {@code kind load docker-image} copies name and ID.
 *   <li>The API server: {@code kubectl apply -k} renders with the real kustomize and hands the
 *       objects to {@link FakeKubeApi} (pods, Job runs, immutable Jobs).
 * </ul>
 *
 * Other answers: which clusters exist, the current context ({@code FAKE_CURRENT_CONTEXT}), an
 * unreachable cluster ({@code FAKE_UNREACHABLE=1}), a failing rollout ({@code
 * FAKE_FAILING_ROLLOUT}), ports held by Docker's proxy ({@code FAKE_PORTS_HELD}), the worker pods
 * and their rollout steps (psql), the Services (web's node port), the status JSON ({@code
 * FAKE_STATUS_JSON}, a file).
 */
final class FakeClusterTools {
  private FakeClusterTools() {}

  /** The kubectl behind the fake, for kustomize; empty when none is installed. */
  static Optional<Path> realKubectl() {
    return Stream.of(System.getenv("PATH").split(File.pathSeparator))
        .map(d -> Path.of(d, "kubectl"))
        .filter(Files::isExecutable)
        .findFirst();
  }

  static void install(Path bin, Path state) throws IOException {
    Files.createDirectories(bin);
    Files.createDirectories(state);
    String log =
        "state=\"" + state + "\"\necho \"$(basename \"$0\") $*\" >> \"$state/calls.log\"\n";
    String java = System.getProperty("java.home") + "/bin/java";
    String cp = System.getProperty("java.class.path");
    write(
        bin.resolve("kind"),
        log
            + """
            case "$1 $2" in
              "get clusters") cat "$state/clusters" 2>/dev/null || true ;;
              "create cluster") echo "$4" >> "$state/clusters" ;;
              "load docker-image")
                shift 4
                for image in "$@"; do
                  id=$(awk -v n="$image" '$1 == n { print $2 }' "$state/images")
                  [ -n "$id" ] || { echo "ERROR: image: \\"$image\\" not present locally" >&2; exit 1; }
                  echo "$image $id" >> "$state/node-images"
                done ;;
            esac
            """);
    write(
        bin.resolve("docker"),
        log
            + """
            set_image() { { grep -v "^$1 " "$state/images" 2>/dev/null || true; echo "$1 $2"; } > "$state/images.new"; mv "$state/images.new" "$state/images"; }
            id_of() { awk -v n="$1" '$1 == n { print $2 }' "$state/images" 2>/dev/null; }
            case "$1" in
              info) exit 0 ;;
              image) id=$(id_of "${!#}"); [ -n "$id" ] || exit 1; [ "$3" != -f ] || echo "$id" ;;
              tag) set_image "$3" "$(id_of "$2")" ;;
              ps) for p in ${FAKE_PORTS_HELD:-}; do echo "{\\"Names\\":\\"zero-to-running-web-1\\",\\"Ports\\":\\"127.0.0.1:$p->80/tcp\\"}"; done ;;
              set-image) set_image "$2" "$3" ;;
            esac
            """);
    write(
        bin.resolve("build"),
        log
            + """
            echo "build COMPOSE_FILE=${COMPOSE_FILE:-}" >> "$state/calls.log"
            api=$(cd api 2>/dev/null && find . -type f | LC_ALL=C sort | xargs cat | sha256sum | cut -c1-64)
            docker set-image zero-to-running/api:dev "sha256:${api:-0000000000000000000000000000000000000000000000000000000000000000}"
            if [ "${COMPOSE_FILE:-}" = compose.yaml ]; then
              docker set-image zero-to-running/web:dev sha256:bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb
            else
              docker set-image zero-to-running/web-dev:dev sha256:cccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccc
            fi
            """);
    write(
        bin.resolve("ss"),
        """
        echo "State  Recv-Q Send-Q Local Address:Port Peer Address:Port Process"
        for p in ${FAKE_PORTS_HELD:-}; do
          echo "LISTEN 0      4096   127.0.0.1:$p      0.0.0.0:*    users:((\\"docker-proxy\\",pid=4242,fd=7))"
        done
        """);
    write(
        bin.resolve("kubectl"),
        log
            + """
            set -o pipefail
            args="$*"
            objects="$state/objects"
            case "$args" in
              *"config current-context"*) [ -n "${FAKE_CURRENT_CONTEXT:-}" ] || { echo "error: current-context is not set" >&2; exit 1; }; echo "$FAKE_CURRENT_CONTEXT" ;;
              *"get --raw /readyz"*) [ -z "${FAKE_UNREACHABLE:-}" ] || { echo "Unable to connect to the server: dial tcp 127.0.0.1:6443: connect: connection refused" >&2; exit 1; }; echo ok ;;
              *" apply -k "*) "%s" kustomize "${!#}" | "%s" -cp "%s" dev.zerotorunning.k8s.FakeKubeApi apply "$state" || exit 1 ;;
              *" get job "*"jsonpath"*)
                job=${args#* get job }; job=${job%%%% *}
                [ ! -f "$objects/Job-$job.json" ] || echo "$job $(cat "$objects/Job-$job.release" 2>/dev/null)" ;;
              *" delete job "*"--wait"*) job=${args#* delete job }; job=${job%%%% *}; rm -f "$objects/Job-$job".* ;;
              *"get deployments,statefulsets"*"-o name"*)
                for f in "$objects"/Deployment-*.json "$objects"/StatefulSet-*.json; do
                  [ -f "$f" ] || continue
                  n=$(basename "$f" .json); k=${n%%%%-*}; echo "$(tr 'A-Z' 'a-z' <<<"$k").apps/${n#*-}"
                done ;;
              *" port-forward "*) trap 'kill $child; exit 0' TERM; sleep 120 & child=$!; echo "Forwarding from 127.0.0.1 -> ${args##*service/}"; wait ;;
              *"get services -o json") echo '{"items": [{"metadata": {"name": "web"}, "spec": {"ports": [{"port": 80, "nodePort": 30232}]}}]}' ;;
              *"-o json") if [ -n "${FAKE_STATUS_JSON:-}" ]; then cat "$FAKE_STATUS_JSON"; else echo '{"items": []}'; fi ;;
              *"get pods -l app.kubernetes.io/name=worker -o jsonpath"*) echo "worker-7d9f|worker-7d9f|Running|true" ;;
              *" exec "*"from deployment_steps"*) echo '{"steps": [{"worker": "worker-7d9f", "rollouts": 4, "completed": 3, "failed": 1, "steps": 18}], "leases": [], "totals": {"requested": 4, "finished": 3, "waiting": 1}}' ;;
              *"get pods -l app.kubernetes.io/name="*) echo "pod/${args##*app.kubernetes.io/name=}" | cut -d' ' -f1 | sed 's/$/-7d9f/' ;;
              *"rollout status ${FAKE_FAILING_ROLLOUT:-none} "*) echo "error: timed out waiting for the condition" >&2; exit 1 ;;
              *"apply -f -"*) cat > "$state/applied-task.yaml" ;;
            esac
            exit 0
            """
                .formatted(realKubectl().map(Path::toString).orElse("false"), java, cp));
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
