package dev.dendrite.optim;

import dev.dendrite.Tensor;
import java.util.List;

/**
 * Clipping by global norm (Pascanu, Mikolov and Bengio, "On the difficulty of training recurrent
 * neural networks", ICML 2013). The global norm is the Euclidean norm of all the gradients of all
 * the tensors taken together, {@code N = sqrt(sum over every gradient g of g^2)}. When {@code N}
 * exceeds {@code maxNorm}, every gradient is multiplied by {@code maxNorm / N}, which keeps the
 * direction of the whole gradient and bounds its length; otherwise nothing changes.
 *
 * <p>The trainer applies it between {@code backward} and the optimizer's step. It allocates
 * nothing.
 */
public final class GradientClipping {

  private final float maxNorm;

  private GradientClipping(float maxNorm) {
    this.maxNorm = maxNorm;
  }

  /**
   * Clipping to a global norm of at most {@code maxNorm}.
   *
   * @throws IllegalArgumentException if {@code maxNorm} is not positive and finite
   */
  public static GradientClipping byGlobalNorm(float maxNorm) {
    return new GradientClipping(Checks.positive("maximum gradient norm", maxNorm));
  }

  /** The largest global norm left unchanged. */
  public float maxNorm() {
    return maxNorm;
  }

  /**
   * Scales the gradients of {@code parameters} in place if their global norm exceeds {@link
   * #maxNorm()}. A non-finite norm leaves them as they are, for the caller to report.
   *
   * @return the global norm before clipping
   */
  public double clip(List<Tensor> parameters) {
    double norm = globalNorm(parameters);
    if (norm > maxNorm && Double.isFinite(norm)) {
      float scale = (float) (maxNorm / norm);
      for (int t = 0, count = parameters.size(); t < count; t++) {
        for (float[] row : parameters.get(t).gradients()) {
          for (int j = 0; j < row.length; j++) {
            row[j] *= scale;
          }
        }
      }
    }
    return norm;
  }

  /** The global norm of the gradients of {@code parameters}, summed in double. */
  public static double globalNorm(List<Tensor> parameters) {
    double sum = 0;
    for (int t = 0, count = parameters.size(); t < count; t++) {
      for (float[] row : parameters.get(t).gradients()) {
        for (float g : row) {
          sum += (double) g * g;
        }
      }
    }
    return Math.sqrt(sum);
  }

  @Override
  public String toString() {
    return "GradientClipping(maxNorm=" + maxNorm + ")";
  }
}
