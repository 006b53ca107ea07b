package dev.zerotorunning.bench;

/** A step the bench cannot measure without (make dev failed, wrk printed nothing): one message. */
final class BenchFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;

  BenchFailure(String message) {
    super(message);
  }
}
