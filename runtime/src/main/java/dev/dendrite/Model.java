package dev.dendrite;

import java.util.List;

/**
 * A generated float network. Samples are rows: a batch is a {@code float[][]} of at least
 * {@code n} rows of {@link #inputSize()} values each.
 *
 * <p>Buffers for activations and gradients belong to the network and grow to the largest batch
 * seen; after that, {@link #forward}, {@link #backward} and {@code predict} allocate nothing. A
 * network instance is not safe for use by several threads at once.
 */
public interface Model extends ModelDescription {

  /** The parameter tensors, in layer order, each weight before its bias. */
  List<Tensor> parameters();

  /**
   * Runs the forward pass over the first {@code n} rows of {@code input}.
   *
   * @param training true to apply dropout (with a fresh mask) and to keep what {@link #backward}
   *     needs; false for inference
   * @return the network's output buffer, {@code n} valid rows; it is overwritten by the next call
   */
  float[][] forward(float[][] input, int n, boolean training);

  /**
   * Computes the gradients of the loss for the batch of the last {@code forward(..., true)} call
   * and stores them in {@link Tensor#gradients()}, replacing what was there.
   *
   * @param target the expected outputs, one row per sample of that batch
   * @return the mean loss over the batch
   */
  float backward(float[][] target);

  /** Predicts the first {@code n} rows of {@code input} into the rows of {@code output}. */
  void predict(float[][] input, int n, float[][] output);

  /** Predicts one sample into {@code output}, which has {@link #outputSize()} values. */
  void predict(float[] input, float[] output);

  /** Predicts one sample into a new array. */
  default float[] predict(float[] input) {
    float[] output = new float[outputSize()];
    predict(input, output);
    return output;
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
   *
   * @throws UnsupportedOperationException if this model runs on one thread only and {@code
   *     threads} is not 1
   */
  default void setThreads(int threads) {
    if (threads != 1) {
      throw new UnsupportedOperationException(getClass().getName() + " runs on one thread");
    }
  }
}
