package dev.dendrite.processor.check;

import dev.dendrite.annotation.Activation;
import dev.dendrite.annotation.PreluMode;
import dev.dendrite.processor.model.FieldDecl;
import dev.dendrite.processor.model.LayerSpec;
import dev.dendrite.processor.model.NetworkDecl;
import java.util.Arrays;
import java.util.List;

/**
 * Rules on the shapes flowing from the input to the output, checked as far as the layers are
 * valid: a {@code @Dense} layer takes a vector, so a multi-dimensional input needs a
 * {@code @Flatten} before the first one (DN306), and its parameters fit in Java arrays (DN407).
 * {@code @Dropout} and {@code @BatchNorm} keep the shape they receive; {@code @Flatten} turns it
 * into a vector.
 */
final class ShapeRules implements Rule {

  @Override
  public void check(NetworkDecl network, Problems problems) {
    List<FieldDecl> fields = network.fields();
    if (fields.isEmpty() || !(fields.get(0).layers().get(0) instanceof LayerSpec.InputSpec in)) {
      return;
    }
    int[] shape = in.shape();
    if (shape.length == 0 || Arrays.stream(shape).anyMatch(d -> d <= 0)
        || InputRules.size(shape) > Integer.MAX_VALUE) {
      return;
    }
    String from = fields.get(0).name();
    for (FieldDecl field : fields.subList(1, fields.size())) {
      LayerSpec spec = field.layers().get(0);
      if (spec instanceof LayerSpec.InputSpec) {
        return;
      }
      if (spec instanceof LayerSpec.FlattenSpec) {
        shape = new int[] {(int) InputRules.size(shape)};
        from = field.name();
      } else if (spec instanceof LayerSpec.DenseSpec dense) {
        long size = InputRules.size(shape);
        if (shape.length > 1) {
          problems.add(RuleId.DN306, dense.source(), null,
              "layer '" + field.name() + "' is @Dense, which takes a vector of values, but its"
                  + " input has shape " + Arrays.toString(shape) + " (from '" + from + "');"
                  + " add '@Flatten Layer flat;' before '" + field.name() + "', which passes"
                  + " each sample on as its " + size + " values in row-major order, or declare"
                  + " @Input(" + size + ")");
        }
        if (dense.units() <= 0) {
          return;
        }
        checkParameterCount(field.name(), dense, size, problems);
        shape = new int[] {dense.units()};
        from = field.name();
      }
    }
  }

  private static void checkParameterCount(
      String name, LayerSpec.DenseSpec dense, long inputs, Problems problems) {
    long units = dense.units();
    boolean slopes = dense.activation() == Activation.PRELU;
    long parameters = inputs * units + (dense.bias() ? units : 0)
        + (!slopes ? 0 : dense.preluMode() == PreluMode.SHARED ? 1 : units);
    if (parameters <= Integer.MAX_VALUE) {
      return;
    }
    String parts = dense.bias()
        ? (slopes ? "weights, biases and PRELU slopes" : "weights and biases")
        : (slopes ? "weights and PRELU slopes" : "weights");
    problems.add(RuleId.DN407, dense.source(), "units",
        "layer '" + name + "' maps " + String.format("%,d", inputs) + " inputs to "
            + String.format("%,d", units) + " units, " + String.format("%,d", parameters)
            + " parameters (" + parts + "), more than the "
            + String.format("%,d", Integer.MAX_VALUE) + " a Java array can index; use fewer"
            + " units, or fewer inputs to '" + name + "'");
  }
}
