package dev.dendrite.processor.check;

import dev.dendrite.annotation.Activation;
import dev.dendrite.annotation.Init;
import dev.dendrite.processor.model.FieldDecl;
import dev.dendrite.processor.model.LayerSpec;
import dev.dendrite.processor.model.NetworkDecl;

/** Rules on the options of {@code @Dense}: PRELU's slopes and the weight initialiser. */
final class DenseOptionRules implements Rule {

  static final String PRELU_ALPHA = "DN611";
  static final String PRELU_MODE_UNUSED = "DN612";
  static final String INIT_SCALE = "DN613";
  static final String INIT_SCALE_UNUSED = "DN614";

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
        problems.error(PRELU_ALPHA, dense.source(), "alpha",
            "layer '" + name + "' has PRELU with alpha = " + alpha + ", but alpha is the"
                + " initial value of the learned slopes and must be finite; the usual value is"
                + " 0.25");
      }
    } else if (dense.preluMode() != null) {
      problems.warning(PRELU_MODE_UNUSED, dense.source(), "preluMode",
          "layer '" + name + "' sets preluMode = " + dense.preluMode() + ", but its activation"
              + " is " + dense.activation() + ", which learns no slope, so it is ignored; remove"
              + " it, or use activation = PRELU");
    }
  }

  private static void checkInit(String name, LayerSpec.DenseSpec dense, Problems problems) {
    Init init = dense.init();
    double scale = dense.initScale();
    boolean written = !Double.isNaN(scale);
    if (init == Init.NORMAL || init == Init.UNIFORM) {
      if (written && (!(scale > 0) || Double.isInfinite(scale))) {
        problems.error(INIT_SCALE, dense.source(), "initScale",
            "layer '" + name + "' has init = " + init + " with initScale = " + scale + ", but"
                + " the " + (init == Init.NORMAL ? "standard deviation" : "range")
                + " must be positive and finite; e.g. initScale = 0.05");
      }
    } else if (written) {
      problems.warning(INIT_SCALE_UNUSED, dense.source(), "initScale",
          "layer '" + name + "' sets initScale = " + scale + ", but init = " + init
              + (init == Init.DEFAULT || init == Init.ZEROS ? "" : " computes its own scale")
              + " and ignores it; remove it, or use init = NORMAL or UNIFORM");
    }
  }
}
