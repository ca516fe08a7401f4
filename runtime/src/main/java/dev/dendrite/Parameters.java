package dev.dendrite;

import java.util.Arrays;
import java.util.List;

/**
 * Copies parameter values between networks of the same layout, for example from a trained
 * network into per-thread instances that predict in parallel (see {@link Model}). The
 * {@linkplain Model#buffers() buffers} (the running statistics of batch normalization, which
 * predictions read) are copied with the parameters.
 */
public final class Parameters {

  private Parameters() {}

  /**
   * Copies every parameter and buffer value of {@code source} into {@code target}.
   *
   * @throws IllegalArgumentException if the networks' parameter or buffer tensors differ in
   *     number, name or shape; nothing is copied then
   */
  public static void copy(Model source, Model target) {
    List<Tensor> fromParameters = source.parameters();
    List<Tensor> toParameters = target.parameters();
    List<Tensor> fromBuffers = source.buffers();
    List<Tensor> toBuffers = target.buffers();
    checkLayout("parameter", fromParameters.size(), toParameters.size());
    checkLayout("buffer", fromBuffers.size(), toBuffers.size());
    for (int t = 0; t < fromParameters.size(); t++) {
      check(fromParameters.get(t), toParameters.get(t));
    }
    for (int t = 0; t < fromBuffers.size(); t++) {
      check(fromBuffers.get(t), toBuffers.get(t));
    }
    for (int t = 0; t < fromParameters.size(); t++) {
      copy(fromParameters.get(t).values(), toParameters.get(t).values());
    }
    for (int t = 0; t < fromBuffers.size(); t++) {
      copy(fromBuffers.get(t).values(), toBuffers.get(t).values());
    }
  }

  /** Double form of {@link #copy(Model, Model)}. */
  public static void copy(DoubleModel source, DoubleModel target) {
    List<DoubleTensor> fromParameters = source.parameters();
    List<DoubleTensor> toParameters = target.parameters();
    List<DoubleTensor> fromBuffers = source.buffers();
    List<DoubleTensor> toBuffers = target.buffers();
    checkLayout("parameter", fromParameters.size(), toParameters.size());
    checkLayout("buffer", fromBuffers.size(), toBuffers.size());
    for (int t = 0; t < fromParameters.size(); t++) {
      check(fromParameters.get(t), toParameters.get(t));
    }
    for (int t = 0; t < fromBuffers.size(); t++) {
      check(fromBuffers.get(t), toBuffers.get(t));
    }
    for (int t = 0; t < fromParameters.size(); t++) {
      copy(fromParameters.get(t).values(), toParameters.get(t).values());
    }
    for (int t = 0; t < fromBuffers.size(); t++) {
      copy(fromBuffers.get(t).values(), toBuffers.get(t).values());
    }
  }

  private static void copy(float[][] from, float[][] to) {
    for (int r = 0; r < from.length; r++) {
      System.arraycopy(from[r], 0, to[r], 0, from[r].length);
    }
  }

  private static void copy(double[][] from, double[][] to) {
    for (int r = 0; r < from.length; r++) {
      System.arraycopy(from[r], 0, to[r], 0, from[r].length);
    }
  }

  private static void checkLayout(String kind, int from, int to) {
    if (from != to) {
      throw new IllegalArgumentException(
          "the source has " + from + " " + kind + " tensors, the target " + to);
    }
  }

  private static void check(Tensor from, Tensor to) {
    check(from.name(), from.shape(), to.name(), to.shape());
  }

  private static void check(DoubleTensor from, DoubleTensor to) {
    check(from.name(), from.shape(), to.name(), to.shape());
  }

  private static void check(String fromName, int[] fromShape, String toName, int[] toShape) {
    if (!fromName.equals(toName) || !Arrays.equals(fromShape, toShape)) {
      throw new IllegalArgumentException("source tensor " + fromName + " "
          + Arrays.toString(fromShape) + " does not match target tensor " + toName + " "
          + Arrays.toString(toShape));
    }
  }
}
