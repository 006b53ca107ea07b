package dev.zerotorunning.k8s.build;

import java.util.Locale;

/**
 * One generated Kubernetes object: the official client model plus what we need to file and check
 * it.
 *
 * @param kind the API kind ("Deployment")
 * @param name metadata.name
 * @param model an {@code io.kubernetes.client.openapi.models} instance
 */
public record KubeObject(String kind, String name, Object model) {

  /** One file per object, named so that a directory listing reads like an inventory. */
  public String fileName() {
    return kind.toLowerCase(Locale.ROOT) + "-" + name + ".yaml";
  }
}
