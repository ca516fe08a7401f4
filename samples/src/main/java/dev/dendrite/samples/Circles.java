package dev.dendrite.samples;

import static dev.dendrite.annotation.Activation.RELU;
import static dev.dendrite.annotation.Activation.SIGMOID;

import dev.dendrite.Layer;
import dev.dendrite.annotation.Dense;
import dev.dendrite.annotation.Input;
import dev.dendrite.annotation.Loss;
import dev.dendrite.annotation.Network;

/**
 * The two concentric circles: is a point on the inner circle? Two inputs, 20 ReLU units, one
 * sigmoid output.
 */
@Network(loss = Loss.BINARY_CROSS_ENTROPY)
public abstract class Circles {
  @Input(2)                                 Layer point;
  @Dense(units = 20, activation = RELU)     Layer hidden;
  @Dense(units = 1, activation = SIGMOID)   Layer inner;
}
