package dev.zerotorunning.k8s.load;

import java.util.Map;

/** Reads back YAML the generator wrote (one mapping per file), for validation and tests. */
public final class YamlFiles {
  private YamlFiles() {}

  public static Map<String, Object> parseMap(String yaml, String label) {
    return Raw.map(YamlTreeReader.read(yaml, label), label);
  }
}
