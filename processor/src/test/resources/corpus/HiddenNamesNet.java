package corpus;

import static dev.dendrite.annotation.Activation.*;

import dev.dendrite.Layer;
import dev.dendrite.annotation.*;

@Network(loss = Loss.MSE)
abstract class HiddenNamesNet {
  @Input(2) Layer in;
  @Dense(units = 1) Layer out;

  enum Loss { NONE } // expect: DN112
  static final Object Batches = null; // expect: DN112
  class Tensor {} // expect: DN112
}
