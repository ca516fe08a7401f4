package dev.dendrite.it;

import static dev.dendrite.annotation.Activation.PRELU;
import static dev.dendrite.annotation.Activation.RELU;
import static dev.dendrite.annotation.Activation.SOFTMAX;
import static dev.dendrite.annotation.Activation.TANH;

import dev.dendrite.Layer;
import dev.dendrite.annotation.BatchNorm;
import dev.dendrite.annotation.Dense;
import dev.dendrite.annotation.Dropout;
import dev.dendrite.annotation.Input;
import dev.dendrite.annotation.Loss;
import dev.dendrite.annotation.Network;
import dev.dendrite.annotation.PreluMode;

/** A network large enough that a batch of a few hundred samples is split over threads. */
final class ParallelNets {

  private ParallelNets() {}

  /** Looped layers with odd sizes (remainders in every blocked loop), dropout, softmax. */
  @Network(loss = Loss.CATEGORICAL_CROSS_ENTROPY, doublePrecision = true)
  abstract static class Wide {
    @Input(67) Layer in;
    @Dense(units = 97, activation = RELU) Layer hidden1;
    @Dropout(0.3) Layer drop;
    @Dense(units = 45, activation = TANH) Layer hidden2;
    @Dense(units = 7, activation = SOFTMAX) Layer out;
  }

  /**
   * A first layer of 67,123 weights, enough for batches too small to split to share its two parts
   * between the threads with the Vector API's kernels; odd sizes throughout.
   */
  @Network(loss = Loss.CATEGORICAL_CROSS_ENTROPY)
  abstract static class LargeFirst {
    @Input(301) Layer in;
    @Dense(units = 223, activation = RELU) Layer hidden1;
    @Dense(units = 9, activation = SOFTMAX) Layer out;
  }

  /** Looped PRELU layers (slopes per unit and shared) without bias: slope sums over a split batch. */
  @Network(loss = Loss.CATEGORICAL_CROSS_ENTROPY, doublePrecision = true)
  abstract static class WidePrelu {
    @Input(67) Layer in;
    @Dense(units = 97, activation = PRELU, bias = false) Layer hidden1;
    @Dense(units = 45, activation = PRELU, preluMode = PreluMode.SHARED) Layer hidden2;
    @Dense(units = 7, activation = SOFTMAX, bias = false) Layer out;
  }

  /** Batch normalization between looped layers: never split, whatever the thread count. */
  @Network(loss = Loss.CATEGORICAL_CROSS_ENTROPY)
  abstract static class WideNorm {
    @Input(67) Layer in;
    @Dense(units = 97, bias = false) Layer hidden;
    @BatchNorm(activation = RELU) Layer hiddenNorm;
    @Dense(units = 7, activation = SOFTMAX) Layer out;
  }
}
