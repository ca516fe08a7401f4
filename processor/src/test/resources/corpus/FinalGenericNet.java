package corpus;

import static dev.dendrite.annotation.Activation.*;

import dev.dendrite.Layer;
import dev.dendrite.annotation.*;

@Network(loss = Loss.MSE)
final class FinalGenericNet<T extends Number> { // expect: DN102, DN105, DN106
  @Input(2) Layer in;
  @Dense(units = 1) Layer out;

  FinalGenericNet(T seed) {}
}
