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
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dendrite.Tensor;
import java.util.List;
import org.junit.jupiter.api.Test;

class SgdTest {

  private static final float LR = 0.1f;
  private static final float MU = 0.9f;

  @Test
  void plainFollowsItsEquation() {
    List<Tensor> params = parameters();
    Sgd sgd = Sgd.plain(LR);
    double[][][] expected = {copy(WEIGHT), copy(BIAS)};
    double[][][][] grads = {WEIGHT_GRADIENTS, BIAS_GRADIENTS};
    for (int step = 0; step < 3; step++) {
      setGradients(params, step);
      sgd.step(params);
      for (int t = 0; t < 2; t++) {
        double[][] p = expected[t];
        double[][] g = grads[t][step];
        for (int r = 0; r < p.length; r++) {
          for (int c = 0; c < p[r].length; c++) {
            p[r][c] -= LR * g[r][c];
          }
        }
        assertValues(p, params.get(t), "after step " + (step + 1));
      }
    }
    assertEquals(3, sgd.iterations());
    assertNull(sgd.slots(0), "plain SGD keeps no state");
  }

  @Test
  void momentumFollowsItsEquation() {
    List<Tensor> params = parameters();
    Sgd sgd = Sgd.withMomentum(LR, MU);
    double[][][] expected = {copy(WEIGHT), copy(BIAS)};
    double[][][] velocity = {new double[2][3], new double[1][3]};
    double[][][][] grads = {WEIGHT_GRADIENTS, BIAS_GRADIENTS};
    for (int step = 0; step < 3; step++) {
      setGradients(params, step);
      sgd.step(params);
      for (int t = 0; t < 2; t++) {
        double[][] p = expected[t];
        double[][] v = velocity[t];
        double[][] g = grads[t][step];
        for (int r = 0; r < p.length; r++) {
          for (int c = 0; c < p[r].length; c++) {
            v[r][c] = MU * v[r][c] - LR * g[r][c];
            p[r][c] += v[r][c];
          }
        }
        assertValues(p, params.get(t), "after step " + (step + 1));
      }
    }
  }

  /** Checked against PyTorch's formulation, which is the same update written differently. */
  @Test
  void nesterovMatchesPyTorchFormulation() {
    List<Tensor> params = parameters();
    Sgd sgd = Sgd.withNesterov(LR, MU);
    double[][][] expected = {copy(WEIGHT), copy(BIAS)};
    double[][][] buffer = {new double[2][3], new double[1][3]};
    double[][][][] grads = {WEIGHT_GRADIENTS, BIAS_GRADIENTS};
    for (int step = 0; step < 3; step++) {
      setGradients(params, step);
      sgd.step(params);
      for (int t = 0; t < 2; t++) {
        double[][] p = expected[t];
        double[][] b = buffer[t];
        double[][] g = grads[t][step];
        for (int r = 0; r < p.length; r++) {
          for (int c = 0; c < p[r].length; c++) {
            b[r][c] = MU * b[r][c] + g[r][c];
            p[r][c] -= LR * (g[r][c] + MU * b[r][c]);
          }
        }
        assertValues(p, params.get(t), "after step " + (step + 1));
      }
    }
  }

  @Test
  void zeroMomentumIsPlainSgd() {
    List<Tensor> a = parameters();
    List<Tensor> b = parameters();
    List<Tensor> c = parameters();
    Sgd plain = Sgd.plain(LR);
    Sgd momentum = Sgd.withMomentum(LR, 0f);
    Sgd nesterov = Sgd.withNesterov(LR, 0f);
    for (int step = 0; step < 3; step++) {
      setGradients(a, step);
      setGradients(b, step);
      setGradients(c, step);
      plain.step(a);
      momentum.step(b);
      nesterov.step(c);
    }
    for (int t = 0; t < 2; t++) {
      float[][] expected = a.get(t).values();
      for (int r = 0; r < expected.length; r++) {
        for (int j = 0; j < expected[r].length; j++) {
          assertEquals(expected[r][j], b.get(t).values()[r][j], 1e-7);
          assertEquals(expected[r][j], c.get(t).values()[r][j], 1e-7);
        }
      }
    }
  }

  @Test
  void stepLeavesGradientsUnchanged() {
    List<Tensor> params = parameters();
    setGradients(params, 0);
    Sgd.withNesterov(LR, MU).step(params);
    assertEquals((float) WEIGHT_GRADIENTS[0][1][2], params.get(0).gradients()[1][2]);
  }

  @Test
  void velocityIsAllocatedOnFirstStepAndReused() {
    List<Tensor> params = parameters();
    Sgd sgd = Sgd.withMomentum(LR, MU);
    assertNull(sgd.slots(0));
    setGradients(params, 0);
    sgd.step(params);
    float[][][] velocity = sgd.slots(0);
    assertEquals(2, velocity.length);
    assertEquals(2, velocity[0].length);
    assertEquals(3, velocity[0][0].length);
    assertEquals(1, velocity[1].length);
    assertEquals(3, velocity[1][0].length);
    float[] firstRow = velocity[0][0];
    assertEquals(-LR * (float) WEIGHT_GRADIENTS[0][0][2], firstRow[2], 1e-7);
    sgd.step(params);
    assertSame(velocity, sgd.slots(0));
    assertSame(firstRow, sgd.slots(0)[0][0]);
  }

  @Test
  void learningRateCanBeChanged() {
    List<Tensor> params = parameters();
    Sgd sgd = Sgd.plain(LR);
    sgd.setLearningRate(0.5f);
    assertEquals(0.5f, sgd.learningRate());
    setGradients(params, 0);
    sgd.step(params);
    assertEquals(WEIGHT[0][0] - 0.5 * WEIGHT_GRADIENTS[0][0][0], params.get(0).values()[0][0],
        1e-7);
  }

  @Test
  void rejectsOtherTensorsAfterFirstStep() {
    for (Sgd sgd : List.of(Sgd.plain(LR), Sgd.withMomentum(LR, MU), Sgd.withNesterov(LR, MU))) {
      List<Tensor> params = parameters();
      sgd.step(params);

      IllegalArgumentException fewer = assertThrows(IllegalArgumentException.class,
          () -> sgd.step(List.of(params.get(0))));
      assertTrue(fewer.getMessage().contains("2 tensors"), fewer.getMessage());
      assertTrue(fewer.getMessage().contains("1"), fewer.getMessage());

      Tensor wider = new Tensor("dense.bias", new int[] {4}, new float[1][4], new float[1][4]);
      IllegalArgumentException shape = assertThrows(IllegalArgumentException.class,
          () -> sgd.step(List.of(params.get(0), wider)));
      assertTrue(shape.getMessage().contains("dense.bias"), shape.getMessage());
      assertTrue(shape.getMessage().contains("1 rows of 4"), shape.getMessage());
      assertTrue(shape.getMessage().contains("1 rows of 3"), shape.getMessage());

      setGradients(params, 1);
      float before = params.get(0).values()[0][0];
      Tensor ragged = new Tensor("dense.bias", new int[] {3}, new float[1][3], new float[1][2]);
      IllegalArgumentException row = assertThrows(IllegalArgumentException.class,
          () -> sgd.step(List.of(params.get(0), ragged)));
      assertTrue(row.getMessage().contains("row 0 of tensor 1 (dense.bias) has 3 values and 2"
          + " gradients"), row.getMessage());
      assertEquals(before, params.get(0).values()[0][0], "a rejected step changes nothing");

      assertEquals(1, sgd.iterations(), "a rejected step does not count");
    }
  }

  @Test
  void rejectsGradientsLaidOutUnlikeValues() {
    Tensor bad = new Tensor("w", new int[] {2, 3}, new float[2][3], new float[1][3]);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Sgd.plain(LR).step(List.of(bad)));
    assertTrue(e.getMessage().contains("2 rows of values but 1 rows of gradients"),
        e.getMessage());
  }

  @Test
  void validatesArguments() {
    for (float lr : new float[] {0f, -0.1f, Float.NaN, Float.POSITIVE_INFINITY}) {
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> Sgd.plain(lr));
      assertTrue(e.getMessage().contains("learning rate"), e.getMessage());
      assertTrue(e.getMessage().contains(Float.toString(lr)), e.getMessage());
      assertThrows(IllegalArgumentException.class, () -> Sgd.withMomentum(lr, MU));
      assertThrows(IllegalArgumentException.class, () -> Sgd.plain(LR).setLearningRate(lr));
    }
    for (float mu : new float[] {1f, -0.01f, 1.5f, Float.NaN}) {
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> Sgd.withMomentum(LR, mu));
      assertTrue(e.getMessage().contains("momentum"), e.getMessage());
      assertTrue(e.getMessage().contains(Float.toString(mu)), e.getMessage());
      assertThrows(IllegalArgumentException.class, () -> Sgd.withNesterov(LR, mu));
    }
  }

  @Test
  void describesItself() {
    Sgd sgd = Sgd.withNesterov(LR, MU);
    assertTrue(sgd.isNesterov());
    assertEquals(MU, sgd.momentum());
    assertFalse(Sgd.withMomentum(LR, MU).isNesterov());
    assertEquals(0f, Sgd.plain(LR).momentum());
    assertTrue(sgd.toString().contains("nesterov"), sgd.toString());
  }
}
