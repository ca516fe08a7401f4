package corpus;

import static dev.dendrite.annotation.Activation.*;

import dev.dendrite.Layer;
import dev.dendrite.annotation.*;

// Methods named like the generated network's own: reported once nothing else is wrong.
@Network(loss = Loss.MSE)
abstract class ClashingKernelsNet {
  @Input(2) Layer in;
  @Dense(units = 4, activation = RELU) Layer hidden;
  @Dropout(0.5) Layer drop;
  @Dense(units = 1) Layer out;

  final float[][] outForward(float[][] in, int from, int to) { return in; } // expect: DN110
  static void outInputGradient(int from, int to) {} // expect: DN110
  public long randomState() { return 1; } // expect: DN110
  private void ensureCapacity(int n) {}
}
