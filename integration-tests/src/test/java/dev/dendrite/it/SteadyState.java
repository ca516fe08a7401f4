package dev.dendrite.it;

import com.sun.management.ThreadMXBean;
import java.lang.management.ManagementFactory;

/**
 * Counts what a piece of work allocates on the calling thread once the JIT has settled. A
 * compilation or deoptimization can allocate a few bytes on the thread that triggers it, once;
 * the work itself allocating shows in every round. So the work is warmed up, then measured in
 * several rounds, and the smallest round counts.
 */
final class SteadyState {

  private static final ThreadMXBean THREADS =
      (ThreadMXBean) ManagementFactory.getThreadMXBean();

  private SteadyState() {}

  /** The fewest bytes that {@code steps} runs of {@code work} allocated in any of 5 rounds. */
  static long allocatedBytes(Runnable work, int warmup, int steps) {
    for (int i = 0; i < warmup; i++) {
      work.run();
    }
    long threadId = Thread.currentThread().getId();
    long fewest = Long.MAX_VALUE;
    for (int round = 0; round < 5 && fewest > 0; round++) {
      long before = THREADS.getThreadAllocatedBytes(threadId);
      for (int i = 0; i < steps; i++) {
        work.run();
      }
      fewest = Math.min(fewest, THREADS.getThreadAllocatedBytes(threadId) - before);
    }
    return fewest;
  }
}
