package dev.zerotorunning.k8s.model;

import java.util.Optional;

/**
 * A container port, optionally published on the host. {@code expose:} entries have no published
 * port.
 *
 * @param target port inside the container
 * @param published host port, when published
 * @param hostIp host address to listen on (empty = all, which kind maps to 127.0.0.1 anyway)
 * @param protocol "tcp" or "udp"
 * @param name long-syntax {@code name}, if given
 */
public record PortMapping(
    int target,
    Optional<Integer> published,
    Optional<String> hostIp,
    String protocol,
    Optional<String> name) {

  public boolean sameContainerPort(PortMapping other) {
    return target == other.target && protocol.equals(other.protocol);
  }
}
