package corpus;

import static dev.dendrite.annotation.Activation.*;

import dev.dendrite.Layer;
import dev.dendrite.annotation.*;

@Network(loss = Loss.CATEGORICAL_CROSS_ENTROPY) // expect: DN305
abstract class OnlyInputNet {
  @Input(784) Layer pixels;
}
