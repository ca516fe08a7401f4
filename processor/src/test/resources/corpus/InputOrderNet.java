package corpus;

import static dev.dendrite.annotation.Activation.*;

import dev.dendrite.Layer;
import dev.dendrite.annotation.*;

@Network(loss = Loss.MSE)
abstract class InputOrderNet {
  @Dense(units = 4, activation = RELU) Layer hidden;
  @Input(2) Layer in; // expect: DN303
  @Input(3) Layer again; // expect: DN302, DN501
}
