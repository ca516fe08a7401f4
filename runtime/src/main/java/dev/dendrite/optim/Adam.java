package dev.dendrite.optim;

/**
 * Adam (Kingma and Ba, "Adam: A Method for Stochastic Optimization", ICLR 2015, Algorithm 1).
 * With learning rate {@code lr}, decay rates {@code beta1} and {@code beta2}, {@code eps}, step
 * number {@code t} (1 for the first step) and moment estimates {@code m} and {@code v} (zero
 * before the first step), one step is, for every value {@code p} with gradient {@code g}:
 *
 * <pre>{@code
 * m    = beta1 m + (1 - beta1) g
 * v    = beta2 v + (1 - beta2) g^2
 * mHat = m / (1 - beta1^t)
 * vHat = v / (1 - beta2^t)
 * p    = p - lr mHat / (sqrt(vHat) + eps)
 * }</pre>
 *
 * <p>The bias corrections {@code 1 / (1 - beta^t)} are computed once per step in double
 * precision. The defaults are those of the paper: {@code lr = 0.001}, {@code beta1 = 0.9}, {@code
 * beta2 = 0.999}, {@code eps = 1e-8}. The two moments are allocated on the first step.
 */
public final class Adam extends MomentEstimates {

  /** The paper's default learning rate, 0.001. */
  public static final float DEFAULT_LEARNING_RATE = 0.001f;
  /** The paper's default decay rate of the first moment, 0.9. */
  public static final float DEFAULT_BETA1 = 0.9f;
  /** The paper's default decay rate of the second moment, 0.999. */
  public static final float DEFAULT_BETA2 = 0.999f;
  /** The paper's default {@code eps}, 1e-8. */
  public static final float DEFAULT_EPSILON = 1e-8f;

  /** Adam with the paper's defaults. */
  public Adam() {
    this(DEFAULT_LEARNING_RATE);
  }

  /**
   * Adam with learning rate {@code learningRate} and the paper's other defaults.
   *
   * @throws IllegalArgumentException if {@code learningRate} is not positive and finite
   */
  public Adam(float learningRate) {
    this(learningRate, DEFAULT_BETA1, DEFAULT_BETA2, DEFAULT_EPSILON);
  }

  /**
   * Adam with every setting given.
   *
   * @throws IllegalArgumentException if {@code learningRate} is not positive and finite, a beta is
   *     outside [0, 1), or {@code epsilon} is not positive and finite
   */
  public Adam(float learningRate, float beta1, float beta2, float epsilon) {
    super(learningRate, checkUnitInterval("beta1", beta1), checkUnitInterval("beta2", beta2),
        checkEpsilon(epsilon));
  }

  private static float checkEpsilon(float epsilon) {
    if (!(epsilon > 0f) || Float.isInfinite(epsilon)) {
      throw new IllegalArgumentException("epsilon must be positive and finite, was " + epsilon);
    }
    return epsilon;
  }

  /** 1: Adam does not decay the values. */
  @Override
  float shrink(float lr) {
    return 1f;
  }

  @Override
  public String toString() {
    return "Adam(lr=" + learningRate() + ", beta1=" + beta1() + ", beta2=" + beta2() + ", epsilon="
        + epsilon() + ", iterations=" + iterations() + ")";
  }
}
