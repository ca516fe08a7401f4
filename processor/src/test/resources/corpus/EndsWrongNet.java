package corpus;

import static dev.dendrite.annotation.Activation.*;

import dev.dendrite.Layer;
import dev.dendrite.annotation.*;

@Network(loss = Loss.MSE)
abstract class EndsWrongNet {
  @Input(2) Layer in;
  @Dense(units = 4, activation = SOFTMAX) Layer hidden; // expect: DN502
  @Dense(units = 4, activation = SOFTMAX) Layer second; // expect: DN502
  @Dropout(0.5) Layer drop; // expect: DN501
}
