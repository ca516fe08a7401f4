package dev.dendrite.train;

import dev.dendrite.Tensor;
import java.util.List;

/** A copy of the values of a list of tensors, taken and restored without allocating. */
final class ParameterSnapshot {

  private final float[][][] copies;

  /** Space for the values of {@code parameters}; holds zeros until {@link #take}. */
  ParameterSnapshot(List<Tensor> parameters) {
    copies = new float[parameters.size()][][];
    for (int t = 0; t < copies.length; t++) {
      float[][] values = parameters.get(t).values();
      copies[t] = new float[values.length][];
      for (int r = 0; r < values.length; r++) {
        copies[t][r] = new float[values[r].length];
      }
    }
  }

  /** Copies the current values of {@code parameters} in. */
  void take(List<Tensor> parameters) {
    for (int t = 0; t < copies.length; t++) {
      float[][] values = parameters.get(t).values();
      for (int r = 0; r < values.length; r++) {
        System.arraycopy(values[r], 0, copies[t][r], 0, values[r].length);
      }
    }
  }

  /** Copies the values taken last back into {@code parameters}. */
  void restore(List<Tensor> parameters) {
    for (int t = 0; t < copies.length; t++) {
      float[][] values = parameters.get(t).values();
      for (int r = 0; r < values.length; r++) {
        System.arraycopy(copies[t][r], 0, values[r], 0, values[r].length);
      }
    }
  }
}
