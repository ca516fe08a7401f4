package corpus;

import static dev.dendrite.annotation.Activation.*;

import dev.dendrite.Layer;
import dev.dendrite.annotation.*;

abstract class StrayLayers {
  Layer plain;
  @Input(2) Layer in; // expect: DN206
  @Dense(units = 0) Layer out;

  interface Part {
    @Dropout(0.5) Layer drop = null; // expect: DN206
  }
}
