package corpus;

import static dev.dendrite.annotation.Activation.*;

import dev.dendrite.Layer;
import dev.dendrite.annotation.*;

class LossMismatchNets {
  @Network(loss = Loss.BINARY_CROSS_ENTROPY)
  abstract static class Binary {
    @Input(2) Layer in;
    @Dense(units = 1, activation = TANH) Layer out; // expect: DN504
  }

  @Network(loss = Loss.CATEGORICAL_CROSS_ENTROPY)
  abstract static class Categorical {
    @Input(2) Layer in;
    @Dense(units = 1, activation = SIGMOID) Layer out; // expect: DN505
  }

  @Network(loss = Loss.CATEGORICAL_CROSS_ENTROPY)
  abstract static class Linear {
    @Input(2) Layer in;
    @Dense(units = 5) Layer out; // expect: DN505
  }
}
