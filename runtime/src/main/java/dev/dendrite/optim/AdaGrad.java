package dev.dendrite.optim;

import java.util.List;

/**
 * AdaGrad (Duchi, Hazan and Singer, "Adaptive Subgradient Methods for Online Learning and
 * Stochastic Optimization", JMLR 2011), in its diagonal form. With learning rate {@code lr},
 * {@code eps} and an accumulator {@code G} of squared gradients (starting at {@code G0}), one step
 * is, for every value {@code p} with gradient {@code g}:
 *
 * <pre>{@code
 * G = G + g^2
 * p = p - lr g / (sqrt(G) + eps)
 * }</pre>
 *
 * <p>Each value's effective learning rate shrinks as its squared gradients add up. Defaults:
 * {@code lr = 0.01}, {@code G0 = 0}, {@code eps = 1e-10}. The state is one accumulator per value,
 * named {@code sumOfSquares}; when the first step is taken with a step count of 0, the
 * accumulators are set to {@code G0} (a state restored with a later step count is kept).
 */
public final class AdaGrad extends AbstractOptimizer {

  /** The default learning rate, 0.01. */
  public static final float DEFAULT_LEARNING_RATE = 0.01f;
  /** The default {@code eps}, 1e-10. */
  public static final float DEFAULT_EPSILON = 1e-10f;

  private final float initialAccumulator;
  private final float epsilon;
  /** Whether the accumulators have been given their initial value. */
  private boolean initialized;

  /** AdaGrad with the defaults. */
  public AdaGrad() {
    this(DEFAULT_LEARNING_RATE);
  }

  /** AdaGrad with learning rate {@code learningRate} and the other defaults. */
  public AdaGrad(float learningRate) {
    this(learningRate, 0f, DEFAULT_EPSILON);
  }

  /**
   * AdaGrad with every setting given.
   *
   * @param initialAccumulator {@code G0}, the value every accumulator starts at; at least 0
   * @param epsilon added to {@code sqrt(G)}; positive
   * @throws IllegalArgumentException if a setting is out of range or not finite
   */
  public AdaGrad(float learningRate, float initialAccumulator, float epsilon) {
    super(learningRate, 1);
    this.initialAccumulator = Checks.nonNegative("initial accumulator", initialAccumulator);
    this.epsilon = Checks.positive("epsilon", epsilon);
  }

  /** {@code G0}. */
  public float initialAccumulator() {
    return initialAccumulator;
  }

  /** The {@code eps} added to {@code sqrt(G)}. */
  public float epsilon() {
    return epsilon;
  }

  /** {@code sumOfSquares}: the accumulated squared gradients {@code G}. */
  @Override
  public List<String> stateNames() {
    return List.of("sumOfSquares");
  }

  @Override
  void beginStep(int t) {
    if (!initialized) {
      // The state is allocated (zero) by the first bind; a restored state is left as it is.
      if (initialAccumulator != 0f && iterations() == 0) {
        for (float[][] tensor : slots(0)) {
          for (float[] row : tensor) {
            java.util.Arrays.fill(row, initialAccumulator);
          }
        }
      }
      initialized = true;
    }
  }

  @Override
  void update(int index, float[][] values, float[][] gradients, int from, int to) {
    float lr = learningRate();
    float eps = epsilon;
    float[][] sum = slot(0, index);
    for (int r = from; r < to; r++) {
      float[] p = values[r];
      float[] g = gradients[r];
      float[] s = sum[r];
      for (int j = 0; j < p.length; j++) {
        float gj = g[j];
        float sj = s[j] + gj * gj;
        s[j] = sj;
        p[j] -= lr * gj / ((float) Math.sqrt(sj) + eps);
      }
    }
  }

  @Override
  public String toString() {
    return "AdaGrad(lr=" + learningRate() + ", initialAccumulator=" + initialAccumulator
        + ", epsilon=" + epsilon + ", iterations=" + iterations() + ")";
  }
}
