package corpus;

import static dev.dendrite.annotation.Activation.*;

import dev.dendrite.Layer;
import dev.dendrite.annotation.*;

// generates: corpus.FlattenNetNet
@Network(loss = Loss.MSE)
abstract class FlattenNet {
  @Input({2, 3}) Layer grid;
  @Dropout(0.1) Layer noise;
  @Flatten Layer flat;
  @Flatten Layer again; // expect: DN610
  @Dense(units = 4, activation = RELU) Layer hidden;
  @Flatten Layer late; // expect: DN610
  @Dense(units = 1) Layer out;
}
