package dev.dendrite.samples;

import dev.dendrite.Layer;
import dev.dendrite.annotation.Dense;
import dev.dendrite.annotation.Input;
import dev.dendrite.annotation.Loss;
import dev.dendrite.annotation.Network;

/** The smallest network there is: {@code y = w x + b}, trained on squared error. */
@Network(loss = Loss.MSE)
public abstract class OneWeight {
  @Input(1)            Layer x;
  @Dense(units = 1)    Layer y;
}
