package dev.dendrite.processor.check;

import dev.dendrite.processor.model.FieldDecl;
import dev.dendrite.processor.model.LayerSpec;
import dev.dendrite.processor.model.NetworkDecl;

/** Rules on the weight penalties of {@code @Dense} layers (DN408). */
final class PenaltyRules implements Rule {

  @Override
  public void check(NetworkDecl network, Problems problems) {
    for (FieldDecl field : network.fields()) {
      for (LayerSpec spec : field.layers()) {
        if (spec instanceof LayerSpec.DenseSpec dense) {
          checkPenalty(field.name(), "l1", dense.l1(), dense, problems);
          checkPenalty(field.name(), "l2", dense.l2(), dense, problems);
        }
      }
    }
  }

  private static void checkPenalty(
      String name, String attribute, double value, LayerSpec.DenseSpec dense, Problems problems) {
    if (!(value >= 0) || Double.isInfinite(value)) {
      problems.add(RuleId.DN408, dense.source(), attribute,
          "layer '" + name + "' has " + attribute + " = " + value + ", but a weight penalty"
              + " must be finite and at least 0; typical values are 1e-5 to 1e-2, and 0 turns"
              + " it off");
    }
  }
}
