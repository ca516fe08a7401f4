package corpus;

import static dev.dendrite.annotation.Activation.*;

import dev.dendrite.Layer;
import dev.dendrite.annotation.*;

@Network(loss = Loss.MSE)
sealed abstract class SealedNet permits SealedNet.Only { // expect: DN108
  @Input(2) Layer in;
  @Dense(units = 1) Layer out;

  static final class Only extends SealedNet {}
}
