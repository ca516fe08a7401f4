package dev.dendrite.processor.check;

import dev.dendrite.annotation.Activation;
import dev.dendrite.annotation.Init;
import dev.dendrite.processor.model.FieldDecl;
import dev.dendrite.processor.model.LayerSpec;
import dev.dendrite.processor.model.NetworkDecl;

/**
 * Rules on the options of {@code @Dense}: PRELU's slopes (DN611, DN612) and the weight
 * initialiser (DN613, DN614).
 */
final class DenseOptionRules implements Rule {


  @Override
  public void check(NetworkDecl network, Problems problems) {
    for (FieldDecl field : network.fields()) {
      for (LayerSpec spec : field.layers()) {
        if (spec instanceof LayerSpec.DenseSpec dense) {
          checkPrelu(field.name(), dense, problems);
          checkInit(field.name(), dense, problems);
        }
      }
    }
  }

  private static void checkPrelu(String name, LayerSpec.DenseSpec dense, Problems problems) {
    if (dense.activation() == Activation.PRELU) {
      double alpha = dense.alpha();
      if (Double.isInfinite(alpha)) {
        problems.add(RuleId.DN611, dense.source(), "alpha",
            "layer '" + name + "' has PRELU with alpha = " + alpha + ", but alpha is the"
                + " initial value of the learned slopes and must be finite; the usual value is"
                + " 0.25");
      }
    } else if (dense.preluMode() != null) {
      problems.add(RuleId.DN612, dense.source(), "preluMode",
          "layer '" + name + "' sets preluMode = " + dense.preluMode() + ", but its activation"
              + " is " + dense.activation() + ", which learns no slope, so it is ignored; remove"
              + " preluMode, or use activation = PRELU");
    }
  }

  private static void checkInit(String name, LayerSpec.DenseSpec dense, Problems problems) {
    Init init = dense.init();
    double scale = dense.initScale();
    boolean written = !Double.isNaN(scale);
    if (init == Init.NORMAL || init == Init.UNIFORM) {
      if (written && (!(scale > 0) || Double.isInfinite(scale))) {
        problems.add(RuleId.DN613, dense.source(), "initScale",
            "layer '" + name + "' has init = " + init + " with initScale = " + scale + ", but"
                + " the " + (init == Init.NORMAL
                    ? "standard deviation of the weights"
                    : "range of the weights, +-initScale,")
                + " must be positive and finite; e.g. initScale = 0.05");
      }
    } else if (written) {
      String does = switch (init) {
        case DEFAULT -> "picks He or Glorot initialisation by the activation, which computes its"
            + " own scale";
        case ZEROS -> "sets every weight to 0";
        default -> "computes its own scale";
      };
      problems.add(RuleId.DN614, dense.source(), "initScale",
          "layer '" + name + "' sets initScale = " + scale + ", but init = " + init + " " + does
              + " and ignores it; remove initScale, or use init = NORMAL or UNIFORM");
    }
  }
}
