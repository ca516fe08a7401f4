package corpus;

import static dev.dendrite.annotation.Activation.*;

import dev.dendrite.Layer;
import dev.dendrite.annotation.*;

// javac stops before annotation processing
@Network(loss = Loss.MSE)
abstract class WrongValueTypesNet {
  @Input(2.5) Layer in; // expect: javac
  @Dense(units = "ten") Layer hidden; // expect: javac
  @Dropout(rate = 0.5) Layer drop; // expect: javac, javac
  @Dense(units = 1) Layer out;
}
