package dev.dendrite.processor.check;

import dev.dendrite.annotation.Activation;
import dev.dendrite.processor.model.FieldDecl;
import dev.dendrite.processor.model.LayerSpec;
import dev.dendrite.processor.model.NetworkDecl;
import java.util.List;

/**
 * Rules on {@code @BatchNorm}: where it may stand, after a {@code @Dense} (DN601 to DN603), its
 * momentum, epsilon and activation (DN604 to DN606, and DN404, DN405 for the activation's alpha
 * as on {@code @Dense}), and how it fits with the dense layer it normalizes (DN607, DN608).
 */
final class BatchNormRules implements Rule {

  @Override
  public void check(NetworkDecl network, Problems problems) {
    List<FieldDecl> fields = network.fields();
    for (int i = 0; i < fields.size(); i++) {
      for (LayerSpec spec : fields.get(i).layers()) {
        if (spec instanceof LayerSpec.BatchNormSpec norm) {
          String name = fields.get(i).name();
          checkPlace(name, norm, fields, i, problems);
          checkSettings(name, norm, problems);
        }
      }
    }
  }

  /** The first layer annotation of {@code field}, or {@code null}. */
  private static LayerSpec first(FieldDecl field) {
    return field.layers().isEmpty() ? null : field.layers().get(0);
  }

  private static void checkPlace(
      String name, LayerSpec.BatchNormSpec norm, List<FieldDecl> fields, int index,
      Problems problems) {
    int before = index - 1;
    while (before >= 0 && first(fields.get(before)) instanceof LayerSpec.DropoutSpec) {
      before--;
    }
    LayerSpec previous = before < 0 ? null : first(fields.get(before));
    if (previous instanceof LayerSpec.BatchNormSpec) {
      problems.add(RuleId.DN602, norm.source(), null,
          "@BatchNorm layer '" + name + "' follows @BatchNorm layer '"
              + fields.get(before).name() + "', which has already normalized the same values;"
              + " remove one of them, or put a @Dense layer between them");
      return;
    }
    if (!(previous instanceof LayerSpec.DenseSpec dense)) {
      String what = previous == null
          ? "is the first layer"
          : "comes after @" + previous.annotationName() + " layer '" + fields.get(before).name()
              + "'";
      problems.add(RuleId.DN601, norm.source(), null,
          "@BatchNorm layer '" + name + "' " + what + ", but batch normalization normalizes the"
              + " units of a @Dense layer; put it after a @Dense layer (to scale the input"
              + " features, standardize the data before training)");
      return;
    }
    String denseName = fields.get(before).name();
    if (before < index - 1) {
      problems.add(RuleId.DN603, norm.source(), null,
          "@BatchNorm layer '" + name + "' comes after @Dropout layer '"
              + fields.get(index - 1).name() + "': its running statistics are gathered with"
              + " dropout in training but used without it in inference, so predictions shift;"
              + " put the @Dropout after '" + name + "'");
    }
    Activation own = norm.activation();
    if (dense.activation() != Activation.LINEAR && own != Activation.LINEAR) {
      problems.add(RuleId.DN607, norm.source(), "activation",
          "@BatchNorm layer '" + name + "' applies " + own + " after @Dense layer '" + denseName
              + "' has already applied " + dense.activation() + "; to normalize before the"
              + " activation declare '" + denseName + "' with activation = LINEAR and bias ="
              + " false, otherwise leave the activation of '" + name + "' at LINEAR");
    }
    if (dense.activation() == Activation.LINEAR && dense.bias() && before == index - 1) {
      problems.add(RuleId.DN608, dense.source(), null,
          "@Dense layer '" + denseName + "' is LINEAR with a bias, but @BatchNorm layer '" + name
              + "' subtracts the batch mean right after it, which cancels the bias (its gradient"
              + " is always 0); declare '" + denseName + "' with bias = false, since the beta of"
              + " '" + name + "' shifts the values instead");
    }
  }

  private static void checkSettings(String name, LayerSpec.BatchNormSpec norm, Problems problems) {
    double momentum = norm.momentum();
    if (!(momentum > 0 && momentum < 1)) {
      problems.add(RuleId.DN604, norm.source(), "momentum",
          "@BatchNorm layer '" + name + "' has momentum = " + momentum + ", but the momentum is"
              + " the weight of the old running statistics in each update and must lie in"
              + " (0, 1); the usual values are 0.9 to 0.999 (default 0.99)");
    }
    double epsilon = norm.epsilon();
    if (!(epsilon > 0) || Double.isInfinite(epsilon)) {
      problems.add(RuleId.DN605, norm.source(), "epsilon",
          "@BatchNorm layer '" + name + "' has epsilon = " + epsilon + ", but epsilon keeps the"
              + " division by sqrt(variance + epsilon) finite and must be positive and finite;"
              + " the default is 0.001");
    }
    Activation activation = norm.activation();
    if (activation == Activation.SOFTMAX || activation == Activation.PRELU) {
      problems.add(RuleId.DN606, norm.source(), "activation",
          "@BatchNorm layer '" + name + "' has activation = " + activation + ", which a"
              + " @BatchNorm layer does not offer"
              + (activation == Activation.SOFTMAX
                  ? " (SOFTMAX belongs on the output @Dense layer); use an element-wise"
                      + " activation such as RELU"
                  : "; for learned slopes put PRELU on a @Dense layer, or use an element-wise"
                      + " activation here such as RELU"));
      return;
    }
    LayerRules.checkAlpha("@BatchNorm layer '" + name + "'", activation, norm.alpha(),
        norm.source(), "LEAKY_RELU or ELU", problems);
  }
}
