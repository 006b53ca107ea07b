package dev.zerotorunning.wander.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.zerotorunning.wander.support.TestStack;
import io.lettuce.core.KillArgs;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The JVM-local copies of {@link ResponseCache} against a real Redis, with two processes' caches on
 * their own connections (the API's and, say, a worker's): a hit answered without Redis, and no copy
 * outliving a write anywhere or the connection that would have told of it.
 */
class NearCacheTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final TestStack stack = TestStack.get();
  private RedisConnection apiRedis;
  private RedisConnection workerRedis;
  private ResponseCache api;
  private ResponseCache worker;
  private long apiId;

  @BeforeEach
  void connect() {
    // Copies live far longer than any test takes: only a push or a lost connection may drop them.
    CacheSettings settings = JSON.convertValue(Map.of("localTtl", "10m"), CacheSettings.class);
    apiRedis = redis();
    workerRedis = redis();
    api = new ResponseCache(apiRedis, JSON, settings, CacheMetrics.unexposed());
    worker = new ResponseCache(workerRedis, JSON, settings, CacheMetrics.unexposed());
    api.clear();
    apiId = apiRedis.commands().clientId();
  }

  @AfterEach
  void disconnect() {
    apiRedis.stop();
    workerRedis.stop();
  }

  private RedisConnection redis() {
    return JSON.convertValue(Map.of("uri", stack.redisUri()), RedisFactory.class).build();
  }

  private Cached<String> read(ResponseCache cache, String value) {
    return cache.read("things", "limit=1", () -> value, v -> Map.of("data", v));
  }

  private static String body(Cached<String> hit) {
    return new String(hit.json(), StandardCharsets.UTF_8);
  }

  @Test
  void aHitOfACurrentCopyAsksRedisNothing() {
    assertThat(read(api, "first").status()).isEqualTo(CacheStatus.MISS); // MGET, then SETEX
    apiRedis.commands().set("wander:test:marker", "1");

    for (int i = 0; i < 3; i++) {
      Cached<String> hit = read(api, "unused");
      assertThat(hit.status()).isEqualTo(CacheStatus.HIT);
      assertThat(body(hit)).isEqualTo("{\"data\":\"first\"}");
      assertThat(api.storedBody("things", "limit=1")).isPresent();
    }
    assertThat(lastCommand()).as("the API connection's last command").isEqualTo("set");

    assertThat(api.storedBody("things", "limit=2")).as("no copy: Redis is asked").isEmpty();
    assertThat(lastCommand()).isEqualTo("mget");
  }

  /** The last command the API's connection sent before this question. */
  private String lastCommand() {
    long id = apiId;
    return stack
        .redis()
        .clientList()
        .lines()
        .filter(l -> l.startsWith("id=" + id + " "))
        .map(l -> l.replaceAll(".* cmd=([^ ]+).*", "$1"))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void aWriteInAnotherProcessDropsTheCopies() {
    read(api, "old");
    assertThat(read(api, "unused").status()).isEqualTo(CacheStatus.HIT);

    worker.invalidate();
    // Redis pushes the invalidation on the API's connection ahead of any later reply on it.
    apiRedis.commands().ping();

    Cached<String> after = read(api, "new");
    assertThat(after.status()).isEqualTo(CacheStatus.MISS);
    assertThat(after.value()).isEqualTo("new");
    assertThat(body(read(api, "unused"))).isEqualTo("{\"data\":\"new\"}");
  }

  @Test
  void aWriteInThisProcessDropsTheCopiesAtOnce() {
    read(api, "old");
    api.invalidate();
    assertThat(read(api, "new").status()).isEqualTo(CacheStatus.MISS);
    assertThat(api.storedBody("things", "limit=1").map(String::new)).hasValue("{\"data\":\"new\"}");
  }

  @Test
  void aLostConnectionDropsTheCopiesAndTheNextConnectionIsTrackedAgain() {
    read(api, "old");
    assertThat(read(api, "unused").status()).isEqualTo(CacheStatus.HIT);

    // The API's connection is cut, and the write it would have been told of happens meanwhile.
    stack.redis().clientKill(KillArgs.Builder.id(apiId));
    worker.invalidate();

    Cached<String> after =
        await("a read that is not the old copy")
            .atMost(Duration.ofSeconds(20))
            .pollInterval(Duration.ofMillis(50))
            .until(() -> read(api, "new"), r -> r.status() != CacheStatus.HIT);
    assertThat(after.value()).isEqualTo("new");

    // Reconnected: copies are kept again, and a write elsewhere still drops them.
    await("the cache back on a new connection")
        .atMost(Duration.ofSeconds(20))
        .pollInterval(Duration.ofMillis(50))
        .until(() -> read(api, "newer").status() == CacheStatus.HIT);
    apiId = apiRedis.commands().clientId();
    apiRedis.commands().set("wander:test:marker", "1");
    assertThat(read(api, "unused").status()).isEqualTo(CacheStatus.HIT);
    assertThat(lastCommand()).as("a local hit on the new connection").isEqualTo("set");
    worker.invalidate();
    apiRedis.commands().ping();
    assertThat(read(api, "newest").value()).isEqualTo("newest");
  }
}
