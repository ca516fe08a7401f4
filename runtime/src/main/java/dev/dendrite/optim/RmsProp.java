package dev.dendrite.optim;

import java.util.List;

/**
 * RMSProp (Tieleman and Hinton, Coursera "Neural Networks for Machine Learning", lecture 6.5).
 * With learning rate {@code lr}, decay rate {@code rho}, {@code eps} and a running mean {@code s}
 * of squared gradients (zero before the first step), one step is, for every value {@code p} with
 * gradient {@code g}:
 *
 * <pre>{@code
 * s = rho s + (1 - rho) g^2
 * p = p - lr g / (sqrt(s) + eps)
 * }</pre>
 *
 * <p>Defaults: {@code lr = 0.001}, {@code rho = 0.9}, {@code eps = 1e-7}. The state is one running
 * mean per value, named {@code meanSquare}.
 */
public final class RmsProp extends AbstractOptimizer {

  /** The default learning rate, 0.001. */
  public static final float DEFAULT_LEARNING_RATE = 0.001f;
  /** The default decay rate, 0.9. */
  public static final float DEFAULT_RHO = 0.9f;
  /** The default {@code eps}, 1e-7. */
  public static final float DEFAULT_EPSILON = 1e-7f;

  private final float rho;
  private final float epsilon;

  /** RMSProp with the defaults. */
  public RmsProp() {
    this(DEFAULT_LEARNING_RATE);
  }

  /** RMSProp with learning rate {@code learningRate} and the other defaults. */
  public RmsProp(float learningRate) {
    this(learningRate, DEFAULT_RHO, DEFAULT_EPSILON);
  }

  /**
   * RMSProp with every setting given.
   *
   * @param rho the decay rate of the running mean, in [0, 1)
   * @param epsilon added to {@code sqrt(s)}; positive
   * @throws IllegalArgumentException if a setting is out of range or not finite
   */
  public RmsProp(float learningRate, float rho, float epsilon) {
    super(learningRate, 1, Checks.unitInterval("rho", rho));
    this.rho = rho;
    this.epsilon = Checks.positive("epsilon", epsilon);
  }

  /** The decay rate {@code rho}. */
  public float rho() {
    return rho;
  }

  /** The {@code eps} added to {@code sqrt(s)}. */
  public float epsilon() {
    return epsilon;
  }

  /** {@code meanSquare}: the running mean {@code s} of squared gradients. */
  @Override
  public List<String> stateNames() {
    return List.of("meanSquare");
  }

  @Override
  void update(int index, float[][] values, float[][] gradients, int from, int to) {
    float lr = learningRate();
    float decay = rho;
    float keep = 1f - rho;
    float eps = epsilon;
    float[][] meanSquare = slot(0, index);
    for (int r = from; r < to; r++) {
      float[] p = values[r];
      float[] g = gradients[r];
      float[] s = meanSquare[r];
      for (int j = 0; j < p.length; j++) {
        float gj = g[j];
        float sj = decay * s[j] + keep * gj * gj;
        s[j] = sj;
        p[j] -= lr * gj / ((float) Math.sqrt(sj) + eps);
      }
    }
  }

  @Override
  public String toString() {
    return "RmsProp(lr=" + learningRate() + ", rho=" + rho + ", epsilon=" + epsilon
        + ", iterations=" + iterations() + ")";
  }
}
