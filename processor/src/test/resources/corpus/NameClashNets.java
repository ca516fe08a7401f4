package corpus;

import static dev.dendrite.annotation.Activation.*;

import dev.dendrite.Layer;
import dev.dendrite.annotation.*;

class NameClashNets {
  @Network(loss = Loss.MSE)
  abstract static class Twin {
    @Input(2) Layer in;
    @Dense(units = 1) Layer out;
  }
}

// generates: corpus.NameClashNets_TwinNet
@Network(loss = Loss.MSE)
abstract class NameClashNets_Twin { // expect: DN111
  @Input(3) Layer in;
  @Dense(units = 1) Layer out;
}
