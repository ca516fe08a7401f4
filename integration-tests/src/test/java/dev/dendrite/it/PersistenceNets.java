package dev.dendrite.it;

import static dev.dendrite.annotation.Activation.*;

import dev.dendrite.Layer;
import dev.dendrite.annotation.BatchNorm;
import dev.dendrite.annotation.Dense;
import dev.dendrite.annotation.Dropout;
import dev.dendrite.annotation.Input;
import dev.dendrite.annotation.Loss;
import dev.dendrite.annotation.Network;

/** Networks for the tests of saving, loading, checkpoints, reproducibility and threads. */
final class PersistenceNets {

  private PersistenceNets() {}

  /** A classifier with dropout, looped and unrolled layers, in both precisions. */
  @Network(loss = Loss.CATEGORICAL_CROSS_ENTROPY, doublePrecision = true)
  abstract static class Classifier {
    @Input(12) Layer features;
    @Dense(units = 32, activation = RELU) Layer hidden1;
    @Dropout(0.25) Layer drop;
    @Dense(units = 16, activation = TANH) Layer hidden2;
    @Dense(units = 4, activation = SOFTMAX) Layer scores;
  }

  /** The same layers with other sizes: its files must not load into a Classifier. */
  @Network(loss = Loss.CATEGORICAL_CROSS_ENTROPY)
  abstract static class WiderClassifier {
    @Input(12) Layer features;
    @Dense(units = 40, activation = RELU) Layer hidden1;
    @Dropout(0.25) Layer drop;
    @Dense(units = 16, activation = TANH) Layer hidden2;
    @Dense(units = 4, activation = SOFTMAX) Layer scores;
  }

  /**
   * A classifier with batch normalization (running statistics in {@code buffers()}) and dropout,
   * in both precisions.
   */
  @Network(loss = Loss.CATEGORICAL_CROSS_ENTROPY, doublePrecision = true)
  abstract static class NormalizedClassifier {
    @Input(12) Layer features;
    @Dense(units = 24, bias = false) Layer hidden;
    @BatchNorm(activation = RELU, momentum = 0.9) Layer bn;
    @Dropout(0.25) Layer drop;
    @Dense(units = 4, activation = SOFTMAX) Layer scores;
  }

  /** About 10 million parameters (a 42 MB file), so that a save takes a while. */
  @Network(loss = Loss.MSE)
  abstract static class Large {
    @Input(2048) Layer in;
    @Dense(units = 4096) Layer wide;
    @Dense(units = 512) Layer out;
  }
}
