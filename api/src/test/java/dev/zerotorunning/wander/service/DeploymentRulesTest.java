package dev.zerotorunning.wander.service;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DeploymentRulesTest {
  @ParameterizedTest
  @ValueSource(
      strings = {
        "v1.2.3",
        "1.2.3",
        "v0.0.1",
        "v10.20.30",
        "v1.2.3-rc.1",
        "1.0.0-alpha-2",
        "v1.2.3+build.7"
      })
  void acceptsSemanticVersions(String version) {
    assertThat(DeploymentRules.VERSION.matcher(version).matches()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "v1",
        "1.2",
        "v1.2.3.4",
        "V1.2.3",
        "v01.2.3",
        "latest",
        "v1.2.3-",
        "v1.2.3 ",
        "v1.2.3;rm"
      })
  void rejectsEverythingElse(String version) {
    assertThat(DeploymentRules.VERSION.matcher(version).matches()).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"a@example.com", "first.last+tag@sub.example.co.uk", "x_y@e-x.io"})
  void acceptsEmailAddresses(String email) {
    assertThat(DeploymentRules.EMAIL.matcher(email).matches()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "a",
        "a@b",
        "@example.com",
        "a@.com",
        "a b@example.com",
        "a@example.c",
        "<a>@example.com"
      })
  void rejectsNonAddresses(String email) {
    assertThat(DeploymentRules.EMAIL.matcher(email).matches()).isFalse();
  }
}
