package corpus;

import static dev.dendrite.annotation.Activation.*;

import dev.dendrite.Layer;
import dev.dendrite.annotation.*;

@Network(loss = Loss.MSE)
abstract class AbstractMethodsNet implements Runnable { // expect: DN109
  @Input(2) Layer in;
  @Dense(units = 1) Layer out;

  abstract double score(float[] sample); // expect: DN109
  protected abstract String summary(); // expect: DN109
}
