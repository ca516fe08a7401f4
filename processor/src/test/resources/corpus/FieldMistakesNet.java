package corpus;

import static dev.dendrite.annotation.Activation.*;

import dev.dendrite.Layer;
import dev.dendrite.annotation.*;

@Network(loss = Loss.MSE)
abstract class FieldMistakesNet {
  @Input(2) Layer in;
  @Dense(units = 4, activation = RELU) @Dropout(0.5) Layer both; // expect: DN201
  @Dense(units = 4, activation = RELU) static Layer shared; // expect: DN202
  @Dense(units = 4, activation = RELU) final Layer fixed = null; // expect: DN203
  @Dense(units = 4, activation = RELU) private Layer secret; // expect: DN204
  @Dense(units = 4, activation = RELU) String named; // expect: DN205
  @Dense(units = 1) Layer out;
}
