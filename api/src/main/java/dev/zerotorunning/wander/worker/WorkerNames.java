package dev.zerotorunning.wander.worker;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** A worker's name in logs, in the consumer group and on each step it runs. */
public final class WorkerNames {
  private WorkerNames() {}

  /**
   * The configured name, else the host name: the container id under Compose (what {@code docker ps}
   * shows), the pod name on Kubernetes.
   */
  public static String resolve(String configured) {
    if (configured != null && !configured.isBlank()) {
      return configured.strip();
    }
    String host = System.getenv("HOSTNAME");
    if (host != null && !host.isBlank()) {
      return host;
    }
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "worker-" + ProcessHandle.current().pid();
    }
  }
}
