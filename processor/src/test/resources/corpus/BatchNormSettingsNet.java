package corpus;

import static dev.dendrite.annotation.Activation.*;

import dev.dendrite.Layer;
import dev.dendrite.annotation.*;

@Network(loss = Loss.BINARY_CROSS_ENTROPY)
abstract class BatchNormSettingsNet {
  @Input(6) Layer in;
  @Dense(units = 8, activation = TANH) Layer a;
  @BatchNorm(momentum = 0, epsilon = -1e-3) Layer aNorm; // expect: DN604, DN605
  @Dense(units = 8) Layer b; // expect: DN608
  @BatchNorm(activation = SOFTMAX) Layer bNorm; // expect: DN606
  @Dense(units = 8, activation = RELU) Layer c;
  @BatchNorm(activation = ELU, alpha = -1) Layer cNorm; // expect: DN404, DN607
  @Dense(units = 8, bias = false) Layer d;
  @BatchNorm(activation = TANH, alpha = 0.2) Layer dNorm; // expect: DN405
  @Dense(units = 1, activation = SIGMOID) Layer out;
}
