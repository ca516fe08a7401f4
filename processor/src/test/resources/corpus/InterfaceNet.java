package corpus;

import static dev.dendrite.annotation.Activation.*;

import dev.dendrite.Layer;
import dev.dendrite.annotation.*;

@Network(loss = Loss.MSE) // expect: DN101
interface InterfaceNet {
  @Input(2) Layer in = null;
  @Dense(units = 0) Layer out = null; // expect: DN401
}
