package dev.dendrite.annotation;

/**
 * The training loss of a network. Every loss is the mean over the samples of a batch of the
 * per-sample loss below, where {@code a} is the network's output and {@code y} the target.
 */
public enum Loss {
  /** Mean squared error: {@code mean_j (a_j - y_j)^2}. Any output activation. */
  MSE,
  /**
   * Binary cross-entropy: {@code mean_j -(y_j log a_j + (1 - y_j) log(1 - a_j))}. Needs a
   * {@link Activation#SIGMOID} output; fused with it in the backward pass.
   */
  BINARY_CROSS_ENTROPY,
  /**
   * Categorical cross-entropy: {@code -sum_j y_j log a_j}. Needs a {@link Activation#SOFTMAX}
   * output of at least 2 units; fused with it in the backward pass.
   */
  CATEGORICAL_CROSS_ENTROPY
}
