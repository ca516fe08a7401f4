package dev.dendrite.spark;

import dev.dendrite.Tensor;
import java.util.List;

/**
 * Tensors as one flat {@code float[]}, the form in which parameters, gradients, buffers and
 * optimizer state travel between driver and executors: the rows of each tensor in order, the
 * tensors in list order.
 */
final class Flat {

  private Flat() {}

  /** The number of values of {@code tensors}. */
  static int size(List<Tensor> tensors) {
    int n = 0;
    for (Tensor t : tensors) {
      for (float[] row : t.values()) {
        n += row.length;
      }
    }
    return n;
  }

  /** The values (or gradients) of {@code tensors}, flat. */
  static float[] of(List<Tensor> tensors, boolean gradients) {
    float[] flat = new float[size(tensors)];
    int at = 0;
    for (Tensor t : tensors) {
      for (float[] row : gradients ? t.gradients() : t.values()) {
        System.arraycopy(row, 0, flat, at, row.length);
        at += row.length;
      }
    }
    return flat;
  }

  /** Copies {@code flat} into the values (or gradients) of {@code tensors}. */
  static void into(float[] flat, List<Tensor> tensors, boolean gradients) {
    int at = 0;
    for (Tensor t : tensors) {
      for (float[] row : gradients ? t.gradients() : t.values()) {
        System.arraycopy(flat, at, row, 0, row.length);
        at += row.length;
      }
    }
  }

  /** Flat copies of several row-laid arrays, such as an optimizer's state, one after another. */
  static float[] of(float[][][] arrays) {
    int n = 0;
    for (float[][] a : arrays) {
      for (float[] row : a) {
        n += row.length;
      }
    }
    float[] flat = new float[n];
    int at = 0;
    for (float[][] a : arrays) {
      for (float[] row : a) {
        System.arraycopy(row, 0, flat, at, row.length);
        at += row.length;
      }
    }
    return flat;
  }

  /** Copies {@code flat} into {@code arrays}, as {@link #of(float[][][])} laid them out. */
  static void into(float[] flat, float[][][] arrays) {
    int at = 0;
    for (float[][] a : arrays) {
      for (float[] row : a) {
        System.arraycopy(flat, at, row, 0, row.length);
        at += row.length;
      }
    }
  }
}
