package corpus;

import static dev.dendrite.annotation.Activation.*;

import dev.dendrite.Layer;
import dev.dendrite.annotation.*;

// javac stops before annotation processing
@Network(loss = Loss.MSE)
abstract class MisspeltValuesNet {
  @Input(2) Layer in;
  @Dense(units = 4, activation = RELLU) Layer hidden; // expect: javac
  @Dense(units = 0) Layer out;
}
