package dev.zerotorunning.k8s.emit;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Collection;
import java.util.Map;

/**
 * The client models start with empty lists and maps ({@code finalizers: []}, {@code annotations:
 * {}}), which would be serialised as noise. An empty collection means "unset" in our objects, so
 * this nulls them before serialisation. Empty model objects such as {@code emptyDir: {}} are
 * meaningful and kept, which is why this works on the typed objects rather than on the JSON.
 */
final class EmptyCollections {
  private static final String MODEL_PACKAGE = "io.kubernetes.client.openapi.models";

  private EmptyCollections() {}

  static void clear(Object model) {
    if (model == null || !model.getClass().getPackageName().equals(MODEL_PACKAGE)) {
      return;
    }
    for (Class<?> c = model.getClass(); c != Object.class; c = c.getSuperclass()) {
      for (Field f : c.getDeclaredFields()) {
        if (Modifier.isStatic(f.getModifiers())) {
          continue;
        }
        try {
          f.setAccessible(true);
          Object value = f.get(model);
          if (value instanceof Collection<?> col) {
            if (col.isEmpty()) {
              f.set(model, null);
            } else {
              col.forEach(EmptyCollections::clear);
            }
          } else if (value instanceof Map<?, ?> map) {
            if (map.isEmpty()) {
              f.set(model, null);
            } else {
              map.values().forEach(EmptyCollections::clear);
            }
          } else {
            clear(value);
          }
        } catch (IllegalAccessException e) {
          throw new IllegalStateException("cannot normalise " + c.getName() + "." + f.getName(), e);
        }
      }
    }
  }
}
