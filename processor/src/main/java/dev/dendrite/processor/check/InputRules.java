package dev.dendrite.processor.check;

import dev.dendrite.processor.model.FieldDecl;
import dev.dendrite.processor.model.LayerSpec;
import dev.dendrite.processor.model.NetworkDecl;
import java.util.Arrays;
import java.util.List;

/** Rules on the input layer: exactly one, first, with positive dimensions. */
final class InputRules implements Rule {

  static final String NO_INPUT = "DN301";
  static final String SECOND_INPUT = "DN302";
  static final String INPUT_NOT_FIRST = "DN303";
  static final String INPUT_DIMENSION = "DN304";
  static final String ONLY_INPUT = "DN305";
  static final String INPUT_NOT_FLAT = "DN306";

  @Override
  public void check(NetworkDecl network, Problems problems) {
    List<FieldDecl> fields = network.fields();
    if (fields.isEmpty()) {
      return;
    }
    int inputs = 0;
    for (int i = 0; i < fields.size(); i++) {
      for (LayerSpec spec : fields.get(i).layers()) {
        if (spec instanceof LayerSpec.InputSpec input) {
          inputs++;
          checkInput(fields.get(i).name(), input, i, inputs, fields, problems);
        }
      }
    }
    if (inputs == 0) {
      problems.error(NO_INPUT, network.source(), null,
          "network '" + network.type().nestingPath() + "' has no @Input layer; declare the shape"
              + " of one sample in a first field, e.g. '@Input(784) Layer pixels;'");
    } else if (fields.size() == 1) {
      problems.error(ONLY_INPUT, network.source(), null,
          "network '" + network.type().nestingPath() + "' has only an @Input layer; add at least"
              + " one @Dense layer after '" + fields.get(0).name() + "'");
    }
  }

  private static void checkInput(
      String name, LayerSpec.InputSpec input, int index, int seen, List<FieldDecl> fields,
      Problems problems) {
    if (seen > 1) {
      problems.error(SECOND_INPUT, input.source(), null,
          "layer '" + name + "' is a second @Input, but a network has exactly one input; remove"
              + " it or make it a @Dense layer");
    } else if (index > 0) {
      problems.error(INPUT_NOT_FIRST, input.source(), null,
          "@Input layer '" + name + "' comes after layer '" + fields.get(0).name() + "', but the"
              + " input must be the first layer; move '" + name + "' to the top of the class");
    }
    int[] shape = input.shape();
    if (shape.length == 0) {
      problems.error(INPUT_DIMENSION, input.source(), "value",
          "@Input layer '" + name + "' has no dimensions; give the size of one sample, e.g."
              + " @Input(784)");
      return;
    }
    for (int d : shape) {
      if (d <= 0) {
        problems.error(INPUT_DIMENSION, input.source(), "value",
            "@Input layer '" + name + "' has shape " + Arrays.toString(shape) + ", but every"
                + " dimension must be at least 1");
        return;
      }
    }
    long size = 1;
    for (int d : shape) {
      size *= d;
    }
    if (size > Integer.MAX_VALUE) {
      problems.error(INPUT_DIMENSION, input.source(), "value",
          "@Input layer '" + name + "' has shape " + Arrays.toString(shape) + ", " + size
              + " values per sample, more than a Java array holds (" + Integer.MAX_VALUE + ")");
      return;
    }
    if (shape.length > 1 && !FlattenRules.flattenedBeforeUse(fields, index)) {
      problems.error(INPUT_NOT_FLAT, input.source(), "value",
          "@Input layer '" + name + "' has shape " + Arrays.toString(shape) + ", but @Dense"
              + " layers take a vector; add '@Flatten Layer flat;' after '" + name + "' (each"
              + " sample is still passed as " + size + " values in row-major order), or declare"
              + " @Input(" + size + ")");
    }
  }
}
