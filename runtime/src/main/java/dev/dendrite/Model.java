package dev.dendrite;

import dev.dendrite.optim.Optimizer;
import java.util.List;

/**
 * A generated float network. Samples are rows: a batch is a {@code float[][]} of at least
 * {@code n} rows of {@link #inputSize()} values each.
 *
 * <p>Buffers for activations and gradients belong to the network and grow to the largest batch
 * seen; after that, {@link #forward}, {@link #backward} and {@code predict} allocate nothing.
 *
 * <p><b>Threads.</b> An instance is not thread-safe: even {@code predict} writes the instance's
 * activation buffers, so two threads calling it on one instance at once corrupt each other's
 * results. To predict in parallel, give each thread its own instance and copy the trained
 * parameters into it ({@link Parameters#copy(Model, Model)}, or load the same file with {@code
 * dev.dendrite.io.ModelFiles}); the instances then predict independently, each with the results
 * the trained instance would give. Parameters must not change while another thread predicts from
 * them. Creating the instances, and copying into them, must happen before the threads start (or
 * be otherwise published safely, e.g. through a {@code ThreadLocal} initialiser or an executor).
 */
public interface Model extends ModelDescription {

  /** The parameter tensors, in layer order, each weight before its bias. */
  List<Tensor> parameters();

  /**
   * The non-trainable tensors, in layer order: the running mean and variance of each batch
   * normalization layer, {@code <layer>.running_mean} and {@code <layer>.running_var}, each of
   * shape {@code [units]}. Training passes update them and inference reads them; optimizers leave them
   * alone. They belong with the parameters in a saved model. Their {@link Tensor#gradients()} are
   * {@code null}. Empty for a network without such layers.
   */
  default List<Tensor> buffers() {
    return List.of();
  }

  /**
   * Runs the forward pass over the first {@code n} rows of {@code input}.
   *
   * @param training true to apply dropout (with a fresh mask), to normalize batch normalization
   *     layers with the statistics of this batch (updating their running statistics) and to keep
   *     what {@link #backward} needs; false for inference, which uses the running statistics
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

  /**
   * Updates the parameters with one step of {@code optimizer} from the gradients of the last
   * {@link #backward}: {@code optimizer.step(parameters())}. A generated network that split its
   * last batch over threads splits the step over the same threads ({@link
   * Optimizer#step(List, dev.dendrite.parallel.Workers)}), each thread updating the rows whose
   * gradients it computed, which it still has in its cache; the values are the same either way.
   */
  default void step(Optimizer optimizer) {
    optimizer.step(parameters());
  }

  /** Predicts the first {@code n} rows of {@code input} into the rows of {@code output}. */
  default void predict(float[][] input, int n, float[][] output) {
    Batches.requireRows(output, n, outputSize(), "output");
    float[][] result = forward(input, n, false);
    for (int s = 0; s < n; s++) {
      System.arraycopy(result[s], 0, output[s], 0, outputSize());
    }
  }

  /**
   * Predicts one sample into {@code output}, which has {@link #outputSize()} values: a forward
   * pass for inference over a batch of that one row, which allocates nothing.
   */
  default void predict(float[] input, float[] output) {
    Batches.requireLength(input, inputSize(), "input");
    Batches.requireLength(output, outputSize(), "output");
    float[][] row = Batches.oneRow(input);
    try {
      System.arraycopy(forward(row, 1, false)[0], 0, output, 0, output.length);
    } finally {
      row[0] = null;
    }
  }

  /**
   * The weight penalty of the current weights: the sum over layers of {@code l1 * sum |w| + l2 *
   * sum w^2} over the weights (not the biases) of each {@code @Dense} layer that declares {@code
   * l1} or {@code l2}. {@link #backward} adds it to the mean loss it returns and its gradient to
   * the weight gradients; evaluation adds it to the loss it reports. 0 for a network without
   * penalties.
   */
  default float penaltyLoss() {
    return 0f;
  }

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
