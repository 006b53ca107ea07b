package dev.zerotorunning.wander.cache;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code wander_cache_lookups_total}: every cached read, by {@code entry} (what was read:
 * deployments, stats, ...) and {@code result} (hit, miss, bypass, as in {@code X-Cache}).
 */
public final class CacheMetrics {
  public static final String NAME = "wander_cache_lookups";

  private final Counter lookups;
  private final Set<String> seen = ConcurrentHashMap.newKeySet();

  private CacheMetrics(Counter lookups) {
    this.lookups = lookups;
  }

  public static CacheMetrics register(PrometheusRegistry registry) {
    return new CacheMetrics(
        Counter.builder()
            .name(NAME)
            .help("Cached reads by entry and result (hit, miss, bypass: the X-Cache header)")
            .labelNames("entry", "result")
            .register(registry));
  }

  /** For a command that uses the cache once and exposes no metrics ({@code db reset}). */
  public static CacheMetrics unexposed() {
    return register(new PrometheusRegistry());
  }

  void record(String entry, CacheStatus status) {
    if (seen.add(entry)) {
      // Every result of an entry exists from its first read on, at 0: rate() counts only the
      // increases of a series it has seen, so a first hit would otherwise never show as a rate.
      for (CacheStatus result : CacheStatus.values()) {
        lookups.initLabelValues(entry, label(result));
      }
    }
    lookups.labelValues(entry, label(status)).inc();
  }

  private static String label(CacheStatus status) {
    return status.name().toLowerCase(Locale.ROOT);
  }
}
