package dev.dendrite;

import java.util.List;

/**
 * A generated double-precision network, {@code <Name>NetDouble}, produced when the network is
 * declared with {@code @Network(doublePrecision = true)}. It mirrors {@link Model} and exists to
 * check gradients against finite differences.
 */
public interface DoubleModel extends ModelDescription {

  /** The parameter tensors, in layer order, each weight before its bias. */
  List<DoubleTensor> parameters();

  /** The non-trainable tensors; see {@link Model#buffers()}. */
  default List<DoubleTensor> buffers() {
    return List.of();
  }

  /** Runs the forward pass; see {@link Model#forward}. */
  double[][] forward(double[][] input, int n, boolean training);

  /** Computes the gradients of the last training forward pass; see {@link Model#backward}. */
  double backward(double[][] target);

  /** The weight penalty of the current weights; see {@link Model#penaltyLoss()}. */
  default double penaltyLoss() {
    return 0.0;
  }

  /** Predicts the first {@code n} rows of {@code input} into the rows of {@code output}. */
  default void predict(double[][] input, int n, double[][] output) {
    Batches.requireRows(output, n, outputSize(), "output");
    double[][] result = forward(input, n, false);
    for (int s = 0; s < n; s++) {
      System.arraycopy(result[s], 0, output[s], 0, outputSize());
    }
  }

  /**
   * Predicts one sample into {@code output}, which has {@link #outputSize()} values: a forward
   * pass for inference over a batch of that one row, which allocates nothing.
   */
  default void predict(double[] input, double[] output) {
    Batches.requireLength(input, inputSize(), "input");
    Batches.requireLength(output, outputSize(), "output");
    double[][] row = Batches.oneRow(input);
    try {
      System.arraycopy(forward(row, 1, false)[0], 0, output, 0, output.length);
    } finally {
      row[0] = null;
    }
  }

  /**
   * The number of threads a large batch is split over. Results are the same for any number of
   * threads: each sample is computed the same way whichever thread runs it, and every sum over
   * samples is taken in sample order.
   */
  default int threads() {
    return 1;
  }

  /**
   * Sets the number of threads a large batch is split over, the calling thread included; the
   * default is the system property {@code dendrite.threads}, else the number of processors.
   * A network too small for a batch to be worth splitting, or with batch normalization, runs
   * every batch on the calling thread and ignores the number.
   *
   * @throws IllegalArgumentException if {@code threads} is less than 1
   */
  default void setThreads(int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1, was " + threads);
    }
  }
}
