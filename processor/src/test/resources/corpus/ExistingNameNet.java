package corpus;

import static dev.dendrite.annotation.Activation.*;

import dev.dendrite.Layer;
import dev.dendrite.annotation.*;

@Network(loss = Loss.MSE, doublePrecision = true)
abstract class ExistingNameNet { // expect: DN111
  @Input(2) Layer in;
  @Dense(units = 1) Layer out;
}

class ExistingNameNetNet {}
