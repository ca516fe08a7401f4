package dev.dendrite.annotation;

/** The activation function of a {@link Dense} layer, applied to each pre-activation {@code z}. */
public enum Activation {
  /** {@code z}. */
  LINEAR,
  /** {@code max(0, z)}. */
  RELU,
  /** {@code z > 0 ? z : alpha z}, with {@code alpha} from {@link Dense#alpha()} (default 0.01). */
  LEAKY_RELU,
  /**
   * {@code z > 0 ? z : a z} with a learned slope {@code a}: one per unit or one shared by the layer
   * ({@link Dense#preluMode()}), a trainable parameter {@code <layer>.alpha} that starts at
   * {@link Dense#alpha()} (default 0.25).
   */
  PRELU,
  /** {@code z > 0 ? z : alpha (e^z - 1)}, with {@code alpha} from {@link Dense#alpha()} (default 1). */
  ELU,
  /** {@code 1 / (1 + e^-z)}. */
  SIGMOID,
  /** {@code tanh(z)}. */
  TANH,
  /** {@code log(1 + e^z)}. */
  SOFTPLUS,
  /** {@code 0.5 z (1 + tanh(sqrt(2 / pi) (z + 0.044715 z^3)))}, the tanh form of GELU. */
  GELU,
  /** {@code z sigmoid(z)}, also called SiLU. */
  SWISH,
  /** {@code z tanh(softplus(z))}. */
  MISH,
  /** {@code e^z_j / sum_k e^z_k} over the units of the layer; output layer only. */
  SOFTMAX
}
