package dev.dendrite.processor.check;

import dev.dendrite.annotation.Activation;
import dev.dendrite.processor.model.FieldDecl;
import dev.dendrite.processor.model.LayerSpec;
import dev.dendrite.processor.model.NetworkDecl;
import java.util.List;

/**
 * Rules on {@code @BatchNorm}: where it may stand (after a {@code @Dense}), its momentum, epsilon
 * and activation, and how it fits with the dense layer it normalizes.
 */
final class BatchNormRules implements Rule {

  static final String NOT_AFTER_DENSE = "DN601";
  static final String AFTER_BATCH_NORM = "DN602";
  static final String AFTER_DROPOUT = "DN603";
  static final String MOMENTUM = "DN604";
  static final String EPSILON = "DN605";
  static final String ACTIVATION = "DN606";
  static final String TWO_ACTIVATIONS = "DN607";
  static final String CANCELLED_BIAS = "DN608";

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
      problems.error(AFTER_BATCH_NORM, norm.source(), null,
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
      problems.error(NOT_AFTER_DENSE, norm.source(), null,
          "@BatchNorm layer '" + name + "' " + what + ", but batch normalization normalizes the"
              + " units of a @Dense layer; put it after a @Dense layer (to scale the input"
              + " features, standardize the data before training)");
      return;
    }
    String denseName = fields.get(before).name();
    if (before < index - 1) {
      problems.warning(AFTER_DROPOUT, norm.source(), null,
          "@BatchNorm layer '" + name + "' comes after @Dropout layer '"
              + fields.get(index - 1).name() + "': its running statistics are gathered with"
              + " dropout in training but used without it in inference, so predictions shift;"
              + " put the @Dropout after '" + name + "'");
    }
    Activation own = norm.activation();
    if (dense.activation() != Activation.LINEAR && own != Activation.LINEAR) {
      problems.warning(TWO_ACTIVATIONS, norm.source(), "activation",
          "@BatchNorm layer '" + name + "' applies " + own + " after @Dense layer '" + denseName
              + "' has already applied " + dense.activation() + "; to normalize before the"
              + " activation declare '" + denseName + "' with activation = LINEAR, otherwise"
              + " leave " + name + "'s activation at LINEAR");
    }
    if (dense.activation() == Activation.LINEAR && dense.bias() && before == index - 1) {
      problems.warning(CANCELLED_BIAS, dense.source(), null,
          "@Dense layer '" + denseName + "' is LINEAR with a bias, but @BatchNorm layer '" + name
              + "' subtracts the batch mean right after it, which cancels the bias (its gradient"
              + " is always 0); declare '" + denseName + "' with bias = false, since the beta of"
              + " '" + name + "' shifts the values instead");
    }
  }

  private static void checkSettings(String name, LayerSpec.BatchNormSpec norm, Problems problems) {
    double momentum = norm.momentum();
    if (!(momentum > 0 && momentum < 1)) {
      problems.error(MOMENTUM, norm.source(), "momentum",
          "@BatchNorm layer '" + name + "' has momentum = " + momentum + ", but the momentum is"
              + " the weight of the old running statistics in each update and must lie in"
              + " (0, 1); the usual values are 0.9 to 0.999 (default 0.99)");
    }
    double epsilon = norm.epsilon();
    if (!(epsilon > 0) || Double.isInfinite(epsilon)) {
      problems.error(EPSILON, norm.source(), "epsilon",
          "@BatchNorm layer '" + name + "' has epsilon = " + epsilon + ", but epsilon keeps the"
              + " division by sqrt(variance + epsilon) finite and must be positive and finite;"
              + " the default is 0.001");
    }
    Activation activation = norm.activation();
    if (activation == Activation.SOFTMAX || activation == Activation.PRELU) {
      problems.error(ACTIVATION, norm.source(), "activation",
          "@BatchNorm layer '" + name + "' has activation = " + activation + ", which a"
              + " @BatchNorm layer does not offer"
              + (activation == Activation.SOFTMAX
                  ? " (SOFTMAX belongs on the output @Dense layer)"
                  : "; for a learned slope put the activation on a @Dense layer")
              + "; use an element-wise activation such as RELU");
      return;
    }
    double alpha = norm.alpha();
    if (Double.isNaN(alpha)) {
      return;
    }
    if (activation == Activation.LEAKY_RELU) {
      if (!(alpha >= 0 && alpha < 1)) {
        problems.error(LayerRules.ALPHA_RANGE, norm.source(), "alpha",
            "@BatchNorm layer '" + name + "' has LEAKY_RELU with alpha = " + alpha + ", but its"
                + " negative slope must lie in [0, 1); typical values are 0.01 to 0.3");
      }
    } else if (activation == Activation.ELU) {
      if (!(alpha > 0) || Double.isInfinite(alpha)) {
        problems.error(LayerRules.ALPHA_RANGE, norm.source(), "alpha",
            "@BatchNorm layer '" + name + "' has ELU with alpha = " + alpha + ", but ELU's alpha"
                + " must be positive and finite; the usual value is 1.0");
      }
    } else {
      problems.warning(LayerRules.ALPHA_UNUSED, norm.source(), "alpha",
          "@BatchNorm layer '" + name + "' sets alpha = " + alpha + ", but " + activation
              + " takes no alpha, so it is ignored; remove it, or use LEAKY_RELU or ELU");
    }
  }
}
