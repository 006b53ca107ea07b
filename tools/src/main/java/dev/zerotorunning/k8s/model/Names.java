package dev.zerotorunning.k8s.model;

import java.util.Locale;

/** Turns compose names (which allow `_` and `.`) into valid Kubernetes names. */
public final class Names {
  private Names() {}

  /** RFC 1123 label: lower-case alphanumerics and '-', at most 63 characters. */
  public static String dnsLabel(String raw) {
    String s = raw.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]+", "-").replaceAll("-{2,}", "-");
    s = s.replaceAll("^-+", "").replaceAll("-+$", "");
    if (s.length() > 63) {
      s = s.substring(0, 63).replaceAll("-+$", "");
    }
    return s.isEmpty() ? "x" : s;
  }
}
