package dev.zerotorunning.k8s;

import dev.zerotorunning.k8s.emit.OutputTree;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/** Read access to golden cases for tests in other packages. */
public final class GoldenTestSupport {
  private GoldenTestSupport() {}

  /**
   * A case's expected manifests (report.txt left out), as the validators see a generated directory.
   */
  public static Map<String, String> expected(Path caseName) throws IOException {
    Map<String, String> files =
        new TreeMap<>(OutputTree.onDisk(GoldenTest.ROOT.resolve(caseName).resolve("expected")));
    files.remove("report.txt");
    return files;
  }
}
