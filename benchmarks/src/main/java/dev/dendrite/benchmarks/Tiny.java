package dev.dendrite.benchmarks;

import static dev.dendrite.annotation.Activation.RELU;
import static dev.dendrite.annotation.Activation.SIGMOID;

import dev.dendrite.Layer;
import dev.dendrite.annotation.Dense;
import dev.dendrite.annotation.Input;
import dev.dendrite.annotation.Loss;
import dev.dendrite.annotation.Network;

/** The tiny benchmark network: a point in the plane, inside or outside a circle. */
@Network(loss = Loss.BINARY_CROSS_ENTROPY)
public abstract class Tiny {
  @Input(2) Layer point;
  @Dense(units = 20, activation = RELU) Layer hidden;
  @Dense(units = 1, activation = SIGMOID) Layer inside;
}
