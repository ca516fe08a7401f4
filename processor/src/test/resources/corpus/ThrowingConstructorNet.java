package corpus;

import static dev.dendrite.annotation.Activation.*;

import dev.dendrite.Layer;
import dev.dendrite.annotation.*;

@Network(loss = Loss.MSE)
abstract class ThrowingConstructorNet { // expect: DN106
  @Input(2) Layer in;
  @Dense(units = 1) Layer out;

  ThrowingConstructorNet() throws Exception {}
}
