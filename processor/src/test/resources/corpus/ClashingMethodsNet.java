package corpus;

import static dev.dendrite.annotation.Activation.*;

import dev.dendrite.Layer;
import dev.dendrite.annotation.*;

@Network(loss = Loss.MSE)
abstract class ClashingMethodsNet {
  @Input(2) Layer in;
  @Dense(units = 4, activation = RELU) Layer hidden;
  @Dense(units = 1) Layer out;

  public java.util.List<dev.dendrite.Tensor> parameters() { return null; } // expect: DN110
  abstract float backward(float[] target); // expect: DN109
  static long randomState() { return 0; } // expect: DN110
  abstract int loss(); // expect: DN110
  abstract long inputSize(); // expect: DN109
  private void ensureCapacity(int n) {}
}
