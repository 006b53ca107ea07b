package dev.zerotorunning.wander.support;

import org.junit.jupiter.api.BeforeEach;

/** A test on the shared stack that starts each case from exactly the seed, with no jobs queued. */
public abstract class SeededStackTest {
  protected final TestStack stack = TestStack.get();
  protected final Http http = stack.http();

  @BeforeEach
  void freshSeed() {
    stack.resetData();
  }
}
