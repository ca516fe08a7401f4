package dev.dendrite.samples;

import static dev.dendrite.annotation.Activation.LINEAR;
import static dev.dendrite.annotation.Activation.TANH;

import dev.dendrite.Layer;
import dev.dendrite.annotation.Dense;
import dev.dendrite.annotation.Input;
import dev.dendrite.annotation.Loss;
import dev.dendrite.annotation.Network;

/**
 * The universal approximation theorem's smallest illustration: one input, one hidden layer of
 * three tanh units, one linear output.
 */
@Network(loss = Loss.MSE)
public abstract class ThreeTanh {
  @Input(1)                                 Layer x;
  @Dense(units = 3, activation = TANH)      Layer hidden;
  @Dense(units = 1, activation = LINEAR)    Layer y;
}
