package dev.zerotorunning.k8s.load;

import dev.zerotorunning.k8s.model.Diagnostics;
import dev.zerotorunning.k8s.model.Isolation;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * shm_size, sysctls and security_opt as far as Kubernetes can express them; ulimits and pids_limit
 * get one line each saying why they are not mapped.
 */
final class IsolationParser {
  private IsolationParser() {}

  /** The sysctls a kubelet allows without --allowed-unsafe-sysctls (Kubernetes 1.29+). */
  private static final Set<String> SAFE_SYSCTLS =
      Set.of(
          "kernel.shm_rmid_forced",
          "net.ipv4.ip_local_port_range",
          "net.ipv4.tcp_syncookies",
          "net.ipv4.ping_group_range",
          "net.ipv4.ip_unprivileged_port_start",
          "net.ipv4.ip_local_reserved_ports",
          "net.ipv4.tcp_keepalive_time",
          "net.ipv4.tcp_fin_timeout",
          "net.ipv4.tcp_keepalive_intvl",
          "net.ipv4.tcp_keepalive_probes");

  static Isolation parse(String service, Map<String, Object> s, String path, Diagnostics diag) {
    if (s.containsKey("ulimits")) {
      diag.unsupported(
          service,
          "ulimits not mapped: Kubernetes has no per-container ulimits; the node's container"
              + " runtime defaults apply");
    }
    if (s.containsKey("pids_limit")) {
      diag.unsupported(
          service,
          "pids_limit not mapped: Kubernetes limits processes per pod only node-wide (the"
              + " kubelet's podPidsLimit)");
    }
    Map<String, String> sysctls = new TreeMap<>(Raw.keyValues(s.get("sysctls"), path + ".sysctls"));
    sysctls.keySet().stream()
        .filter(k -> !SAFE_SYSCTLS.contains(k))
        .forEach(
            k ->
                diag.warning(
                    service,
                    "sysctl "
                        + k
                        + " is not in Kubernetes' safe set: the pod is rejected unless the"
                        + " kubelet allows it (--allowed-unsafe-sysctls)"));
    boolean noNewPrivileges = false;
    boolean seccompUnconfined = false;
    Optional<String> appArmor = Optional.empty();
    Map<String, String> seLinux = new LinkedHashMap<>();
    for (String opt : Raw.stringOrList(s.get("security_opt"), path + ".security_opt")) {
      // Docker accepts both "name:value" and "name=value"
      String[] kv = opt.split("[:=]", 2);
      String name = kv[0].trim();
      String value = kv.length > 1 ? kv[1].trim() : "";
      if (name.equals("no-new-privileges") && List.of("", "true").contains(value)) {
        noNewPrivileges = true;
      } else if (name.equals("no-new-privileges") && value.equals("false")) {
        continue;
      } else if (name.equals("seccomp") && value.equals("unconfined")) {
        seccompUnconfined = true;
      } else if (name.equals("apparmor") && !value.isEmpty()) {
        appArmor = Optional.of(value);
      } else if (name.equals("label") && value.matches("(user|role|type|level)[:=].+")) {
        String[] field = value.split("[:=]", 2);
        seLinux.put(field[0], field[1]);
      } else {
        diag.unsupported(
            service,
            "security_opt \""
                + opt
                + "\" not mapped: Kubernetes expresses no-new-privileges, seccomp:unconfined,"
                + " apparmor:<profile> and label:user|role|type|level only");
      }
    }
    Optional<String> shm =
        Optional.ofNullable(s.get("shm_size"))
            .map(v -> Raw.parsed(v, path + ".shm_size", Units::memoryQuantity));
    return new Isolation(
        shm, sysctls, noNewPrivileges, seccompUnconfined, appArmor, Map.copyOf(seLinux));
  }
}
