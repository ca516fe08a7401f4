package corpus;

import static dev.dendrite.annotation.Activation.*;

import dev.dendrite.Layer;
import dev.dendrite.annotation.*;

class NestedNets {
  @Network(loss = Loss.MSE)
  private abstract static class Hidden { // expect: DN103
    @Input(2) Layer in;
    @Dense(units = 1) Layer out;
  }

  @Network(loss = Loss.MSE)
  abstract class Inner { // expect: DN104
    @Input(2) Layer in;
    @Dense(units = 1) Layer out;
  }

  private static class Wrapper {
    @Network(loss = Loss.MSE)
    abstract static class Deep { // expect: DN103
      @Input(2) Layer in;
      @Dense(units = -1) Layer out; // expect: DN401
    }
  }
}
