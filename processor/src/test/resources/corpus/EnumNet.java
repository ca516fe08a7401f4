package corpus;

import static dev.dendrite.annotation.Activation.*;

import dev.dendrite.Layer;
import dev.dendrite.annotation.*;

@Network(loss = Loss.BINARY_CROSS_ENTROPY) // expect: DN101
enum EnumNet {
  A, B;
  @Input(2) Layer in;
  @Dense(units = 3, activation = SOFTMAX) Layer out; // expect: DN504
}
