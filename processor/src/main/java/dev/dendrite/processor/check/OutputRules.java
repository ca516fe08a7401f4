package dev.dendrite.processor.check;

import dev.dendrite.annotation.Activation;
import dev.dendrite.annotation.Loss;
import dev.dendrite.processor.model.FieldDecl;
import dev.dendrite.processor.model.LayerSpec;
import dev.dendrite.processor.model.NetworkDecl;
import java.util.List;

/**
 * Rules on the output layer and on how the loss and the activations fit together (DN501 to
 * DN506). BINARY_CROSS_ENTROPY takes any number of SIGMOID outputs: each is an independent yes/no
 * label (multi-label classification).
 */
final class OutputRules implements Rule {

  @Override
  public void check(NetworkDecl network, Problems problems) {
    List<FieldDecl> fields = network.fields();
    if (fields.isEmpty()) {
      return;
    }
    for (int i = 0; i < fields.size() - 1; i++) {
      for (LayerSpec spec : fields.get(i).layers()) {
        if (spec instanceof LayerSpec.DenseSpec dense && dense.activation() == Activation.SOFTMAX) {
          problems.add(RuleId.DN502, dense.source(), "activation",
              "layer '" + fields.get(i).name() + "' is a hidden layer with SOFTMAX, but SOFTMAX"
                  + " turns the output of the last layer into probabilities and belongs there"
                  + " only; use RELU or another activation here");
        }
      }
    }
    FieldDecl last = fields.get(fields.size() - 1);
    LayerSpec spec = last.layers().get(0);
    if (!(spec instanceof LayerSpec.DenseSpec out)) {
      // A lone @Input is DN305.
      if (fields.size() > 1) {
        problems.add(RuleId.DN501, spec.source(), null,
            "the last layer '" + last.name() + "' is @" + spec.annotationName() + ", but a"
                + " network ends with a @Dense layer that produces its output; add a @Dense layer"
                + " after '" + last.name() + "'");
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
      problems.add(RuleId.DN503, out.source(), "units",
          "layer " + has + ", but the softmax of a single value is always 1, so the layer cannot"
              + " learn; for two classes use units = 1 with SIGMOID and BINARY_CROSS_ENTROPY, for"
              + " more use units >= 2 with SOFTMAX and CATEGORICAL_CROSS_ENTROPY");
      return;
    }
    switch (loss) {
      case BINARY_CROSS_ENTROPY -> {
        if (activation != Activation.SIGMOID) {
          problems.add(RuleId.DN504, out.source(), "activation",
              "layer '" + name + "': BINARY_CROSS_ENTROPY needs SIGMOID outputs, each the"
                  + " probability of one yes/no label, but " + has
                  + (activation == Activation.SOFTMAX
                      ? "; for one class out of " + units + " use CATEGORICAL_CROSS_ENTROPY, for"
                          + " independent labels activation = SIGMOID"
                      : "; use activation = SIGMOID"));
        }
      }
      case CATEGORICAL_CROSS_ENTROPY -> {
        if (activation != Activation.SOFTMAX) {
          problems.add(RuleId.DN505, out.source(), "activation",
              "layer '" + name + "': CATEGORICAL_CROSS_ENTROPY needs a SOFTMAX output of at least"
                  + " 2 units, but " + has
                  + (units == 1
                      ? "; for two classes use BINARY_CROSS_ENTROPY with SIGMOID, or units = 2"
                          + " with SOFTMAX"
                      : "; use activation = SOFTMAX"));
        }
      }
      case MSE -> {
        if (activation == Activation.SOFTMAX || activation == Activation.SIGMOID) {
          problems.add(RuleId.DN506, out.source(), "activation",
              "layer " + has + " and the loss is MSE: squared error on " + activation
                  + " outputs learns slowly where they saturate near 0 and 1; for classification"
                  + " use "
                  + (activation == Activation.SOFTMAX
                      ? "CATEGORICAL_CROSS_ENTROPY"
                      : "BINARY_CROSS_ENTROPY")
                  + ", for regression a LINEAR output");
        }
      }
    }
  }
}
