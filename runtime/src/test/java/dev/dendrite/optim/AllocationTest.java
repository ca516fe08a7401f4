package dev.dendrite.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.dendrite.Tensor;
import java.lang.management.ManagementFactory;
import java.util.List;
import org.junit.jupiter.api.Test;

/** After the first step, optimizers allocate nothing. */
class AllocationTest {

  private static List<Tensor> network() {
    Tensor w1 = new Tensor("h.weight", new int[] {64, 32}, new float[64][32], new float[64][32]);
    Tensor b1 = new Tensor("h.bias", new int[] {32}, new float[1][32], new float[1][32]);
    Tensor w2 = new Tensor("o.weight", new int[] {32, 10}, new float[32][10], new float[32][10]);
    Tensor b2 = new Tensor("o.bias", new int[] {10}, new float[1][10], new float[1][10]);
    List<Tensor> params = List.of(w1, b1, w2, b2);
    for (Tensor t : params) {
      for (float[] row : t.gradients()) {
        for (int j = 0; j < row.length; j++) {
          row[j] = 0.001f * (j - 5);
        }
      }
    }
    return params;
  }

  @Test
  void stepsAfterTheFirstAllocateNothing() {
    assumeTrue(ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean);
    com.sun.management.ThreadMXBean bean =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    assumeTrue(bean.isThreadAllocatedMemorySupported() && bean.isThreadAllocatedMemoryEnabled());
    long thread = Thread.currentThread().getId();
    for (Optimizer optimizer :
        List.of(Sgd.plain(0.01f), Sgd.withMomentum(0.01f, 0.9f), Sgd.withNesterov(0.01f, 0.9f),
            new Adam())) {
      List<Tensor> params = network();
      // Warm-up beyond the first step: while the JIT compiles (and may deoptimize) the update
      // loops, the JVM can allocate a few objects on this thread (a JFR recording of a fresh JVM
      // showed about 1 KB of Strings in Sgd.update's loop during the first 2000 steps); that is
      // not the optimizer allocating, and it made this test depend on what ran before it.
      for (int i = 0; i < 2000; i++) {
        optimizer.step(params);
      }
      // Five rounds of 400 steps; the fewest bytes of any round counts: a late compilation or
      // deoptimization allocates once, in one round, while a step that allocates shows in all.
      long fewest = Long.MAX_VALUE;
      for (int round = 0; round < 5; round++) {
        bean.getThreadAllocatedBytes(thread);
        long before = bean.getThreadAllocatedBytes(thread);
        for (int i = 0; i < 400; i++) {
          optimizer.step(params);
        }
        fewest = Math.min(fewest, bean.getThreadAllocatedBytes(thread) - before);
      }
      assertEquals(0, fewest, optimizer + ": bytes allocated by 400 warm steps");
    }
  }
}
