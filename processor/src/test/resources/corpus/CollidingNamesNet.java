package corpus;

import static dev.dendrite.annotation.Activation.*;

import dev.dendrite.Layer;
import dev.dendrite.annotation.*;

@Network(loss = Loss.MSE)
abstract class CollidingNamesNet {
  @Input(2) Layer in;
  @Dense(units = 4, activation = RELU) Layer x;
  @Dense(units = 4, activation = RELU) Layer xWeight; // expect: DN207
  @Dropout(0.5) Layer xBias; // expect: DN207
  @Dense(units = 1) Layer out;
}
