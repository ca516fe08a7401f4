package corpus;

import static dev.dendrite.annotation.Activation.*;

import dev.dendrite.Layer;
import dev.dendrite.annotation.*;

abstract class StrayNewLayers {
  @Flatten Layer flat; // expect: DN206
  @BatchNorm Layer norm;
}
