package dev.dendrite.train;

import java.util.Map;

/**
 * Hooks into {@link Trainer#fit}: the Keras callbacks. Every method does nothing by default.
 * Epochs and batches are numbered from 1.
 *
 * <p>{@link #onBatchEnd} runs after every training step with primitive arguments only; a
 * listener that allocates nothing there keeps training free of allocation. A listener can stop
 * training after the current epoch with {@link TrainingContext#requestStop()}.
 */
public interface TrainingListener {

  /** Before the first epoch. */
  default void onTrainBegin(TrainingContext context) {}

  /** Before epoch {@code epoch}, after the learning rate is set for it. */
  default void onEpochBegin(int epoch) {}

  /**
   * After the optimizer step of batch {@code batch} of epoch {@code epoch}.
   *
   * @param samplesDone the number of training samples seen so far in this epoch
   * @param loss the batch's mean loss
   */
  default void onBatchEnd(int epoch, int batch, int samplesDone, float loss) {}

  /**
   * After epoch {@code epoch} and its validation.
   *
   * @param logs the epoch's numbers in order: {@code loss}, the metrics, then {@code val_loss}
   *     and the validation metrics if there is validation data, then {@code lr}
   */
  default void onEpochEnd(int epoch, Map<String, Double> logs) {}

  /** After the last epoch (also after an early stop); not after a failure. */
  default void onTrainEnd(History history) {}

  /**
   * When training fails with {@code failure} (a {@link NonFiniteException}, or an exception of a
   * listener or the network), before it propagates: the place to release what the listener
   * holds. Exceptions thrown here are added to {@code failure} as suppressed.
   */
  default void onTrainFailure(RuntimeException failure) {}
}
