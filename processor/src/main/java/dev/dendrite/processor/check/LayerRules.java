package dev.dendrite.processor.check;

import dev.dendrite.annotation.Activation;
import dev.dendrite.processor.model.FieldDecl;
import dev.dendrite.processor.model.LayerSpec;
import dev.dendrite.processor.model.NetworkDecl;
import dev.dendrite.processor.model.SourceRef;

/**
 * Rules on the settings of each hidden or output layer (DN401 to DN405); the alpha of
 * {@code @BatchNorm}'s activation follows the same rules.
 */
final class LayerRules implements Rule {

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
      problems.add(RuleId.DN401, dense.source(), "units",
          "layer '" + name + "' has units = " + dense.units() + ", but a @Dense layer needs at"
              + " least 1 unit; set units to the number of values the layer outputs, e.g."
              + " units = 64");
    }
    if (dense.activation() != Activation.PRELU) { // PRELU's initial slope: DenseOptionRules
      checkAlpha("layer '" + name + "'", dense.activation(), dense.alpha(), dense.source(),
          "LEAKY_RELU, PRELU or ELU", problems);
    }
  }

  /**
   * The alpha of LEAKY_RELU and ELU, on {@code @Dense} and {@code @BatchNorm} alike: in range
   * (DN404), and written only where the activation takes one (DN405).
   *
   * @param layer the layer as messages name it, e.g. {@code layer 'hidden'}
   * @param alpha as written, {@code NaN} if not
   * @param others the activations that take an alpha, as the advice lists them
   */
  static void checkAlpha(String layer, Activation activation, double alpha, SourceRef source,
      String others, Problems problems) {
    if (Double.isNaN(alpha)) {
      return;
    }
    if (activation == Activation.LEAKY_RELU) {
      if (!(alpha >= 0 && alpha < 1)) {
        problems.add(RuleId.DN404, source, "alpha",
            layer + " has LEAKY_RELU with alpha = " + alpha + ", but alpha is its slope for"
                + " negative inputs and must lie in [0, 1); typical values are 0.01 to 0.3");
      }
    } else if (activation == Activation.ELU) {
      if (!(alpha > 0) || Double.isInfinite(alpha)) {
        problems.add(RuleId.DN404, source, "alpha",
            layer + " has ELU with alpha = " + alpha + ", but ELU's alpha is how far negative"
                + " inputs saturate below 0 and must be positive and finite; the usual value is"
                + " 1.0");
      }
    } else {
      problems.add(RuleId.DN405, source, "alpha",
          layer + " sets alpha = " + alpha + ", but " + activation + " takes no alpha, so it is"
              + " ignored; remove alpha, or use " + others);
    }
  }

  private static void checkDropout(String name, LayerSpec.DropoutSpec dropout, Problems problems) {
    double rate = dropout.rate();
    String why;
    if (Double.isNaN(rate)) {
      why = "NaN is not a probability";
    } else if (rate < 0) {
      why = "a probability cannot be negative";
    } else if (rate >= 1) {
      why = "a rate of 1 or more would drop every value";
    } else {
      if (rate == 0) {
        problems.add(RuleId.DN403, dropout.source(), "value",
            "layer '" + name + "' has dropout rate 0, so it drops nothing and does nothing;"
                + " remove the layer, or give a rate in (0, 1), e.g. @Dropout(0.2)");
      }
      return;
    }
    problems.add(RuleId.DN402, dropout.source(), "value",
        "layer '" + name + "' has dropout rate " + rate + ", but the rate is the probability of"
            + " dropping a value and must lie in [0, 1) (" + why + "); e.g. @Dropout(0.5)");
  }
}
