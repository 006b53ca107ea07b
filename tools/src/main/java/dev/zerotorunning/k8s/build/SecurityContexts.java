package dev.zerotorunning.k8s.build;

import dev.zerotorunning.k8s.model.ComposeService;
import dev.zerotorunning.k8s.model.Diagnostics;
import dev.zerotorunning.k8s.model.Isolation;
import io.kubernetes.client.openapi.models.V1AppArmorProfile;
import io.kubernetes.client.openapi.models.V1Capabilities;
import io.kubernetes.client.openapi.models.V1SELinuxOptions;
import io.kubernetes.client.openapi.models.V1SeccompProfile;
import io.kubernetes.client.openapi.models.V1SecurityContext;
import java.util.Map;
import java.util.Optional;

/**
 * A container's securityContext from user, read_only, privileged, cap_add/cap_drop and the
 * security_opt settings Kubernetes can express.
 */
final class SecurityContexts {
  private SecurityContexts() {}

  static Optional<V1SecurityContext> of(ComposeService s, Diagnostics diag) {
    V1SecurityContext sc = new V1SecurityContext();
    boolean any = false;
    if (s.user().isPresent()) {
      String[] parts = s.user().get().split(":", 2);
      if (parts[0].matches("\\d+")) {
        sc.setRunAsUser(Long.parseLong(parts[0]));
        any = true;
        if (parts.length > 1 && parts[1].matches("\\d+")) {
          sc.setRunAsGroup(Long.parseLong(parts[1]));
        }
      } else {
        diag.warning(
            s.name(),
            "user \""
                + s.user().get()
                + "\" is not numeric: Kubernetes needs a UID, "
                + "so the image's default user applies");
      }
    }
    if (s.readOnly()) {
      sc.setReadOnlyRootFilesystem(true);
      any = true;
    }
    if (s.privileged()) {
      sc.setPrivileged(true);
      any = true;
    }
    if (!s.capAdd().isEmpty() || !s.capDrop().isEmpty()) {
      V1Capabilities caps = new V1Capabilities();
      if (!s.capAdd().isEmpty()) {
        caps.setAdd(s.capAdd());
      }
      if (!s.capDrop().isEmpty()) {
        caps.setDrop(s.capDrop());
      }
      sc.setCapabilities(caps);
      any = true;
    }
    Isolation iso = s.isolation();
    if (iso.noNewPrivileges()) {
      sc.setAllowPrivilegeEscalation(false);
      any = true;
    }
    if (iso.seccompUnconfined()) {
      sc.setSeccompProfile(new V1SeccompProfile().type("Unconfined"));
      any = true;
    }
    if (iso.appArmorProfile().isPresent()) {
      String profile = iso.appArmorProfile().get();
      sc.setAppArmorProfile(
          profile.equals("unconfined")
              ? new V1AppArmorProfile().type("Unconfined")
              : new V1AppArmorProfile().type("Localhost").localhostProfile(profile));
      any = true;
    }
    if (!iso.seLinux().isEmpty()) {
      Map<String, String> l = iso.seLinux();
      sc.setSeLinuxOptions(
          new V1SELinuxOptions()
              .user(l.get("user"))
              .role(l.get("role"))
              .type(l.get("type"))
              .level(l.get("level")));
      any = true;
    }
    return any ? Optional.of(sc) : Optional.empty();
  }
}
