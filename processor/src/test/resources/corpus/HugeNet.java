package corpus;

import static dev.dendrite.annotation.Activation.*;

import dev.dendrite.Layer;
import dev.dendrite.annotation.*;

@Network(loss = Loss.MSE)
abstract class HugeNet {
  @Input(1_000_000) Layer in;
  @Dense(units = 4_000, activation = RELU) Layer wide; // expect: DN407
  @Dense(units = 1_000_000, activation = RELU) Layer wider; // expect: DN407
  @Dense(units = 1) Layer out;
}
