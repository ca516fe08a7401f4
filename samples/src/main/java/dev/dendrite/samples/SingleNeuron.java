package dev.dendrite.samples;

import dev.dendrite.Layer;
import dev.dendrite.annotation.Dense;
import dev.dendrite.annotation.Input;
import dev.dendrite.annotation.Loss;
import dev.dendrite.annotation.Network;

/** One linear neuron with three inputs: {@code y = w · x + b}. */
@Network(loss = Loss.MSE)
public abstract class SingleNeuron {
  @Input(3)            Layer inputs;
  @Dense(units = 1)    Layer neuron;
}
