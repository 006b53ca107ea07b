package dev.zerotorunning.k8s.model;

/**
 * A service volume after short/long syntax normalisation.
 *
 * @param type "volume" (named), "bind", "tmpfs" or "anonymous"
 * @param source volume name or host path (resolved against the project dir); empty for
 *     tmpfs/anonymous
 * @param target path in the container
 * @param readOnly mounted read-only
 */
public record VolumeMount(String type, String source, String target, boolean readOnly) {
  public static final String NAMED = "volume";
  public static final String BIND = "bind";
  public static final String TMPFS = "tmpfs";
  public static final String ANONYMOUS = "anonymous";
}
