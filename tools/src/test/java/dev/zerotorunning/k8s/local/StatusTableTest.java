package dev.zerotorunning.k8s.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** make status K8S=1's table from recorded {@code kubectl get ... -o json} output. */
class StatusTableTest {
  static final Path RECORDED = Path.of("src/test/resources/status/kubectl-get.json");

  @Test
  void eachWorkloadWithItsStateReadyAndDesiredRestartsTimeToReadyAndUrl() throws Exception {
    List<List<String>> rows =
        StatusTable.rows(
            Files.readString(RECORDED),
            Map.of(
                "api", "http://localhost:8080/api (admin :8081)", "web", "http://localhost:3000"));
    assertEquals(
        List.of(
            StatusTable.HEADER,
            List.of("db", "running", "1/1", "0", "2.5s", "-"),
            List.of("migrate", "complete", "1/1", "0", "ran 18.0s", "-"),
            List.of(
                "api", "running", "1/1", "1", "27.2s", "http://localhost:8080/api (admin :8081)"),
            List.of("web", "scaled to 0", "0/0", "0", "-", "http://localhost:3000"),
            List.of("worker", "CrashLoopBackOff", "1/2", "4", "-", "-")),
        rows);
  }

  @Test
  void anEmptyNamespaceHasNoRowsAndAnythingElseIsOneLine() {
    assertEquals(List.of(), StatusTable.rows("{\"kind\": \"List\", \"items\": []}", Map.of()));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> StatusTable.rows("[]", Map.of()));
    assertTrue(e.getMessage().contains("kubectl get ... -o json"), e.getMessage());
  }

  @Test
  void columnsAreAlignedLikeColumnT() {
    String table =
        StatusTable.format(
            List.of(StatusTable.HEADER, List.of("db", "running", "1/1", "0", "2.5s", "-")));
    assertEquals(
        "SERVICE  STATE    READY  RESTARTS  READY AFTER  URL / PORT\n"
            + "db       running  1/1    0         2.5s         -\n",
        table);
  }
}
