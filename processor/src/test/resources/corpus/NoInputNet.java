package corpus;

import static dev.dendrite.annotation.Activation.*;

import dev.dendrite.Layer;
import dev.dendrite.annotation.*;

@Network(loss = Loss.MSE) // expect: DN301
abstract class NoInputNet {
  @Dense(units = 4, activation = RELU) Layer hidden;
  @Dropout(0.5) Layer drop;
  @Dense(units = 1) Layer out;
}
