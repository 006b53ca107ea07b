package dev.zerotorunning.scenarios.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The deployments as the API lists them (first 100), without ids and times: the seed's are relative
 * to when it was loaded, so two seedings compare equal only on this. What make reset-db must give
 * back.
 */
public record DeploymentsSnapshot(int count, List<List<String>> rows) {

  /**
   * GET {@code listPath} (the API's /deployments?limit=100 under the caller's base), which must
   * answer 200.
   */
  public static DeploymentsSnapshot take(Api api, String listPath) {
    Api.Reply reply = api.get(listPath);
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    JsonNode list = reply.json();
    List<List<String>> rows = new ArrayList<>();
    for (JsonNode d : list.path("data")) {
      rows.add(
          List.of(
              d.path("service").path("name").asText(),
              d.path("environment").path("name").asText(),
              d.path("version").asText(),
              d.path("status").asText(),
              d.path("deployed_by").asText(),
              d.path("error_message").asText("")));
    }
    return new DeploymentsSnapshot(list.path("count").asInt(), rows);
  }
}
