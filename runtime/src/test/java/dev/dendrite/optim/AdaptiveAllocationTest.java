package dev.dendrite.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.dendrite.Tensor;
import java.lang.management.ManagementFactory;
import java.util.List;
import org.junit.jupiter.api.Test;

/** After warm-up, AdaGrad, AdaDelta, RMSProp, AdamW and clipping allocate nothing. */
class AdaptiveAllocationTest {

  private static List<Tensor> network() {
    Tensor w = new Tensor("h.weight", new int[] {64, 32}, new float[64][32], new float[64][32]);
    Tensor b = new Tensor("h.bias", new int[] {32}, new float[1][32], new float[1][32]);
    for (Tensor t : List.of(w, b)) {
      for (float[] row : t.gradients()) {
        for (int j = 0; j < row.length; j++) {
          row[j] = 0.01f * (j - 5);
        }
      }
    }
    return List.of(w, b);
  }

  @Test
  void stepsAfterTheFirstAllocateNothing() {
    assumeTrue(ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean);
    com.sun.management.ThreadMXBean bean =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    assumeTrue(bean.isThreadAllocatedMemorySupported() && bean.isThreadAllocatedMemoryEnabled());
    long thread = Thread.currentThread().getId();
    GradientClipping clipping = GradientClipping.byGlobalNorm(0.5f);
    for (Optimizer optimizer :
        List.of(new AdaGrad(), new AdaDelta(), new RmsProp(), new AdamW())) {
      List<Tensor> params = network();
      // Warm-up beyond the first step, as in AllocationTest: while the JIT compiles and
      // deoptimizes the update loops (each optimizer class here deoptimizes the shared step of
      // the one before), the JVM itself can allocate up to about 1 KB on this thread.
      for (int i = 0; i < 2000; i++) {
        clipping.clip(params);
        optimizer.step(params);
      }
      // Five rounds of 400 steps; the fewest bytes of any round counts: a late compilation or
      // deoptimization allocates once, in one round, while a step that allocates shows in all.
      long fewest = Long.MAX_VALUE;
      for (int round = 0; round < 5; round++) {
        bean.getThreadAllocatedBytes(thread);
        long before = bean.getThreadAllocatedBytes(thread);
        for (int i = 0; i < 400; i++) {
          clipping.clip(params);
          optimizer.step(params);
        }
        fewest = Math.min(fewest, bean.getThreadAllocatedBytes(thread) - before);
      }
      assertEquals(0, fewest, optimizer + ": bytes allocated by 400 warm steps");
    }
  }
}
