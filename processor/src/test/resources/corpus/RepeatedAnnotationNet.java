package corpus;

import static dev.dendrite.annotation.Activation.*;

import dev.dendrite.Layer;
import dev.dendrite.annotation.*;

// javac stops before annotation processing
@Network(loss = Loss.MSE)
abstract class RepeatedAnnotationNet {
  @Input(2) Layer in;
  @Dense(units = 4, activation = RELU) @Dense(units = 4) Layer twice; // expect: javac
  @Dense(units = 0) Layer out;
}
