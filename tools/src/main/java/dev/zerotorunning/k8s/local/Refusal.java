package dev.zerotorunning.k8s.local;

/**
 * Why {@code make dev K8S=1} or a daily tool stops before it starts anything: one line with the
 * fix, printed as scripts/lib.sh's {@code die} prints it ("✗ ...", exit 1).
 */
public final class Refusal extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public Refusal(String message) {
    super(message);
  }
}
