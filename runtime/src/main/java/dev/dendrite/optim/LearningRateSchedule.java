package dev.dendrite.optim;

/**
 * The learning rate of each epoch as a function of the epoch and the initial rate. The trainer
 * sets {@code optimizer.setLearningRate(schedule.learningRate(epoch, initial))} before every
 * epoch, where {@code initial} is the optimizer's learning rate when training started and {@code
 * epoch} counts from 0.
 *
 * <p>The factories give the usual schedules, with {@code lr0} the initial rate and {@code e} the
 * epoch:
 *
 * <ul>
 *   <li>{@link #constant()}: {@code lr0};
 *   <li>{@link #step(int, float) step(k, f)}: {@code lr0 f^floor(e / k)}, the rate multiplied by
 *       {@code f} every {@code k} epochs;
 *   <li>{@link #exponential(float) exponential(r)}: {@code lr0 r^e};
 *   <li>{@link #cosine(int, float) cosine(T, m)}: {@code lr0 (m + (1 - m) (1 + cos(pi e / T)) /
 *       2)} for {@code e < T}, then {@code lr0 m}: from {@code lr0} down to the fraction {@code m}
 *       of it over {@code T} epochs (Loshchilov and Hutter's SGDR without restarts).
 * </ul>
 *
 * <p>A schedule must return a positive, finite rate: an optimizer rejects any other.
 */
@FunctionalInterface
public interface LearningRateSchedule {

  /** The learning rate of epoch {@code epoch} (from 0), given the initial rate. */
  float learningRate(int epoch, float initial);

  /** The initial rate throughout. */
  static LearningRateSchedule constant() {
    return (epoch, initial) -> initial;
  }

  /**
   * Step decay: the rate is multiplied by {@code factor} every {@code everyEpochs} epochs.
   *
   * @param factor in (0, 1]
   * @throws IllegalArgumentException if {@code everyEpochs < 1} or {@code factor} is out of range
   */
  static LearningRateSchedule step(int everyEpochs, float factor) {
    Checks.atLeastOne("epochs between steps", everyEpochs);
    Checks.fraction("step factor", factor);
    return (epoch, initial) -> (float) (initial * Math.pow(factor, epoch / everyEpochs));
  }

  /**
   * Exponential decay: the rate is multiplied by {@code rate} every epoch.
   *
   * @param rate in (0, 1]
   * @throws IllegalArgumentException if {@code rate} is out of range
   */
  static LearningRateSchedule exponential(float rate) {
    Checks.fraction("decay rate", rate);
    return (epoch, initial) -> (float) (initial * Math.pow(rate, epoch));
  }

  /**
   * Cosine decay from the initial rate to {@code minFraction} of it over {@code epochs} epochs;
   * the rate stays there afterwards.
   *
   * @param minFraction the final rate as a fraction of the initial one, in (0, 1]
   * @throws IllegalArgumentException if {@code epochs < 1} or {@code minFraction} is out of range
   */
  static LearningRateSchedule cosine(int epochs, float minFraction) {
    Checks.atLeastOne("cosine epochs", epochs);
    Checks.fraction("minimum fraction", minFraction);
    return (epoch, initial) -> {
      int e = Math.min(epoch, epochs);
      double cosine = 0.5 * (1 + Math.cos(Math.PI * e / epochs));
      return (float) (initial * (minFraction + (1 - minFraction) * cosine));
    };
  }
}
