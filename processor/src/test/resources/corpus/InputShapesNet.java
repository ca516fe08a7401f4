package corpus;

import static dev.dendrite.annotation.Activation.*;

import dev.dendrite.Layer;
import dev.dendrite.annotation.*;

@Network(loss = Loss.MSE)
abstract class InputShapesNet {
  @Input({}) Layer empty; // expect: DN304
  @Input({4, -4}) Layer negative; // expect: DN302, DN304
  @Input({100000, 100000}) Layer huge; // expect: DN302, DN304
  @Dense(units = 1) Layer out;
}
