package dev.dendrite.processor.check;

import dev.dendrite.annotation.Activation;
import dev.dendrite.processor.model.FieldDecl;
import dev.dendrite.processor.model.LayerSpec;
import dev.dendrite.processor.model.NetworkDecl;

/** Rules on the settings of each hidden or output layer. */
final class LayerRules implements Rule {

  static final String UNITS = "DN401";
  static final String DROPOUT_RATE = "DN402";
  static final String DROPOUT_ZERO = "DN403";
  static final String ALPHA_RANGE = "DN404";
  static final String ALPHA_UNUSED = "DN405";

  @Override
  public void check(NetworkDecl network, Problems problems) {
    for (FieldDecl field : network.fields()) {
      for (LayerSpec spec : field.layers()) {
        if (spec instanceof LayerSpec.DenseSpec dense) {
          checkDense(field.name(), dense, problems);
        } else if (spec instanceof LayerSpec.DropoutSpec dropout) {
          checkDropout(field.name(), dropout, problems);
        }
      }
    }
  }

  private static void checkDense(String name, LayerSpec.DenseSpec dense, Problems problems) {
    if (dense.units() <= 0) {
      problems.error(UNITS, dense.source(), "units",
          "layer '" + name + "' has units = " + dense.units() + ", but a @Dense layer needs at"
              + " least 1 unit; set units to the size of the layer's output");
    }
    double alpha = dense.alpha();
    if (Double.isNaN(alpha)) {
      return;
    }
    Activation activation = dense.activation();
    if (activation == Activation.PRELU) {
      return; // the initial slope, checked by DenseOptionRules
    }
    if (activation == Activation.LEAKY_RELU) {
      if (!(alpha >= 0 && alpha < 1)) {
        problems.error(ALPHA_RANGE, dense.source(), "alpha",
            "layer '" + name + "' has LEAKY_RELU with alpha = " + alpha + ", but its negative"
                + " slope must lie in [0, 1); typical values are 0.01 to 0.3");
      }
    } else if (activation == Activation.ELU) {
      if (!(alpha > 0) || Double.isInfinite(alpha)) {
        problems.error(ALPHA_RANGE, dense.source(), "alpha",
            "layer '" + name + "' has ELU with alpha = " + alpha + ", but ELU's alpha must be"
                + " positive and finite; the usual value is 1.0");
      }
    } else {
      problems.warning(ALPHA_UNUSED, dense.source(), "alpha",
          "layer '" + name + "' sets alpha = " + alpha + ", but " + activation + " takes no"
              + " alpha, so it is ignored; remove it, or use LEAKY_RELU, PRELU or ELU");
    }
  }

  private static void checkDropout(String name, LayerSpec.DropoutSpec dropout, Problems problems) {
    double rate = dropout.rate();
    if (Double.isNaN(rate) || rate < 0 || rate >= 1) {
      problems.error(DROPOUT_RATE, dropout.source(), "value",
          "layer '" + name + "' has dropout rate " + rate + ", but the rate is the probability"
              + " of dropping a value and must lie in [0, 1); e.g. @Dropout(0.5)");
    } else if (rate == 0) {
      problems.warning(DROPOUT_ZERO, dropout.source(), "value",
          "layer '" + name + "' has dropout rate 0, so it drops nothing; remove the layer or"
              + " give a rate in (0, 1)");
    }
  }
}
