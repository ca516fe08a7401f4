package dev.dendrite.processor.emit;

import dev.dendrite.processor.model.CheckedLayer;
import dev.dendrite.processor.model.CheckedNetwork;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** The layer table at the top of a generated network's Javadoc. */
final class LayerTable {

  private LayerTable() {}

  /** The table as preformatted lines: name, kind, output shape, parameters, FLOPs per sample. */
  static String render(CheckedNetwork network) {
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"layer", "kind", "output", "parameters", "FLOPs/sample", "settings"});
    for (CheckedLayer layer : network.layers()) {
      rows.add(new String[] {
        layer.name(),
        layer.kind(),
        Arrays.stream(layer.outputShape()).mapToObj(Integer::toString)
            .collect(Collectors.joining("x")),
        String.format("%,d", layer.parameterCount()),
        String.format("%,d", layer.flopsPerSample()),
        layer.detail()
      });
    }
    rows.add(new String[] {
      "total", "", "",
      String.format("%,d", network.parameterCount()),
      String.format("%,d", network.flopsPerSample()),
      ""
    });
    int columns = rows.get(0).length;
    int[] widths = new int[columns];
    for (String[] row : rows) {
      for (int c = 0; c < columns; c++) {
        widths[c] = Math.max(widths[c], row[c].length());
      }
    }
    boolean[] right = {false, false, true, true, true, false};
    StringBuilder out = new StringBuilder();
    for (String[] row : rows) {
      StringBuilder line = new StringBuilder();
      for (int c = 0; c < columns; c++) {
        String pad = " ".repeat(widths[c] - row[c].length());
        line.append(right[c] ? pad + row[c] : row[c] + pad).append("  ");
      }
      out.append(line.toString().stripTrailing()).append('\n');
    }
    return out.toString();
  }
}
