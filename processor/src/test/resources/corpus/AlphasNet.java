package corpus;

import static dev.dendrite.annotation.Activation.*;

import dev.dendrite.Layer;
import dev.dendrite.annotation.*;

@Network(loss = Loss.MSE)
abstract class AlphasNet {
  @Input(2) Layer in;
  @Dense(units = 4, activation = LEAKY_RELU, alpha = 1) Layer steep; // expect: DN404
  @Dense(units = 4, activation = ELU, alpha = -1) Layer negative; // expect: DN404
  @Dense(units = 4, activation = LEAKY_RELU, alpha = Double.NEGATIVE_INFINITY) Layer inf; // expect: DN404
  @Dense(units = 4, activation = GELU, alpha = 0.5) Layer unused; // expect: DN405
  @Dense(units = 1) Layer out;
}
