package dev.zerotorunning.wander.cache;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.zerotorunning.wander.support.TestStack;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The response cache against a real Redis: what a hit replays, and that no write is missed. */
class ResponseCacheTest {
  private final TestStack stack = TestStack.get();
  private final AtomicInteger loads = new AtomicInteger();
  private RedisConnection redis;
  private ResponseCache cache;

  @BeforeEach
  void connect() {
    RedisFactory factory =
        new ObjectMapper().convertValue(Map.of("uri", stack.redisUri()), RedisFactory.class);
    redis = factory.build();
    CacheSettings settings = new CacheSettings();
    cache = new ResponseCache(redis, new ObjectMapper(), settings, CacheMetrics.unexposed());
    cache.clear();
  }

  @AfterEach
  void disconnect() {
    redis.stop();
  }

  /** A hit body with a fixed field order (a Map's order is unspecified). */
  record Body(String data, boolean cached) {}

  private Cached<String> read(String value) {
    return cache.read(
        "things",
        "limit=1",
        () -> {
          loads.incrementAndGet();
          return value;
        },
        v -> new Body(v, true));
  }

  @Test
  void aHitReplaysTheStoredBodyBytesWithoutLoading() {
    Cached<String> miss = read("first");
    Cached<String> hit = read("second");

    assertThat(miss.status()).isEqualTo(CacheStatus.MISS);
    assertThat(miss.value()).isEqualTo("first");
    assertThat(hit.status()).isEqualTo(CacheStatus.HIT);
    assertThat(hit.value()).isNull();
    assertThat(new String(hit.json(), StandardCharsets.UTF_8))
        .isEqualTo("{\"data\":\"first\",\"cached\":true}");
    assertThat(loads).hasValue(1);
  }

  @Test
  void aWriteDuringALoadLeavesNothingStaleBehind() {
    Cached<String> racing =
        cache.read(
            "things",
            "limit=1",
            () -> {
              cache.invalidate(); // a write commits while this read is loading the old state
              return "old";
            },
            v -> new Body(v, false));
    assertThat(racing.status()).isEqualTo(CacheStatus.MISS);

    Cached<String> next = read("new");
    assertThat(next.status()).isEqualTo(CacheStatus.MISS);
    assertThat(next.value()).isEqualTo("new");
    assertThat(read("newer").status()).isEqualTo(CacheStatus.HIT);
  }

  @Test
  void everyWriteMakesEveryEntryStale() {
    read("a");
    assertThat(read("a").status()).isEqualTo(CacheStatus.HIT);
    for (int write = 0; write < 3; write++) {
      cache.invalidate();
      assertThat(read("b" + write).status()).isEqualTo(CacheStatus.MISS);
      assertThat(read("c").status()).isEqualTo(CacheStatus.HIT);
    }
  }

  @Test
  void anEntryThatIsNotOursIsAMissAndIsReplaced() {
    stack.redis().set(new CacheSettings().getKeyPrefix() + "things?limit=1", "not an entry");
    assertThat(read("x").status()).isEqualTo(CacheStatus.MISS);
    assertThat(read("y").status()).isEqualTo(CacheStatus.HIT);
  }
}
