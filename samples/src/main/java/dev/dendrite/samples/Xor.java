package dev.dendrite.samples;

import static dev.dendrite.annotation.Activation.SIGMOID;
import static dev.dendrite.annotation.Activation.TANH;

import dev.dendrite.Layer;
import dev.dendrite.annotation.Dense;
import dev.dendrite.annotation.Input;
import dev.dendrite.annotation.Loss;
import dev.dendrite.annotation.Network;

/** XOR: two inputs, a small tanh hidden layer, one sigmoid output. */
@Network(loss = Loss.BINARY_CROSS_ENTROPY)
public abstract class Xor {
  @Input(2)                                 Layer bits;
  @Dense(units = 4, activation = TANH)      Layer hidden;
  @Dense(units = 1, activation = SIGMOID)   Layer parity;
}
