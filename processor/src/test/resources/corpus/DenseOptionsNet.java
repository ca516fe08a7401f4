package corpus;

import static dev.dendrite.annotation.Activation.*;

import dev.dendrite.Layer;
import dev.dendrite.annotation.*;

@Network(loss = Loss.MSE)
abstract class DenseOptionsNet {
  @Input(4) Layer in;
  @Dense(units = 8, activation = PRELU, alpha = Double.NEGATIVE_INFINITY) Layer slopes; // expect: DN611
  @Dense(units = 8, activation = ELU, preluMode = PreluMode.PER_UNIT) Layer mode; // expect: DN612
  @Dense(units = 8, activation = RELU, init = Init.UNIFORM, initScale = -0.5) Layer range; // expect: DN613
  @Dense(units = 8, activation = PRELU, preluMode = PreluMode.SHARED, bias = false) Layer shared;
  @Dense(units = 1, init = Init.ZEROS, initScale = 0.5) Layer out; // expect: DN614
}
