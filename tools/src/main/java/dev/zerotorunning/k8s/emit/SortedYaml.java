package dev.zerotorunning.k8s.emit;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import io.kubernetes.client.openapi.JSON;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.common.FlowStyle;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.representer.StandardRepresenter;

/**
 * Stage 3: objects to YAML text that is identical on every run: map keys sorted (as {@code kubectl
 * get -o yaml} does), lists in the order the builder made them, multi-line strings as literal
 * blocks, and every string that a YAML 1.1 reader (kubectl's) could take for a bool, null or number
 * double-quoted.
 */
public final class SortedYaml {
  private SortedYaml() {}

  /**
   * Words and numerals YAML 1.1 resolves to non-strings: "no", "on", "0x1F", "1_000", "12:30",
   * "~"...
   */
  private static final Pattern YAML11_SPECIAL =
      Pattern.compile(
          "(?i)y|n|yes|no|true|false|on|off|null|~|"
              + "[-+]?(\\.[0-9]+|[0-9][0-9_]*(\\.[0-9_]*)?)([eE][-+]?[0-9]+)?|[-+]?0x[0-9a-f_]+|[-+]?0b[01_]+|"
              + "[-+]?[0-9][0-9_]*(:[0-5]?[0-9])+(\\.[0-9_]*)?|[-+]?\\.(inf|nan)|\\d{4}-\\d\\d?-\\d\\d?.*");

  /** Java tree (maps, lists, scalars) of a client-java model, via the official Gson adapters. */
  public static Object treeOf(Object kubernetesModel) {
    EmptyCollections.clear(kubernetesModel);
    return fromJson(JSON.getGson().toJsonTree(kubernetesModel));
  }

  public static Object fromJson(JsonElement e) {
    if (e == null || e.isJsonNull()) {
      return null;
    }
    if (e instanceof JsonObject o) {
      Map<String, Object> out = new TreeMap<>();
      o.entrySet()
          .forEach(
              en -> {
                Object v = fromJson(en.getValue());
                if (v != null) {
                  out.put(en.getKey(), v);
                }
              });
      return out;
    }
    if (e instanceof JsonArray a) {
      List<Object> out = new ArrayList<>();
      a.forEach(item -> out.add(fromJson(item)));
      return out;
    }
    JsonPrimitive p = e.getAsJsonPrimitive();
    if (p.isBoolean()) {
      return p.getAsBoolean();
    }
    if (p.isNumber()) {
      BigDecimal n = p.getAsBigDecimal();
      return n.stripTrailingZeros().scale() <= 0
          ? (Object) n.longValueExact()
          : (Object) n.doubleValue();
    }
    return p.getAsString();
  }

  /** YAML text of a tree; maps at any depth are emitted with sorted keys. */
  public static String dump(Object tree) {
    DumpSettings settings =
        DumpSettings.builder()
            .setDefaultFlowStyle(FlowStyle.BLOCK)
            .setIndent(2)
            .setWidth(120)
            .setSplitLines(false)
            .build();
    return new Dump(settings, new Representer(settings)).dumpToString(sorted(tree));
  }

  private static Object sorted(Object node) {
    if (node instanceof Map<?, ?> map) {
      Map<String, Object> out = new TreeMap<>();
      map.forEach((k, v) -> out.put(String.valueOf(k), sorted(v)));
      return out;
    }
    if (node instanceof List<?> list) {
      List<Object> out = new ArrayList<>();
      list.forEach(v -> out.add(sorted(v)));
      return out;
    }
    return node;
  }

  private static final class Representer extends StandardRepresenter {
    Representer(DumpSettings settings) {
      super(settings);
      representers.put(
          String.class,
          data -> {
            String s = (String) data;
            ScalarStyle style =
                s.contains("\n")
                    ? ScalarStyle.LITERAL
                    : YAML11_SPECIAL.matcher(s).matches() || s.isEmpty()
                        ? ScalarStyle.DOUBLE_QUOTED
                        : ScalarStyle.PLAIN;
            return representScalar(Tag.STR, s, style);
          });
    }
  }
}
