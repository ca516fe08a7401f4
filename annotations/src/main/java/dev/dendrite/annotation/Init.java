package dev.dendrite.annotation;

/**
 * How the weights of a {@link Dense} layer are initialised, from the network's seed. The weight
 * matrix has {@code fanIn} rows (the layer's inputs) and {@code fanOut} columns (its units). The
 * normal forms draw from a plain (not truncated) normal distribution.
 */
public enum Init {
  /**
   * {@link #HE_UNIFORM} before the ReLU family (RELU, LEAKY_RELU, PRELU, ELU), {@link
   * #GLOROT_UNIFORM} otherwise.
   */
  DEFAULT,
  /** Glorot (Xavier) uniform: {@code U(-l, l)}, {@code l = sqrt(6 / (fanIn + fanOut))}. */
  GLOROT_UNIFORM,
  /** Glorot (Xavier) normal: {@code N(0, s^2)}, {@code s = sqrt(2 / (fanIn + fanOut))}. */
  GLOROT_NORMAL,
  /** He (Kaiming) uniform: {@code U(-l, l)}, {@code l = sqrt(6 / fanIn)}. */
  HE_UNIFORM,
  /** He (Kaiming) normal: {@code N(0, s^2)}, {@code s = sqrt(2 / fanIn)}. */
  HE_NORMAL,
  /** {@code N(0, s^2)}, the standard deviation {@code s} from {@link Dense#initScale()} (0.05). */
  NORMAL,
  /** {@code U(-r, r)} with the range {@code r} from {@link Dense#initScale()}, default 0.05. */
  UNIFORM,
  /** Every weight 0. */
  ZEROS
}
