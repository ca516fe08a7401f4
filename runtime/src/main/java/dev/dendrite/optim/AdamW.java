package dev.dendrite.optim;

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
public final class AdamW extends MomentEstimates {

  /** The default weight decay, 0.01. */
  public static final float DEFAULT_WEIGHT_DECAY = 0.01f;

  private final float weightDecay;

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
    super(learningRate, Checks.unitInterval("beta1", beta1), Checks.unitInterval("beta2", beta2),
        Checks.positive("epsilon", epsilon));
    this.weightDecay = Checks.nonNegative("weight decay", weightDecay);
  }

  /** The decoupled weight decay {@code wd}. */
  public float weightDecay() {
    return weightDecay;
  }

  /** {@code 1 - lr wd}: the decoupled weight decay of this step. */
  @Override
  float shrink(float lr) {
    return 1f - lr * weightDecay;
  }

  @Override
  public String toString() {
    return "AdamW(lr=" + learningRate() + ", beta1=" + beta1() + ", beta2=" + beta2() + ", epsilon="
        + epsilon() + ", weightDecay=" + weightDecay + ", iterations=" + iterations() + ")";
  }
}
