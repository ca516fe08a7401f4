package dev.dendrite.optim;

import java.util.List;

/**
 * AdaDelta (Zeiler, "ADADELTA: An Adaptive Learning Rate Method", 2012, Algorithm 1), with a
 * learning rate that scales the update as in common implementations (1 gives the paper's
 * method). With decay rate {@code rho}, {@code eps}, a running mean {@code Eg} of squared
 * gradients and a running mean {@code Ed} of squared updates (both zero before the first step),
 * one step is, for every value {@code p} with gradient {@code g}:
 *
 * <pre>{@code
 * Eg = rho Eg + (1 - rho) g^2
 * d  = - sqrt(Ed + eps) / sqrt(Eg + eps) g
 * Ed = rho Ed + (1 - rho) d^2
 * p  = p + lr d
 * }</pre>
 *
 * <p>Defaults are the paper's: {@code lr = 1}, {@code rho = 0.95}, {@code eps = 1e-6}. The state
 * is two running means per value, named {@code meanSquareGradient} and {@code meanSquareUpdate}.
 */
public final class AdaDelta extends AbstractOptimizer {

  /** The default learning rate, 1 (the paper's method). */
  public static final float DEFAULT_LEARNING_RATE = 1f;
  /** The paper's default decay rate, 0.95. */
  public static final float DEFAULT_RHO = 0.95f;
  /** The paper's default {@code eps}, 1e-6. */
  public static final float DEFAULT_EPSILON = 1e-6f;

  private static final int GRADIENT = 0;
  private static final int UPDATE = 1;

  private final float rho;
  private final float epsilon;

  /** AdaDelta with the paper's defaults. */
  public AdaDelta() {
    this(DEFAULT_LEARNING_RATE, DEFAULT_RHO, DEFAULT_EPSILON);
  }

  /**
   * AdaDelta with every setting given.
   *
   * @param rho the decay rate of both running means, in [0, 1)
   * @param epsilon added under both square roots; positive
   * @throws IllegalArgumentException if a setting is out of range or not finite
   */
  public AdaDelta(float learningRate, float rho, float epsilon) {
    super(learningRate, 2, Checks.unitInterval("rho", rho));
    this.rho = rho;
    this.epsilon = Checks.positive("epsilon", epsilon);
  }

  /** The decay rate {@code rho}. */
  public float rho() {
    return rho;
  }

  /** The {@code eps} added under both square roots. */
  public float epsilon() {
    return epsilon;
  }

  /** {@code meanSquareGradient} ({@code Eg}) and {@code meanSquareUpdate} ({@code Ed}). */
  @Override
  public List<String> stateNames() {
    return List.of("meanSquareGradient", "meanSquareUpdate");
  }

  @Override
  void update(int index, float[][] values, float[][] gradients, int from, int to) {
    float lr = learningRate();
    float decay = rho;
    float keep = 1f - rho;
    float eps = epsilon;
    float[][] gradientMeans = slot(GRADIENT, index);
    float[][] updateMeans = slot(UPDATE, index);
    for (int r = from; r < to; r++) {
      float[] p = values[r];
      float[] g = gradients[r];
      float[] eg = gradientMeans[r];
      float[] ed = updateMeans[r];
      for (int j = 0; j < p.length; j++) {
        float gj = g[j];
        float egj = decay * eg[j] + keep * gj * gj;
        eg[j] = egj;
        float d = -(float) Math.sqrt(ed[j] + eps) / (float) Math.sqrt(egj + eps) * gj;
        ed[j] = decay * ed[j] + keep * d * d;
        p[j] += lr * d;
      }
    }
  }

  @Override
  public String toString() {
    return "AdaDelta(lr=" + learningRate() + ", rho=" + rho + ", epsilon=" + epsilon
        + ", iterations=" + iterations() + ")";
  }
}
