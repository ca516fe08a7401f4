package dev.dendrite.optim;

import java.util.List;

/**
 * AdamW: Adam with decoupled weight decay (Loshchilov and Hutter, "Decoupled Weight Decay
 * Regularization", ICLR 2019). The decay shrinks every value directly instead of entering the
 * gradient, so it is not rescaled by Adam's second moment. With the symbols of {@link Adam} and
 * weight decay {@code wd}, one step is, for every value {@code p} with gradient {@code g}:
 *
 * <pre>{@code
 * p    = p - lr wd p
 * m    = beta1 m + (1 - beta1) g
 * v    = beta2 v + (1 - beta2) g^2
 * mHat = m / (1 - beta1^t)
 * vHat = v / (1 - beta2^t)
 * p    = p - lr mHat / (sqrt(vHat) + eps)
 * }</pre>
 *
 * <p>The decay is scaled by the learning rate, so a learning-rate schedule scales it too. It
 * applies to every tensor it is given, biases included. Defaults: Adam's, with {@code wd = 0.01}.
 * The state is Adam's: {@code m} and {@code v}.
 */
public final class AdamW extends AbstractOptimizer {

  /** The default weight decay, 0.01. */
  public static final float DEFAULT_WEIGHT_DECAY = 0.01f;

  private static final int FIRST_MOMENT = 0;
  private static final int SECOND_MOMENT = 1;

  private final float beta1;
  private final float beta2;
  private final float epsilon;
  private final float weightDecay;

  private float correction1;
  private float correction2;

  /** AdamW with the defaults. */
  public AdamW() {
    this(Adam.DEFAULT_LEARNING_RATE, DEFAULT_WEIGHT_DECAY);
  }

  /** AdamW with the given learning rate and weight decay and Adam's other defaults. */
  public AdamW(float learningRate, float weightDecay) {
    this(learningRate, Adam.DEFAULT_BETA1, Adam.DEFAULT_BETA2, Adam.DEFAULT_EPSILON, weightDecay);
  }

  /**
   * AdamW with every setting given.
   *
   * @throws IllegalArgumentException if {@code learningRate} or {@code epsilon} is not positive
   *     and finite, a beta is outside [0, 1), or {@code weightDecay} is negative or not finite
   */
  public AdamW(float learningRate, float beta1, float beta2, float epsilon, float weightDecay) {
    super(learningRate, 2);
    this.beta1 = Checks.unitInterval("beta1", beta1);
    this.beta2 = Checks.unitInterval("beta2", beta2);
    this.epsilon = Checks.positive("epsilon", epsilon);
    this.weightDecay = Checks.nonNegative("weight decay", weightDecay);
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

  /** The decoupled weight decay {@code wd}. */
  public float weightDecay() {
    return weightDecay;
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

  @Override
  void update(int index, float[][] values, float[][] gradients) {
    float lr = learningRate();
    float shrink = 1f - lr * weightDecay;
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
        values[r][0] = values[r][0] * shrink - lr * (m * c1) / ((float) Math.sqrt(v * c2) + eps);
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
        p[j] = p[j] * shrink - lr * (mj * c1) / ((float) Math.sqrt(vj * c2) + eps);
      }
    }
  }

  @Override
  public String toString() {
    return "AdamW(lr=" + learningRate() + ", beta1=" + beta1 + ", beta2=" + beta2 + ", epsilon="
        + epsilon + ", weightDecay=" + weightDecay + ", iterations=" + iterations() + ")";
  }
}
