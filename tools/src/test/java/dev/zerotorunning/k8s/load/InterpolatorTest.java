package dev.zerotorunning.k8s.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class InterpolatorTest {
  private final Map<String, String> vars = Map.of("SET", "value", "EMPTY", "");
  private final Interpolator interpolator = new Interpolator(k -> Optional.ofNullable(vars.get(k)));

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "${SET}|value",
        "$SET/x|value/x",
        "${UNSET:-d}|d",
        "${EMPTY:-d}|d",
        "${EMPTY-d}|''",
        "${UNSET-d}|d",
        "${SET:+alt}|alt",
        "${EMPTY:+alt}|''",
        "${EMPTY+alt}|alt",
        "${UNSET:-${SET}-nested}|value-nested",
        "$$SET and $${SET}|$SET and ${SET}",
        "price: 5$|price: 5$",
        "${SET:?must be set}|value"
      })
  void forms(String input, String expected) {
    assertEquals(expected, interpolator.interpolate(input));
  }

  @Test
  void requiredVariableFailsWithItsMessage() {
    Exception e =
        assertThrows(
            IllegalArgumentException.class,
            () -> interpolator.interpolate("${UNSET:?set it in .env}"));
    assertEquals("required variable UNSET is missing a value: set it in .env", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> interpolator.interpolate("${EMPTY:?x}"));
    assertEquals("", interpolator.interpolate("${EMPTY?x}"));
  }

  @Test
  void unsetWithoutDefaultIsBlankAndRemembered() {
    assertEquals("[]", interpolator.interpolate("[${NOPE}]"));
    assertEquals(List.of("NOPE"), interpolator.unsetVariables());
  }

  @Test
  void malformedExpressionsAreErrors() {
    assertThrows(IllegalArgumentException.class, () -> interpolator.interpolate("${SET"));
    assertThrows(IllegalArgumentException.class, () -> interpolator.interpolate("${1BAD}"));
  }

  @Test
  void treesAreInterpolatedInValuesOnlyWithThePathInErrors() {
    Object tree = Map.of("${SET}", List.of("${SET}", 5));
    assertEquals(Map.of("${SET}", List.of("value", 5)), interpolator.interpolateTree(tree, ""));
    Exception e =
        assertThrows(
            IllegalArgumentException.class,
            () -> interpolator.interpolateTree(Map.of("a", List.of("${UNSET:?no}")), ""));
    assertTrue(e.getMessage().startsWith("a[0]: "), e.getMessage());
  }
}
