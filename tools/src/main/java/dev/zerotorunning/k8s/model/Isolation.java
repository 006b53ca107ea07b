package dev.zerotorunning.k8s.model;

import java.util.Map;
import java.util.Optional;

/**
 * The kernel-facing settings of a container that Kubernetes can express (ulimits and pids_limit
 * cannot be, and are only reported).
 *
 * @param shmSize {@code shm_size} as a quantity ("64Mi"): a memory emptyDir at /dev/shm
 * @param sysctls {@code sysctls}, namespaced kernel parameters, set on the pod
 * @param noNewPrivileges {@code security_opt: no-new-privileges}
 * @param seccompUnconfined {@code security_opt: seccomp:unconfined}
 * @param appArmorProfile {@code security_opt: apparmor:<profile>} ("unconfined" or a node profile)
 * @param seLinux {@code security_opt: label:user|role|type|level:<value>}, by field
 */
public record Isolation(
    Optional<String> shmSize,
    Map<String, String> sysctls,
    boolean noNewPrivileges,
    boolean seccompUnconfined,
    Optional<String> appArmorProfile,
    Map<String, String> seLinux) {

  public static Isolation none() {
    return new Isolation(Optional.empty(), Map.of(), false, false, Optional.empty(), Map.of());
  }
}
