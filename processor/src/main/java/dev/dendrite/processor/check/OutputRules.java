package dev.dendrite.processor.check;

import dev.dendrite.annotation.Activation;
import dev.dendrite.annotation.Loss;
import dev.dendrite.processor.model.FieldDecl;
import dev.dendrite.processor.model.LayerSpec;
import dev.dendrite.processor.model.NetworkDecl;
import java.util.List;

/** Rules on the output layer and on how the loss and the activations fit together. */
final class OutputRules implements Rule {

  static final String LAST_NOT_DENSE = "DN501";
  static final String SOFTMAX_HIDDEN = "DN502";
  static final String SOFTMAX_ONE_UNIT = "DN503";
  static final String BCE_OUTPUT = "DN504";
  static final String CCE_OUTPUT = "DN505";
  static final String MSE_SQUASHED = "DN506";

  @Override
  public void check(NetworkDecl network, Problems problems) {
    List<FieldDecl> fields = network.fields();
    if (fields.isEmpty()) {
      return;
    }
    for (int i = 0; i < fields.size() - 1; i++) {
      for (LayerSpec spec : fields.get(i).layers()) {
        if (spec instanceof LayerSpec.DenseSpec dense && dense.activation() == Activation.SOFTMAX) {
          problems.error(SOFTMAX_HIDDEN, dense.source(), "activation",
              "layer '" + fields.get(i).name() + "' is a hidden layer with SOFTMAX, but SOFTMAX"
                  + " belongs on the output layer only; use RELU or another activation here");
        }
      }
    }
    FieldDecl last = fields.get(fields.size() - 1);
    if (last.layers().isEmpty()) {
      return;
    }
    LayerSpec spec = last.layers().get(0);
    if (!(spec instanceof LayerSpec.DenseSpec out)) {
      if (fields.size() > 1 || !(spec instanceof LayerSpec.InputSpec)) {
        problems.error(LAST_NOT_DENSE, spec.source(), null,
            "the last layer '" + last.name() + "' is @" + spec.annotationName() + ", but a"
                + " network ends with a @Dense layer that produces its output; add one after '"
                + last.name() + "'");
      }
      return;
    }
    checkOutput(network.loss(), last.name(), out, problems);
  }

  private static void checkOutput(
      Loss loss, String name, LayerSpec.DenseSpec out, Problems problems) {
    Activation activation = out.activation();
    int units = out.units();
    if (units <= 0) {
      return;
    }
    String has = "'" + name + "' has " + units + (units == 1 ? " unit" : " units") + " with "
        + activation;
    if (activation == Activation.SOFTMAX && units == 1) {
      problems.error(SOFTMAX_ONE_UNIT, out.source(), "units",
          "layer " + has + ", but the softmax of a single value is always 1; use units = 1 with"
              + " SIGMOID and BINARY_CROSS_ENTROPY for two classes, or units >= 2 with SOFTMAX");
      return;
    }
    switch (loss) {
      case BINARY_CROSS_ENTROPY -> {
        if (activation != Activation.SIGMOID) {
          problems.error(BCE_OUTPUT, out.source(), "activation",
              "layer '" + name + "': BINARY_CROSS_ENTROPY needs SIGMOID outputs, but " + has
                  + (activation == Activation.SOFTMAX
                      ? "; use CATEGORICAL_CROSS_ENTROPY, or SIGMOID"
                      : "; use activation = SIGMOID")
                  + " (one unit per independent yes/no label)");
        }
      }
      case CATEGORICAL_CROSS_ENTROPY -> {
        if (activation != Activation.SOFTMAX) {
          problems.error(CCE_OUTPUT, out.source(), "activation",
              "layer '" + name + "': CATEGORICAL_CROSS_ENTROPY needs a SOFTMAX output of at least"
                  + " 2 units, but " + has
                  + (units == 1
                      ? "; use BINARY_CROSS_ENTROPY with SIGMOID for two classes"
                      : "; use activation = SOFTMAX"));
        }
      }
      case MSE -> {
        if (activation == Activation.SOFTMAX || activation == Activation.SIGMOID) {
          problems.warning(MSE_SQUASHED, out.source(), "activation",
              "layer " + has + " and MSE: squared error on " + activation + " outputs learns"
                  + " slowly when they saturate; for classification use "
                  + (activation == Activation.SOFTMAX
                      ? "CATEGORICAL_CROSS_ENTROPY"
                      : "BINARY_CROSS_ENTROPY")
                  + ", for regression a LINEAR output");
        }
      }
    }
  }
}
