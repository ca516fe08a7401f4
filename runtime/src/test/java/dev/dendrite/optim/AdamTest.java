package dev.dendrite.optim;

import static dev.dendrite.optim.OptimizerTestSupport.BIAS;
import static dev.dendrite.optim.OptimizerTestSupport.BIAS_GRADIENTS;
import static dev.dendrite.optim.OptimizerTestSupport.WEIGHT;
import static dev.dendrite.optim.OptimizerTestSupport.WEIGHT_GRADIENTS;
import static dev.dendrite.optim.OptimizerTestSupport.assertValues;
import static dev.dendrite.optim.OptimizerTestSupport.copy;
import static dev.dendrite.optim.OptimizerTestSupport.parameters;
import static dev.dendrite.optim.OptimizerTestSupport.setGradients;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dendrite.Tensor;
import java.util.List;
import org.junit.jupiter.api.Test;

class AdamTest {

  /** Runs three steps of {@code adam} and of Algorithm 1 of the paper, in double, side by side. */
  private static void assertFollowsAlgorithm(
      Adam adam, double lr, double beta1, double beta2, double eps) {
    List<Tensor> params = parameters();
    double[][][] expected = {copy(WEIGHT), copy(BIAS)};
    double[][][] m = {new double[2][3], new double[1][3]};
    double[][][] v = {new double[2][3], new double[1][3]};
    double[][][][] grads = {WEIGHT_GRADIENTS, BIAS_GRADIENTS};
    for (int step = 0; step < 3; step++) {
      int t = step + 1;
      setGradients(params, step);
      adam.step(params);
      for (int k = 0; k < 2; k++) {
        double[][] p = expected[k];
        double[][] g = grads[k][step];
        for (int r = 0; r < p.length; r++) {
          for (int c = 0; c < p[r].length; c++) {
            m[k][r][c] = beta1 * m[k][r][c] + (1 - beta1) * g[r][c];
            v[k][r][c] = beta2 * v[k][r][c] + (1 - beta2) * g[r][c] * g[r][c];
            double mHat = m[k][r][c] / (1 - Math.pow(beta1, t));
            double vHat = v[k][r][c] / (1 - Math.pow(beta2, t));
            p[r][c] -= lr * mHat / (Math.sqrt(vHat) + eps);
          }
        }
        assertValues(p, params.get(k), "after step " + t);
      }
    }
    assertEquals(3, adam.iterations());
  }

  @Test
  void defaultsFollowAlgorithm1() {
    Adam adam = new Adam();
    assertEquals(0.001f, adam.learningRate());
    assertEquals(0.9f, adam.beta1());
    assertEquals(0.999f, adam.beta2());
    assertEquals(1e-8f, adam.epsilon());
    assertFollowsAlgorithm(adam, 0.001f, 0.9f, 0.999f, 1e-8f);
  }

  @Test
  void customSettingsFollowAlgorithm1() {
    assertFollowsAlgorithm(new Adam(0.05f, 0.8f, 0.95f, 1e-3f), 0.05f, 0.8f, 0.95f, 1e-3f);
    assertFollowsAlgorithm(new Adam(0.2f, 0f, 0.5f, 0.1f), 0.2f, 0f, 0.5f, 0.1f);
  }

  /** With bias correction the first step moves every value by about {@code lr} against g. */
  @Test
  void firstStepMovesByLearningRate() {
    List<Tensor> params = parameters();
    setGradients(params, 0);
    new Adam(0.01f).step(params);
    float[][] w = params.get(0).values();
    assertEquals(WEIGHT[0][0] - 0.01, w[0][0], 1e-6);
    assertEquals(WEIGHT[0][1] + 0.01, w[0][1], 1e-6);
    assertEquals(WEIGHT[1][0], w[1][0], 1e-7, "a zero gradient does not move the value");
  }

  @Test
  void momentsAreAllocatedOnFirstStepAndReused() {
    List<Tensor> params = parameters();
    Adam adam = new Adam();
    assertNull(adam.slots(0));
    assertNull(adam.slots(1));
    setGradients(params, 0);
    adam.step(params);
    float[][][] first = adam.slots(0);
    float[][][] second = adam.slots(1);
    assertNotNull(first);
    assertNotNull(second);
    for (float[][][] moment : List.of(first, second)) {
      assertEquals(2, moment.length);
      assertEquals(2, moment[0].length);
      assertEquals(3, moment[0][1].length);
      assertEquals(1, moment[1].length);
      assertEquals(3, moment[1][0].length);
    }
    assertEquals(0.1f * (float) BIAS_GRADIENTS[0][0][0], first[1][0][0], 1e-7);
    assertEquals(0.001f * 1f, second[1][0][0], 1e-7);
    adam.step(params);
    assertSame(first, adam.slots(0));
    assertSame(second, adam.slots(1));
    assertSame(first[0][1], adam.slots(0)[0][1]);
  }

  @Test
  void rejectsOtherTensorsAfterFirstStep() {
    Adam adam = new Adam();
    List<Tensor> params = parameters();
    adam.step(params);
    Tensor extra = new Tensor("out.bias", new int[] {3}, new float[1][3], new float[1][3]);
    IllegalArgumentException more = assertThrows(IllegalArgumentException.class,
        () -> adam.step(List.of(params.get(0), params.get(1), extra)));
    assertTrue(more.getMessage().contains("Adam was first stepped with 2 tensors but now got 3"),
        more.getMessage());
    Tensor taller = new Tensor("dense.weight", new int[] {3, 3}, new float[3][3], new float[3][3]);
    IllegalArgumentException shape = assertThrows(IllegalArgumentException.class,
        () -> adam.step(List.of(taller, params.get(1))));
    assertTrue(shape.getMessage().contains("tensor 0 (dense.weight) has 3 rows of 3 values, but"
        + " the first step had 2 rows of 3 values"), shape.getMessage());
  }

  @Test
  void validatesArguments() {
    for (float lr : new float[] {0f, -1f, Float.NaN, Float.NEGATIVE_INFINITY}) {
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> new Adam(lr));
      assertTrue(e.getMessage().contains("learning rate") && e.getMessage().contains("" + lr),
          e.getMessage());
    }
    for (float beta : new float[] {1f, -0.5f, 2f, Float.NaN}) {
      IllegalArgumentException e1 = assertThrows(IllegalArgumentException.class,
          () -> new Adam(0.001f, beta, 0.999f, 1e-8f));
      assertTrue(e1.getMessage().contains("beta1") && e1.getMessage().contains("" + beta),
          e1.getMessage());
      IllegalArgumentException e2 = assertThrows(IllegalArgumentException.class,
          () -> new Adam(0.001f, 0.9f, beta, 1e-8f));
      assertTrue(e2.getMessage().contains("beta2") && e2.getMessage().contains("" + beta),
          e2.getMessage());
    }
    for (float eps : new float[] {0f, -1e-8f, Float.NaN, Float.POSITIVE_INFINITY}) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> new Adam(0.001f, 0.9f, 0.999f, eps));
      assertTrue(e.getMessage().contains("epsilon") && e.getMessage().contains("" + eps),
          e.getMessage());
    }
    Adam adam = new Adam();
    assertThrows(IllegalArgumentException.class, () -> adam.setLearningRate(0f));
    assertEquals(0.001f, adam.learningRate());
  }
}
