package dev.dendrite;

import java.util.Arrays;
import java.util.List;

/**
 * Copies parameter values between networks of the same layout, for example from a trained
 * network into per-thread instances that predict in parallel (see {@link Model}).
 */
public final class Parameters {

  private Parameters() {}

  /**
   * Copies every parameter value of {@code source} into {@code target}.
   *
   * @throws IllegalArgumentException if the networks' parameter tensors differ in number, name or
   *     shape; nothing is copied then
   */
  public static void copy(Model source, Model target) {
    List<Tensor> from = source.parameters();
    List<Tensor> to = target.parameters();
    checkLayout(from.size(), to.size());
    for (int t = 0; t < from.size(); t++) {
      check(from.get(t).name(), from.get(t).shape(), to.get(t).name(), to.get(t).shape());
    }
    for (int t = 0; t < from.size(); t++) {
      float[][] a = from.get(t).values();
      float[][] b = to.get(t).values();
      for (int r = 0; r < a.length; r++) {
        System.arraycopy(a[r], 0, b[r], 0, a[r].length);
      }
    }
  }

  /** Double form of {@link #copy(Model, Model)}. */
  public static void copy(DoubleModel source, DoubleModel target) {
    List<DoubleTensor> from = source.parameters();
    List<DoubleTensor> to = target.parameters();
    checkLayout(from.size(), to.size());
    for (int t = 0; t < from.size(); t++) {
      check(from.get(t).name(), from.get(t).shape(), to.get(t).name(), to.get(t).shape());
    }
    for (int t = 0; t < from.size(); t++) {
      double[][] a = from.get(t).values();
      double[][] b = to.get(t).values();
      for (int r = 0; r < a.length; r++) {
        System.arraycopy(a[r], 0, b[r], 0, a[r].length);
      }
    }
  }

  private static void checkLayout(int from, int to) {
    if (from != to) {
      throw new IllegalArgumentException(
          "the source has " + from + " parameter tensors, the target " + to);
    }
  }

  private static void check(String fromName, int[] fromShape, String toName, int[] toShape) {
    if (!fromName.equals(toName) || !Arrays.equals(fromShape, toShape)) {
      throw new IllegalArgumentException("source tensor " + fromName + " "
          + Arrays.toString(fromShape) + " does not match target tensor " + toName + " "
          + Arrays.toString(toShape));
    }
  }
}
