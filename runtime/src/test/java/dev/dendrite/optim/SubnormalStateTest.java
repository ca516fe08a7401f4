package dev.dendrite.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dendrite.Tensor;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * State that decays while its gradient is 0 (a unit that never fires, an input that is always 0)
 * reaches 0 without ever becoming a subnormal float, where it would otherwise stay for ever: for
 * a decay above one half, the decay times a subnormal of a few units rounds back to itself.
 */
class SubnormalStateTest {

  /** Every optimizer with decaying state, with its usual settings. */
  private static final List<Supplier<Optimizer>> DECAYING = List.of(
      () -> Sgd.withMomentum(0.1f, 0.9f), () -> Sgd.withNesterov(0.1f, 0.9f),
      () -> new RmsProp(0.01f), () -> new AdaDelta(1f, 0.95f, 1e-6f), () -> new Adam(),
      () -> new AdamW(0.001f, 0.01f), () -> new Adam(0.001f, 0.6f, 0.999f, 1e-8f),
      () -> new Adam(0.001f, 0f, 0.5f, 1e-8f));

  private static boolean subnormal(float x) {
    return x != 0f && Math.abs(x) < Float.MIN_NORMAL;
  }

  /** One gradient, then zeros: each state value decays geometrically from where it was left. */
  @Test
  void decayingStateNeverTurnsSubnormalAndReachesZero() {
    for (Supplier<Optimizer> make : DECAYING) {
      Optimizer optimizer = make.get();
      Tensor tensor = new Tensor("dense.weight", new int[] {2, 3},
          new float[][] {{0.5f, -0.25f, 1f}, {2f, 0f, -1f}}, new float[2][3]);
      float[][] gradient = {{3e-3f, -1e-5f, 0.2f}, {-1e-30f, 1e-12f, 4f}};
      for (int r = 0; r < 2; r++) {
        System.arraycopy(gradient[r], 0, tensor.gradients()[r], 0, 3);
      }
      optimizer.step(List.of(tensor));
      for (float[] row : tensor.gradients()) {
        java.util.Arrays.fill(row, 0f);
      }
      for (int step = 2; step <= 200_000; step++) {
        optimizer.step(List.of(tensor));
        for (int s = 0; s < optimizer.stateNames().size(); s++) {
          for (float[] row : optimizer.state(s, 0)) {
            for (float x : row) {
              assertFalse(subnormal(x), optimizer + ": " + optimizer.stateNames().get(s) + " = "
                  + x + " after step " + step);
            }
          }
        }
      }
      for (int s = 0; s < optimizer.stateNames().size(); s++) {
        for (float[] row : optimizer.state(s, 0)) {
          for (float x : row) {
            assertEquals(0f, x, optimizer + ": " + optimizer.stateNames().get(s));
          }
        }
      }
    }
  }

  /** Without the flush, the first moment would sit on a subnormal after a few thousand steps. */
  @Test
  void aMomentOfZeroGradientsGetsStuckOnASubnormalWithoutTheFlush() {
    float m = 1e-3f;
    for (int step = 0; step < 10_000; step++) {
      m = 0.9f * m + 0.1f * 0f;
    }
    assertTrue(subnormal(m), "0.9^10000 of 1e-3 in float arithmetic: " + m);
    assertEquals(m, 0.9f * m, "a fixed point of the decay");
  }

  /** The pass changes only values below 2^-100; every other value is as the formulas give. */
  @Test
  void theFlushLeavesLargerStateAsItIs() {
    Adam flushed = new Adam();
    Tensor tensor = new Tensor("b", new int[] {3}, new float[][] {{1f, 1f, 1f}},
        new float[][] {{1e-20f, 0.5f, -2f}});
    float[] m = new float[3];
    float[] v = new float[3];
    for (int step = 1; step <= AbstractOptimizer.MAX_FLUSH_INTERVAL; step++) {
      flushed.step(List.of(tensor));
      for (int j = 0; j < 3; j++) {
        float g = tensor.gradients()[0][j];
        m[j] = 0.9f * m[j] + (1f - 0.9f) * g;
        v[j] = 0.999f * v[j] + (1f - 0.999f) * g * g;
      }
    }
    assertEquals(128, flushed.flushInterval());
    // 1e-20 squared is 1e-40, subnormal: its second moment is flushed, the first is not.
    assertEquals(m[0], flushed.state(0, 0)[0][0]);
    assertTrue(v[0] < AbstractOptimizer.FLUSH_BELOW && v[0] > 0f, "v " + v[0]);
    assertEquals(0f, flushed.state(1, 0)[0][0]);
    for (int j = 1; j < 3; j++) {
      assertEquals(m[j], flushed.state(0, 0)[0][j], "m " + j);
      assertEquals(v[j], flushed.state(1, 0)[0][j], "v " + j);
    }
  }

  @Test
  void theIntervalShrinksStateByAtMostTwoToTheMinusTwenty() {
    assertEquals(128, AbstractOptimizer.flushInterval(0.9f));
    assertEquals(128, AbstractOptimizer.flushInterval(0.999f));
    assertEquals(20, AbstractOptimizer.flushInterval(0.5f));
    assertEquals(1, AbstractOptimizer.flushInterval(1e-7f));
    assertEquals(0, AbstractOptimizer.flushInterval(0f));
    for (float decay : new float[] {0.5f, 0.6f, 0.8f, 0.9f}) {
      int k = AbstractOptimizer.flushInterval(decay);
      assertTrue(Math.pow(decay, k) >= 0x1p-20, decay + ": " + k);
    }
    assertEquals(0, new AdaGrad(0.01f).flushInterval());
    assertEquals(0, Sgd.plain(0.1f).flushInterval());
  }
}
