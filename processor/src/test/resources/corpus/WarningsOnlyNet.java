package corpus;

import static dev.dendrite.annotation.Activation.*;

import dev.dendrite.Layer;
import dev.dendrite.annotation.*;

// generates: corpus.WarningsOnlyNetNet
@Network(loss = Loss.MSE)
abstract class WarningsOnlyNet {
  @Input(2) Layer in;
  @Dropout(0) Layer nothing; // expect: DN403
  @Dense(units = 4, activation = RELU, alpha = 0.3) Layer hidden; // expect: DN405
  @Dense(units = 3, activation = SOFTMAX) Layer out; // expect: DN506
}
