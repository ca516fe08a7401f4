package dev.dendrite.optim;

import java.util.List;

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
public final class Adam extends AbstractOptimizer {

  /** The paper's default learning rate, 0.001. */
  public static final float DEFAULT_LEARNING_RATE = 0.001f;
  /** The paper's default decay rate of the first moment, 0.9. */
  public static final float DEFAULT_BETA1 = 0.9f;
  /** The paper's default decay rate of the second moment, 0.999. */
  public static final float DEFAULT_BETA2 = 0.999f;
  /** The paper's default {@code eps}, 1e-8. */
  public static final float DEFAULT_EPSILON = 1e-8f;

  private static final int FIRST_MOMENT = 0;
  private static final int SECOND_MOMENT = 1;

  private final float beta1;
  private final float beta2;
  private final float epsilon;

  /** The bias corrections {@code 1 / (1 - beta^t)} of the current step. */
  private float correction1;
  private float correction2;

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
    super(learningRate, 2);
    this.beta1 = checkUnitInterval("beta1", beta1);
    this.beta2 = checkUnitInterval("beta2", beta2);
    if (!(epsilon > 0f) || Float.isInfinite(epsilon)) {
      throw new IllegalArgumentException("epsilon must be positive and finite, was " + epsilon);
    }
    this.epsilon = epsilon;
  }

  /** The decay rate of the first moment. */
  public float beta1() {
    return beta1;
  }

  /** The decay rate of the second moment. */
  public float beta2() {
    return beta2;
  }

  /** The {@code eps} added to {@code sqrt(vHat)}. */
  public float epsilon() {
    return epsilon;
  }

  /** {@code m} and {@code v}, the first and second moment estimates. */
  @Override
  public List<String> stateNames() {
    return List.of("m", "v");
  }

  @Override
  void beginStep(int t) {
    correction1 = (float) (1.0 / (1.0 - Math.pow(beta1, t)));
    correction2 = (float) (1.0 / (1.0 - Math.pow(beta2, t)));
  }

  /**
   * One fused pass over the tensor: each value's moments and the value itself are updated
   * together, row by row, or down the column when every row holds one value.
   */
  @Override
  void update(int index, float[][] values, float[][] gradients) {
    float lr = learningRate();
    float b1 = beta1;
    float b2 = beta2;
    float ob1 = 1f - beta1;
    float ob2 = 1f - beta2;
    float c1 = correction1;
    float c2 = correction2;
    float eps = epsilon;
    float[][] first = slot(FIRST_MOMENT, index);
    float[][] second = slot(SECOND_MOMENT, index);
    if (singleColumn(index)) {
      for (int r = 0; r < values.length; r++) {
        float g = gradients[r][0];
        float m = b1 * first[r][0] + ob1 * g;
        float v = b2 * second[r][0] + ob2 * g * g;
        first[r][0] = m;
        second[r][0] = v;
        values[r][0] -= lr * (m * c1) / ((float) Math.sqrt(v * c2) + eps);
      }
      return;
    }
    for (int r = 0; r < values.length; r++) {
      float[] p = values[r];
      float[] g = gradients[r];
      float[] m = first[r];
      float[] v = second[r];
      for (int j = 0; j < p.length; j++) {
        float gj = g[j];
        float mj = b1 * m[j] + ob1 * gj;
        float vj = b2 * v[j] + ob2 * gj * gj;
        m[j] = mj;
        v[j] = vj;
        p[j] -= lr * (mj * c1) / ((float) Math.sqrt(vj * c2) + eps);
      }
    }
  }

  @Override
  public String toString() {
    return "Adam(lr=" + learningRate() + ", beta1=" + beta1 + ", beta2=" + beta2 + ", epsilon="
        + epsilon + ", iterations=" + iterations() + ")";
  }
}
