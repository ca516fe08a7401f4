package dev.dendrite.train;

import dev.dendrite.annotation.Loss;

/**
 * A network's loss computed from its outputs (probabilities for the cross-entropies), for
 * validation and evaluation, where there is no backward pass. Training losses come from the
 * generated backward pass, which computes the cross-entropies from the pre-activations; here
 * probabilities are clipped to {@code [1e-7, 1 - 1e-7]} before the logarithm, as Keras does, so
 * the two agree except for outputs saturated beyond that.
 */
public final class LossFunctions {

  static final double EPSILON = 1e-7;

  private LossFunctions() {}

  /**
   * The loss of one sample, as the generated {@code backward} defines it, without weight
   * penalties: {@code a} the network's outputs, {@code y} the target row. Validation sums it over
   * samples in order; a distributed trainer sums it the same way in each part of the data.
   */
  public static double sample(Loss loss, float[] a, float[] y) {
    int m = a.length;
    double sum = 0;
    switch (loss) {
      case MSE -> {
        for (int j = 0; j < m; j++) {
          double d = (double) a[j] - y[j];
          sum += d * d;
        }
        return sum / m;
      }
      case BINARY_CROSS_ENTROPY -> {
        for (int j = 0; j < m; j++) {
          double p = clip(a[j]);
          sum -= y[j] * Math.log(p) + (1 - y[j]) * Math.log(1 - p);
        }
        return sum / m;
      }
      case CATEGORICAL_CROSS_ENTROPY -> {
        for (int j = 0; j < m; j++) {
          if (y[j] != 0f) {
            sum -= y[j] * Math.log(clip(a[j]));
          }
        }
        return sum;
      }
      default -> throw new IllegalArgumentException("unknown loss " + loss);
    }
  }

  private static double clip(double p) {
    return Math.min(Math.max(p, EPSILON), 1 - EPSILON);
  }
}
