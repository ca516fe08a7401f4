package corpus;

import static dev.dendrite.annotation.Activation.*;

import dev.dendrite.Layer;
import dev.dendrite.annotation.*;

@Network(loss = Loss.MSE)
abstract class DropoutRatesNet {
  @Input(2) Layer in;
  @Dropout(Double.NaN) Layer nan; // expect: DN402
  @Dense(units = 4, activation = RELU) Layer hidden;
  @Dropout(-0.25) Layer negative; // expect: DN402
  @Dropout(1) Layer all; // expect: DN402
  @Dropout(0.0) Layer none; // expect: DN403
  @Dense(units = 1) Layer out;
}
