package dev.dendrite.train;

import dev.dendrite.ModelDescription;

/**
 * A number computed over a dataset from a network's outputs and the targets, reported per epoch
 * beside the loss: {@link Metrics#ACCURACY}, {@link Metrics#MSE}, {@link Metrics#MAE}, or one of
 * your own.
 *
 * <p>The trainer sums a metric batch by batch through an {@link Accumulator}, which must not
 * allocate in {@link Accumulator#add} so that training steps stay free of allocation.
 */
public interface Metric {

  /** The name under which the metric appears in logs and the history, e.g. {@code accuracy}. */
  String name();

  /** Whether larger values are better (accuracy) rather than smaller (errors). */
  boolean higherIsBetter();

  /** A new, empty accumulator for outputs of {@code model}. */
  Accumulator accumulator(ModelDescription model);

  /** Sums a metric over batches. */
  interface Accumulator {

    /** Forgets every batch added so far. */
    void reset();

    /** Adds the first {@code n} rows of a batch of outputs and their targets. */
    void add(float[][] outputs, float[][] targets, int n);

    /** The metric over every batch added since the last reset; NaN if none. */
    double value();
  }
}
