package corpus;

import static dev.dendrite.annotation.Activation.*;

import dev.dendrite.Layer;
import dev.dendrite.annotation.*;

@Network(loss = Loss.MSE)
abstract class UnitsNet {
  @Input(2) Layer in;
  @Dense(units = 0, activation = RELU) Layer zero; // expect: DN401
  @Dense(units = Integer.MIN_VALUE) Layer negative; // expect: DN401
  @Dense(units = 1) Layer out;
}
