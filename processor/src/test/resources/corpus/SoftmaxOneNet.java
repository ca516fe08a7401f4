package corpus;

import static dev.dendrite.annotation.Activation.*;

import dev.dendrite.Layer;
import dev.dendrite.annotation.*;

@Network(loss = Loss.CATEGORICAL_CROSS_ENTROPY)
abstract class SoftmaxOneNet {
  @Input(2) Layer in;
  @Dense(units = 1, activation = SOFTMAX) Layer out; // expect: DN503
}
