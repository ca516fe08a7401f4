package dev.dendrite.processor.check;

import dev.dendrite.processor.model.FieldDecl;
import dev.dendrite.processor.model.LayerSpec;
import dev.dendrite.processor.model.NetworkDecl;
import java.util.Arrays;
import java.util.List;

/**
 * Rules on the shapes flowing from the input to the output, checked as far as the layers are
 * valid: a {@code @Dense} layer takes a vector (DN306), and its parameters fit in Java arrays
 * (DN407).
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
      if (spec instanceof LayerSpec.DenseSpec dense) {
        long size = InputRules.size(shape);
        if (shape.length > 1) {
          problems.add(RuleId.DN306, dense.source(), null,
              "layer '" + field.name() + "' is @Dense, which takes a vector of values, but its"
                  + " input has shape " + Arrays.toString(shape) + " (from '" + from + "');"
                  + " declare @Input(" + size + ") and pass each sample as " + size
                  + " values in row-major order");
        }
        if (dense.units() <= 0) {
          return;
        }
        long parameters = size * dense.units() + dense.units();
        if (parameters > Integer.MAX_VALUE) {
          problems.add(RuleId.DN407, dense.source(), "units",
              "layer '" + field.name() + "' maps " + String.format("%,d", size) + " inputs to "
                  + String.format("%,d", dense.units()) + " units, "
                  + String.format("%,d", parameters) + " parameters (weights and biases), more"
                  + " than the " + String.format("%,d", Integer.MAX_VALUE) + " a Java array can"
                  + " index; use fewer units, or fewer inputs to '" + field.name() + "'");
        }
        shape = new int[] {dense.units()};
        from = field.name();
      }
    }
  }
}
