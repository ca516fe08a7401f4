package corpus;

import static dev.dendrite.annotation.Activation.*;

import dev.dendrite.Layer;
import dev.dendrite.annotation.*;

@Network(loss = Loss.MSE)
abstract class MissingTypesNet extends NoSuchBase { // expect: javac
  @Input(2) Layr in; // expect: javac
  @Dense(units = -3) Layer out; // expect: DN401
}
