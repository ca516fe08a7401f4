package dev.dendrite.io;

import java.util.Map;

/**
 * Where training stands, saved in a {@link Checkpoint} beside the parameters and the optimizer
 * state: the epoch to resume with, and any values a training loop needs to resume exactly (for
 * example the state of the generator that shuffles the data, or the position within an epoch).
 *
 * @param epoch the epoch training resumes with (0 before the first)
 * @param properties named values of the training loop; keys and values are free-form strings
 */
public record TrainingProgress(int epoch, Map<String, String> properties) {

  public TrainingProgress {
    if (epoch < 0) {
      throw new IllegalArgumentException("epoch must not be negative, was " + epoch);
    }
    properties = Map.copyOf(properties);
  }

  /** Progress at {@code epoch} with no other values. */
  public static TrainingProgress atEpoch(int epoch) {
    return new TrainingProgress(epoch, Map.of());
  }
}
