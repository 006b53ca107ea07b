package dev.zerotorunning.wander.cache;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.util.Locale;

/**
 * {@code wander_cache_lookups_total}: every cached read, by {@code entry} (what was read:
 * deployments, stats, ...) and {@code result} (hit, miss, bypass, as in {@code X-Cache}).
 */
public final class CacheMetrics {
  public static final String NAME = "wander_cache_lookups";

  private final Counter lookups;

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
    lookups.labelValues(entry, status.name().toLowerCase(Locale.ROOT)).inc();
  }
}
