package dev.dendrite.it;

import static dev.dendrite.annotation.Activation.*;

import dev.dendrite.Layer;
import dev.dendrite.annotation.BatchNorm;
import dev.dendrite.annotation.Dense;
import dev.dendrite.annotation.Dropout;
import dev.dendrite.annotation.Flatten;
import dev.dendrite.annotation.Input;
import dev.dendrite.annotation.Loss;
import dev.dendrite.annotation.Network;
import dev.dendrite.annotation.PreluMode;

/**
 * Networks for the ONNX export tests beyond {@link TestNets}: square layers, where a weight
 * written without its transpose keeps every shape and changes only the values, and an image
 * input of Fashion-MNIST's shape.
 */
final class OnnxNets {

  private OnnxNets() {}

  /** Square layers, unrolled, with and without bias and with PRELU slopes of both kinds. */
  @Network(loss = Loss.MSE, doublePrecision = true)
  abstract static class SquareNarrow {
    @Input(6) Layer in;
    @Dense(units = 6, activation = TANH) Layer first;
    @Dense(units = 6, activation = LEAKY_RELU, alpha = 0.1, bias = false) Layer second;
    @Dense(units = 6, activation = PRELU) Layer third;
    @Dense(units = 6, activation = PRELU, preluMode = PreluMode.SHARED) Layer fourth;
    @Dense(units = 6) Layer out;
  }

  /** Square layers, looped, with batch normalization between them. */
  @Network(loss = Loss.CATEGORICAL_CROSS_ENTROPY, doublePrecision = true)
  abstract static class SquareWide {
    @Input(80) Layer in;
    @Dense(units = 80, activation = ELU) Layer first;
    @BatchNorm Layer norm;
    @Dense(units = 80, activation = GELU, bias = false) Layer second;
    @Dropout(0.2) Layer drop;
    @Dense(units = 80, activation = SOFTMAX) Layer out;
  }

  /** A 28 x 28 image flattened, then batch normalization before its activation. */
  @Network(loss = Loss.CATEGORICAL_CROSS_ENTROPY, doublePrecision = true)
  abstract static class Image {
    @Input({28, 28}) Layer image;
    @Flatten Layer flat;
    @Dense(units = 32, bias = false) Layer hidden;
    @BatchNorm(activation = MISH, epsilon = 1e-5) Layer norm;
    @Dense(units = 16, activation = SWISH) Layer features;
    @Dense(units = 10, activation = SOFTMAX) Layer scores;
  }
}
