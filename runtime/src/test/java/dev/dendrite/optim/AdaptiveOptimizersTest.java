package dev.dendrite.optim;

import static dev.dendrite.optim.OptimizerTestSupport.BIAS;
import static dev.dendrite.optim.OptimizerTestSupport.BIAS_GRADIENTS;
import static dev.dendrite.optim.OptimizerTestSupport.WEIGHT;
import static dev.dendrite.optim.OptimizerTestSupport.WEIGHT_GRADIENTS;
import static dev.dendrite.optim.OptimizerTestSupport.assertValues;
import static dev.dendrite.optim.OptimizerTestSupport.copy;
import static dev.dendrite.optim.OptimizerTestSupport.parameters;
import static dev.dendrite.optim.OptimizerTestSupport.setGradients;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dendrite.Tensor;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * AdaGrad, RMSProp, AdaDelta and AdamW against their update equations, computed here in double
 * precision for the three steps of known gradients of {@link OptimizerTestSupport}.
 */
class AdaptiveOptimizersTest {

  /** One value's update: reads and writes its state {@code s} and returns the new value. */
  @FunctionalInterface
  interface Rule {
    double apply(double p, double g, double[] s, int t);
  }

  /** Steps {@code optimizer} three times and checks every value against {@code rule}. */
  private static void assertFollows(Optimizer optimizer, int stateSize, Rule rule) {
    List<Tensor> params = parameters();
    double[][][] expected = {copy(WEIGHT), copy(BIAS)};
    double[][][][] state = {new double[2][3][stateSize], new double[1][3][stateSize]};
    double[][][][] grads = {WEIGHT_GRADIENTS, BIAS_GRADIENTS};
    for (int step = 0; step < 3; step++) {
      setGradients(params, step);
      optimizer.step(params);
      for (int k = 0; k < 2; k++) {
        double[][] p = expected[k];
        for (int r = 0; r < p.length; r++) {
          for (int c = 0; c < p[r].length; c++) {
            p[r][c] = rule.apply(p[r][c], grads[k][step][r][c], state[k][r][c], step + 1);
          }
        }
        assertValues(p, params.get(k), optimizer + " after step " + (step + 1));
      }
    }
    assertEquals(3, optimizer.iterations());
  }

  @Test
  void adaGradAccumulatesSquaredGradients() {
    AdaGrad adaGrad = new AdaGrad();
    assertEquals(0.01f, adaGrad.learningRate());
    assertFollows(adaGrad, 1, (p, g, s, t) -> {
      s[0] += g * g;
      return p - 0.01 * g / (Math.sqrt(s[0]) + 1e-10);
    });
    assertFollows(new AdaGrad(0.5f, 0.1f, 1e-3f), 1, (p, g, s, t) -> {
      if (t == 1) {
        s[0] = 0.1;
      }
      s[0] += g * g;
      return p - 0.5 * g / (Math.sqrt(s[0]) + 1e-3);
    });
  }

  @Test
  void rmsPropKeepsARunningMeanOfSquares() {
    RmsProp rmsProp = new RmsProp();
    assertEquals(0.001f, rmsProp.learningRate());
    assertEquals(0.9f, rmsProp.rho());
    assertFollows(rmsProp, 1, (p, g, s, t) -> {
      s[0] = 0.9 * s[0] + 0.1 * g * g;
      return p - 0.001 * g / (Math.sqrt(s[0]) + 1e-7);
    });
    assertFollows(new RmsProp(0.05f, 0.5f, 1e-2f), 1, (p, g, s, t) -> {
      s[0] = 0.5 * s[0] + 0.5 * g * g;
      return p - 0.05 * g / (Math.sqrt(s[0]) + 1e-2);
    });
  }

  @Test
  void adaDeltaFollowsAlgorithm1() {
    AdaDelta adaDelta = new AdaDelta();
    assertEquals(1f, adaDelta.learningRate());
    assertEquals(0.95f, adaDelta.rho());
    assertEquals(1e-6f, adaDelta.epsilon());
    Rule paper = (p, g, s, t) -> {
      double rho = 0.95;
      double eps = 1e-6;
      s[0] = rho * s[0] + (1 - rho) * g * g;
      double d = -Math.sqrt(s[1] + eps) / Math.sqrt(s[0] + eps) * g;
      s[1] = rho * s[1] + (1 - rho) * d * d;
      return p + d;
    };
    assertFollows(adaDelta, 2, paper);
    assertFollows(new AdaDelta(0.5f, 0.8f, 1e-2f), 2, (p, g, s, t) -> {
      s[0] = 0.8 * s[0] + 0.2 * g * g;
      double d = -Math.sqrt(s[1] + 1e-2) / Math.sqrt(s[0] + 1e-2) * g;
      s[1] = 0.8 * s[1] + 0.2 * d * d;
      return p + 0.5 * d;
    });
  }

  @Test
  void adamWDecaysWeightsApartFromTheGradient() {
    double lr = 0.01;
    double wd = 0.1;
    assertFollows(new AdamW((float) lr, (float) wd), 2, (p, g, s, t) -> {
      double decayed = p - lr * wd * p;
      s[0] = 0.9 * s[0] + 0.1 * g;
      s[1] = 0.999 * s[1] + 0.001 * g * g;
      double mHat = s[0] / (1 - Math.pow(0.9, t));
      double vHat = s[1] / (1 - Math.pow(0.999, t));
      return decayed - lr * mHat / (Math.sqrt(vHat) + 1e-8);
    });
  }

  @Test
  void adamWWithoutDecayIsAdam() {
    List<Tensor> a = parameters();
    List<Tensor> b = parameters();
    AdamW adamW = new AdamW(0.01f, 0f);
    Adam adam = new Adam(0.01f);
    for (int step = 0; step < 3; step++) {
      setGradients(a, step);
      setGradients(b, step);
      adamW.step(a);
      adam.step(b);
    }
    for (int t = 0; t < 2; t++) {
      assertArrayEquals(b.get(t).values(), a.get(t).values());
    }
  }

  @Test
  void adamWShrinksValuesWithZeroGradients() {
    List<Tensor> params = parameters();
    AdamW adamW = new AdamW(0.1f, 0.5f);
    adamW.step(params);
    assertEquals(WEIGHT[0][0] * 0.95, params.get(0).values()[0][0], 1e-6);
    assertEquals(WEIGHT[0][2] * 0.95, params.get(0).values()[0][2], 1e-6);
  }

  @Test
  void stateIsNamedAndLive() {
    assertEquals(List.of("sumOfSquares"), new AdaGrad().stateNames());
    assertEquals(List.of("meanSquare"), new RmsProp().stateNames());
    assertEquals(List.of("meanSquareGradient", "meanSquareUpdate"), new AdaDelta().stateNames());
    assertEquals(List.of("m", "v"), new AdamW().stateNames());
    List<Tensor> params = parameters();
    RmsProp rmsProp = new RmsProp(0.1f, 0.5f, 1e-7f);
    setGradients(params, 0);
    rmsProp.step(params);
    assertEquals(0.5 * 0.2 * 0.2, rmsProp.state(0, 0)[0][0], 1e-7);
  }

  @Test
  void settingsAreValidated() {
    assertThrows(IllegalArgumentException.class, () -> new AdaGrad(0.1f, -1f, 1e-10f));
    assertThrows(IllegalArgumentException.class, () -> new AdaGrad(0.1f, 0f, 0f));
    IllegalArgumentException rho =
        assertThrows(IllegalArgumentException.class, () -> new RmsProp(0.1f, 1f, 1e-7f));
    assertTrue(rho.getMessage().contains("rho must be in [0, 1), was 1.0"), rho.getMessage());
    assertThrows(IllegalArgumentException.class, () -> new AdaDelta(1f, -0.1f, 1e-6f));
    assertThrows(IllegalArgumentException.class, () -> new AdaDelta(1f, 0.9f, Float.NaN));
    IllegalArgumentException decay =
        assertThrows(IllegalArgumentException.class, () -> new AdamW(0.1f, -0.01f));
    assertTrue(decay.getMessage().contains("weight decay"), decay.getMessage());
    assertThrows(IllegalArgumentException.class, () -> new AdamW(0f, 0.01f));
  }
}
