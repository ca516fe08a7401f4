package dev.dendrite.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dendrite.DoubleModel;
import dev.dendrite.DoubleTensor;
import dev.dendrite.Model;
import dev.dendrite.Tensor;
import dev.dendrite.random.Rng;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code @Dense(l1, l2)} against the definition: the penalised network's loss and gradients
 * minus those of the same network without penalties are {@code l1 * sum |w| + l2 * sum w^2} and
 * {@code l1 * sign(w) + 2 * l2 * w} on the weights, and nothing on the biases. (Finite
 * differences check the same network in {@link GradientCheckTest}.)
 */
class PenaltyTest {

  /** (l1, l2) per weight tensor of {@link TestNets.Penalized}. */
  static final Map<String, double[]> PENALTIES = Map.of(
      "wide.weight", new double[] {0.01, 0},
      "narrow.weight", new double[] {0, 0.05},
      "out.weight", new double[] {0.002, 0.01});

  @Test
  void lossAndGradientsDifferByThePenaltyAndItsGradient() {
    DoubleModel penalized = new TestNets_PenalizedNetDouble(5);
    DoubleModel plain = new TestNets_UnpenalizedNetDouble(5);
    Rng rng = new Rng(1);
    int n = 6;
    double[][] input = Batches.gaussian(n, 5, rng);
    double[][] target = Batches.targets(penalized.loss(), n, 3, rng);
    penalized.forward(input, n, true);
    double withPenalty = penalized.backward(target);
    plain.forward(input, n, true);
    double without = plain.backward(target);
    double expectedPenalty = 0;
    for (int t = 0; t < penalized.parameters().size(); t++) {
      DoubleTensor p = penalized.parameters().get(t);
      DoubleTensor q = plain.parameters().get(t);
      double[] l1l2 = PENALTIES.getOrDefault(p.name(), new double[] {0, 0});
      for (int r = 0; r < p.values().length; r++) {
        for (int j = 0; j < p.values()[r].length; j++) {
          double w = p.values()[r][j];
          assertEquals(q.values()[r][j], w, 0.0, "same initial weights");
          expectedPenalty += l1l2[0] * Math.abs(w) + l1l2[1] * w * w;
          double expectedGradient = l1l2[0] * Math.signum(w) + 2 * l1l2[1] * w;
          assertEquals(expectedGradient, p.gradients()[r][j] - q.gradients()[r][j], 1e-12,
              p.name() + "[" + r + "][" + j + "]");
        }
      }
    }
    assertEquals(expectedPenalty, penalized.penaltyLoss(), 1e-12);
    assertEquals(expectedPenalty, withPenalty - without, 1e-12);
    assertEquals(0.0, plain.penaltyLoss());
  }

  @Test
  void theFloatNetworkHasTheSamePenalty() {
    Model penalized = new TestNets_PenalizedNet(5);
    double expected = 0;
    for (Tensor t : penalized.parameters()) {
      double[] l1l2 = PENALTIES.getOrDefault(t.name(), new double[] {0, 0});
      for (float[] row : t.values()) {
        for (float w : row) {
          expected += l1l2[0] * Math.abs(w) + l1l2[1] * w * w;
        }
      }
    }
    assertEquals(expected, penalized.penaltyLoss(), 1e-6);
    assertEquals(expected, new TestNets_PenalizedNetDouble(5).penaltyLoss(), 1e-6);
  }
}
