package corpus;

import static dev.dendrite.annotation.Activation.*;

import dev.dendrite.Layer;
import dev.dendrite.annotation.*;

// javac stops before annotation processing
@Network // expect: javac
abstract class MissingValuesNet {
  @Input Layer in; // expect: javac
  @Dense Layer out; // expect: javac
}
