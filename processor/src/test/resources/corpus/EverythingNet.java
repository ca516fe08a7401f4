package corpus;

import static dev.dendrite.annotation.Activation.*;

import dev.dendrite.Layer;
import dev.dendrite.annotation.*;

@Network(loss = Loss.BINARY_CROSS_ENTROPY)
final class EverythingNet<T> { // expect: DN102, DN105, DN106
  @Dense(units = 0, activation = SOFTMAX) Layer first; // expect: DN401, DN502
  @Input({0}) @Dropout(5) private static Layer in; // expect: DN201, DN202, DN204, DN303, DN304, DN402
  @Dense(units = 4, activation = ELU, alpha = 0) Layer hidden; // expect: DN404
  @Dropout(-1) Layer drop; // expect: DN402
  @Dense(units = 10, activation = SOFTMAX) Layer out; // expect: DN504

  private EverythingNet() {}
  abstract void train(); // expect: DN109
}
