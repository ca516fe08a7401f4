package corpus;

import static dev.dendrite.annotation.Activation.*;

import dev.dendrite.Layer;
import dev.dendrite.annotation.*;

@Network(loss = Loss.CATEGORICAL_CROSS_ENTROPY)
abstract class OddNamesNet {
  @Input(4) Layer INPUT;
  @Dense(units = 8, activation = RELU) Layer $dollar; // expect: DN208
  @Dense(units = 8, activation = RELU) Layer données;
  @Dense(units = 3, activation = SOFTMAX) Layer Math; // expect: DN112
}
