package dev.dendrite.processor.check;

import dev.dendrite.processor.model.FieldDecl;
import dev.dendrite.processor.model.LayerSpec;
import dev.dendrite.processor.model.NetworkDecl;
import java.util.List;

/**
 * Rules on {@code @Flatten}: it only makes sense on a multi-dimensional sample, that is after a
 * multi-dimensional {@code @Input} (and any {@code @Dropout} layers on it) (DN610). That a
 * {@code @Dense} layer needs it there is a shape rule (DN306, {@link ShapeRules}).
 */
final class FlattenRules implements Rule {

  @Override
  public void check(NetworkDecl network, Problems problems) {
    // The shape of a sample, null before the input. Where the input is missing, out of place or
    // malformed, other rules report that and this one waits.
    int[] shape = null;
    for (FieldDecl field : network.fields()) {
      if (field.layers().isEmpty()) {
        continue;
      }
      LayerSpec spec = field.layers().get(0);
      if (spec instanceof LayerSpec.InputSpec input) {
        shape = input.shape();
      } else if (spec instanceof LayerSpec.DenseSpec dense) {
        shape = new int[] {dense.units()};
      } else if (spec instanceof LayerSpec.FlattenSpec flatten) {
        if (shape != null && shape.length == 1 && shape[0] > 0) {
          problems.add(RuleId.DN610, flatten.source(), null,
              "@Flatten layer '" + field.name() + "' has no effect: its input is already a"
                  + " vector of " + shape[0] + " values; remove it (only a multi-dimensional"
                  + " @Input such as @Input({28, 28}) needs @Flatten before its first @Dense"
                  + " layer)");
        } else if (shape != null && shape.length > 1) {
          shape = new int[] {(int) Math.min(InputRules.size(shape), Integer.MAX_VALUE)};
        }
      }
      // @Dropout and @BatchNorm keep the shape they receive.
    }
  }
}
