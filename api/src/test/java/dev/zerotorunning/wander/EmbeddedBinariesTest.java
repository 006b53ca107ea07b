package dev.zerotorunning.wander;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * make test runs on every laptop the README names: the embedded PostgreSQL and Redis binaries for
 * each of them resolve onto the test classpath (zonky and embedded-redis pick the one for the JVM's
 * os.name/os.arch at run time).
 */
class EmbeddedBinariesTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "Linux x86-64,          postgres-linux-x86_64.txz,  redis-server-6.2.6-v5-linux-amd64",
    "Linux arm64,           postgres-linux-arm_64.txz,  redis-server-6.2.7-linux-arm64",
    "macOS Intel,           postgres-darwin-x86_64.txz, redis-server-6.2.6-v5-darwin-amd64",
    "macOS Apple Silicon,   postgres-darwin-arm_64.txz, redis-server-6.2.6-v5-darwin-arm64",
    "Windows x86-64,        postgres-windows-x86_64.txz, redis-server-5.0.14.1-windows-amd64.exe"
  })
  void bothServersHaveBinariesFor(String platform, String postgres, String redis) {
    ClassLoader loader = getClass().getClassLoader();
    assertThat(loader.getResource(postgres)).as("%s: %s", platform, postgres).isNotNull();
    assertThat(loader.getResource(redis)).as("%s: %s", platform, redis).isNotNull();
  }
}
