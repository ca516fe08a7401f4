package dev.dendrite.processor.check;

import dev.dendrite.processor.model.FieldDecl;
import dev.dendrite.processor.model.LayerSpec;
import dev.dendrite.processor.model.NetworkDecl;
import java.util.Arrays;
import java.util.List;

/** Rules on the input layer: exactly one, first, with positive dimensions (DN301 to DN305). */
final class InputRules implements Rule {

  @Override
  public void check(NetworkDecl network, Problems problems) {
    List<FieldDecl> fields = network.fields();
    if (fields.isEmpty()) {
      return;
    }
    String firstInput = null;
    for (int i = 0; i < fields.size(); i++) {
      for (LayerSpec spec : fields.get(i).layers()) {
        if (spec instanceof LayerSpec.InputSpec input) {
          String name = fields.get(i).name();
          if (firstInput != null) {
            problems.add(RuleId.DN302, input.source(), null,
                "layer '" + name + "' is a second @Input after '" + firstInput + "', but a network"
                    + " has exactly one input; remove it, or make it a @Dense layer");
          } else {
            firstInput = name;
            if (i > 0) {
              problems.add(RuleId.DN303, input.source(), null,
                  "@Input layer '" + name + "' comes after layer '" + fields.get(0).name()
                      + "', but the input must be the first layer; move '" + name + "' above '"
                      + fields.get(0).name() + "'");
            }
          }
          checkShape(name, input, problems);
        }
      }
    }
    String networkName = network.type().nestingPath();
    if (firstInput == null) {
      problems.add(RuleId.DN301, network.source(), null,
          "network '" + networkName + "' has no @Input layer; declare the shape of one sample in"
              + " its first field, e.g. '@Input(784) Layer pixels;'");
    } else if (fields.size() == 1) {
      problems.add(RuleId.DN305, network.source(), null,
          "network '" + networkName + "' has only the @Input layer '" + firstInput + "'; add at"
              + " least one @Dense layer after it, e.g. '@Dense(units = 1) Layer out;'");
    }
  }

  private static void checkShape(String name, LayerSpec.InputSpec input, Problems problems) {
    int[] shape = input.shape();
    if (shape.length == 0) {
      problems.add(RuleId.DN304, input.source(), "value",
          "@Input layer '" + name + "' has no dimensions; give the size of one sample, e.g."
              + " @Input(784)");
      return;
    }
    for (int d : shape) {
      if (d <= 0) {
        problems.add(RuleId.DN304, input.source(), "value",
            "@Input layer '" + name + "' has shape " + Arrays.toString(shape) + ", but every"
                + " dimension counts values and must be at least 1; give the size of one"
                + " sample, e.g. @Input(784)");
        return;
      }
    }
    long size = InputRules.size(shape);
    if (size > Integer.MAX_VALUE) {
      problems.add(RuleId.DN304, input.source(), "value",
          "@Input layer '" + name + "' has shape " + Arrays.toString(shape) + ", "
              + String.format("%,d", size) + " values per sample, more than the "
              + String.format("%,d", Integer.MAX_VALUE) + " a Java array can hold; use a"
              + " smaller input");
    }
  }

  /** The number of values of a sample of {@code shape}, without overflow for valid shapes. */
  static long size(int[] shape) {
    long size = 1;
    for (int d : shape) {
      size *= d;
      if (size > Integer.MAX_VALUE) {
        return size;
      }
    }
    return size;
  }
}
