package dev.dendrite.processor.check;

import dev.dendrite.processor.model.FieldDecl;
import dev.dendrite.processor.model.LayerSpec;
import dev.dendrite.processor.model.NetworkDecl;
import java.util.List;

/**
 * Rules on {@code @Flatten}: it only makes sense on a multi-dimensional sample, that is after a
 * multi-dimensional {@code @Input} (and any {@code @Dropout} layers on it), and a {@code @Dense}
 * layer needs it there.
 */
final class FlattenRules implements Rule {

  static final String FLAT_ALREADY = "DN610";

  @Override
  public void check(NetworkDecl network, Problems problems) {
    List<FieldDecl> fields = network.fields();
    boolean multiDimensional = false;
    for (FieldDecl field : fields) {
      if (field.layers().isEmpty()) {
        continue;
      }
      LayerSpec spec = field.layers().get(0);
      if (spec instanceof LayerSpec.InputSpec input) {
        multiDimensional = input.shape().length > 1;
      } else if (spec instanceof LayerSpec.FlattenSpec flatten) {
        if (!multiDimensional) {
          problems.warning(FLAT_ALREADY, flatten.source(), null,
              "@Flatten layer '" + field.name() + "' has no effect: its input is already a"
                  + " vector; remove it (only a multi-dimensional @Input such as"
                  + " @Input({28, 28}) needs @Flatten before its first @Dense layer)");
        }
        multiDimensional = false;
      } else if (!(spec instanceof LayerSpec.DropoutSpec)) {
        multiDimensional = false;
      }
    }
  }

  /**
   * Whether a {@code @Flatten} layer comes after the field at {@code inputIndex} before the first
   * layer that needs a vector, with only {@code @Dropout} layers (which keep any shape) between.
   */
  static boolean flattenedBeforeUse(List<FieldDecl> fields, int inputIndex) {
    for (int i = inputIndex + 1; i < fields.size(); i++) {
      List<LayerSpec> layers = fields.get(i).layers();
      if (layers.isEmpty() || layers.get(0) instanceof LayerSpec.DropoutSpec) {
        continue;
      }
      return layers.get(0) instanceof LayerSpec.FlattenSpec;
    }
    return true;
  }
}
