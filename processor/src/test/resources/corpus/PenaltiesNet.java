package corpus;

import static dev.dendrite.annotation.Activation.*;

import dev.dendrite.Layer;
import dev.dendrite.annotation.*;

@Network(loss = Loss.MSE)
abstract class PenaltiesNet {
  @Input(2) Layer in;
  @Dense(units = 4, activation = RELU, l2 = -0.01) Layer negative; // expect: DN408
  @Dense(units = 4, l1 = Double.NaN) Layer notANumber; // expect: DN408
  @Dense(units = 4, l1 = -1) Layer negativeL1; // expect: DN408
  @Dense(units = 4, l2 = Double.POSITIVE_INFINITY) Layer infinite; // expect: DN408
  @Dense(units = 4, l1 = 0.001, l2 = 0.01) Layer fine;
  @Dense(units = 1) Layer out;
}
