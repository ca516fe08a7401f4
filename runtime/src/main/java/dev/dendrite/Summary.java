package dev.dendrite;

import java.util.Arrays;
import java.util.stream.Collectors;

/** Formats the layer table of a network in the Keras layout. */
public final class Summary {

  private Summary() {}

  /**
   * The summary of {@code model}: layer (type), output shape, parameter count, totals. A layer's
   * count includes its non-trainable values (the running statistics of batch normalization),
   * which the totals list apart.
   */
  public static String of(ModelDescription model) {
    String[] headers = {"Layer (type)", "Output Shape", "Param #"};
    String[][] rows = new String[model.layers().size()][];
    for (int i = 0; i < rows.length; i++) {
      Layer layer = model.layers().get(i);
      rows[i] = new String[] {
        layer.name() + " (" + layer.kind() + ")",
        shape(layer.outputShape()),
        String.format("%,d", layer.parameterCount() + layer.nonTrainableCount())
      };
    }
    int[] widths = new int[headers.length];
    for (int c = 0; c < headers.length; c++) {
      widths[c] = headers[c].length();
      for (String[] row : rows) {
        widths[c] = Math.max(widths[c], row[c].length());
      }
      widths[c] += 4;
    }
    int total = Arrays.stream(widths).sum();
    String thick = "=".repeat(total);
    StringBuilder out = new StringBuilder();
    out.append("Model: \"").append(model.networkName()).append("\"\n");
    out.append(thick).append('\n');
    appendRow(out, headers, widths);
    out.append(thick).append('\n');
    for (int i = 0; i < rows.length; i++) {
      appendRow(out, rows[i], widths);
      out.append(i + 1 < rows.length ? "-".repeat(total) : thick).append('\n');
    }
    long trainable = model.parameterCount();
    long nonTrainable = model.nonTrainableCount();
    out.append(String.format("Total params: %,d%n", trainable + nonTrainable));
    out.append(String.format("Trainable params: %,d%n", trainable));
    out.append(String.format("Non-trainable params: %,d%n", nonTrainable));
    return out.toString();
  }

  private static void appendRow(StringBuilder out, String[] cells, int[] widths) {
    for (int c = 0; c < cells.length; c++) {
      String cell = cells[c];
      out.append(cell).append(" ".repeat(widths[c] - cell.length()));
    }
    int end = out.length();
    while (end > 0 && out.charAt(end - 1) == ' ') {
      end--;
    }
    out.setLength(end);
    out.append('\n');
  }

  private static String shape(int[] shape) {
    return Arrays.stream(shape).mapToObj(Integer::toString)
        .collect(Collectors.joining(", ", "(None, ", ")"));
  }
}
