package dev.dendrite.io;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * How a network's tensors (parameters and buffers) map to safetensors tensors: the name as it is,
 * a 2-D tensor (a Dense layer's weight, {@code [inputs, units]} in memory) transposed to
 * PyTorch's {@code [units, inputs]}, any other tensor (biases, batch normalization's parameters
 * and running statistics, all vectors) with its shape as it is. Values in memory are rows (see
 * {@link dev.dendrite.Tensor}), whose concatenation is the row-major order of the in-memory shape.
 * A weight {@code [inputs, 1]} and its transpose {@code [1, inputs]} are the same sequence of
 * values, so such a weight is written and read in order, whether its rows hold one value each or
 * all of them in one row.
 */
final class ParameterLayout {

  /** The metadata key of the file layout version. */
  static final String FORMAT_KEY = "dendrite.format";
  /** The file layout version this code writes and reads. */
  static final String FORMAT_VERSION = "1";
  /** The metadata key of what the file holds: {@link #WEIGHTS} or {@link #CHECKPOINT}. */
  static final String CONTENT_KEY = "dendrite.content";
  static final String WEIGHTS = "weights";
  static final String CHECKPOINT = "checkpoint";
  /** The metadata key of the network's name. */
  static final String NETWORK_KEY = "dendrite.network";
  /** The prefix of optimizer state tensors in checkpoints. */
  static final String OPTIMIZER_PREFIX = "optimizer.";

  private ParameterLayout() {}

  /** The shape in the file of a tensor of shape {@code shape} in memory. */
  static long[] fileShape(int[] shape) {
    long[] out = new long[shape.length];
    for (int i = 0; i < shape.length; i++) {
      out[i] = shape[i];
    }
    if (shape.length == 2) {
      out[0] = shape[1];
      out[1] = shape[0];
    }
    return out;
  }

  /**
   * Columns per block when a weight is transposed: one cache line of floats from each row, so
   * that the transposition reads and writes memory in order.
   */
  private static final int BLOCK = 16;

  /**
   * Whether the file order of a tensor of shape {@code shape} differs from the order of its rows:
   * for a weight of more than one unit. Everything else is written and read in the order of its
   * rows.
   */
  private static boolean reordered(int[] shape) {
    return shape.length == 2 && shape[1] != 1;
  }

  /** Writes rows {@code values} of a tensor of shape {@code shape} in file order. */
  static void write(TensorSink sink, float[][] values, int[] shape) throws IOException {
    if (!reordered(shape)) {
      for (float[] row : values) {
        sink.putFloats(row, 0, row.length);
      }
      return;
    }
    int rows = values.length;
    int columns = shape[1];
    float[] block = new float[Math.min(BLOCK, columns) * rows];
    for (int c0 = 0; c0 < columns; c0 += BLOCK) {
      int width = Math.min(BLOCK, columns - c0);
      for (int r = 0; r < rows; r++) {
        float[] row = values[r];
        for (int k = 0; k < width; k++) {
          block[k * rows + r] = row[c0 + k];
        }
      }
      sink.putFloats(block, 0, width * rows);
    }
  }

  /** Double form of {@link #write(TensorSink, float[][], int[])}. */
  static void write(TensorSink sink, double[][] values, int[] shape) throws IOException {
    if (!reordered(shape)) {
      for (double[] row : values) {
        sink.putDoubles(row, 0, row.length);
      }
      return;
    }
    int rows = values.length;
    int columns = shape[1];
    double[] block = new double[Math.min(BLOCK, columns) * rows];
    for (int c0 = 0; c0 < columns; c0 += BLOCK) {
      int width = Math.min(BLOCK, columns - c0);
      for (int r = 0; r < rows; r++) {
        double[] row = values[r];
        for (int k = 0; k < width; k++) {
          block[k * rows + r] = row[c0 + k];
        }
      }
      sink.putDoubles(block, 0, width * rows);
    }
  }

  /** Copies {@code stored}, in file order, into the rows {@code values}. */
  static void copy(float[] stored, float[][] values, int[] shape) {
    if (!reordered(shape)) {
      int at = 0;
      for (float[] row : values) {
        System.arraycopy(stored, at, row, 0, row.length);
        at += row.length;
      }
      return;
    }
    int rows = values.length;
    int columns = shape[1];
    for (int c0 = 0; c0 < columns; c0 += BLOCK) {
      int width = Math.min(BLOCK, columns - c0);
      for (int r = 0; r < rows; r++) {
        float[] row = values[r];
        for (int k = 0; k < width; k++) {
          row[c0 + k] = stored[(c0 + k) * rows + r];
        }
      }
    }
  }

  /** Double form of {@link #copy(float[], float[][], int[])}. */
  static void copy(double[] stored, double[][] values, int[] shape) {
    if (!reordered(shape)) {
      int at = 0;
      for (double[] row : values) {
        System.arraycopy(stored, at, row, 0, row.length);
        at += row.length;
      }
      return;
    }
    int rows = values.length;
    int columns = shape[1];
    for (int c0 = 0; c0 < columns; c0 += BLOCK) {
      int width = Math.min(BLOCK, columns - c0);
      for (int r = 0; r < rows; r++) {
        double[] row = values[r];
        for (int k = 0; k < width; k++) {
          row[c0 + k] = stored[(c0 + k) * rows + r];
        }
      }
    }
  }

  /**
   * Checks the file's layout version, then that the file holds exactly the tensors {@code
   * expected} (name to shape in the file), each of a floating-point dtype and of the expected
   * shape, ignoring those whose names start with one of {@code ignoredPrefixes}. Every problem
   * found is reported in one exception.
   */
  static void check(SafeTensorsFile file, Map<String, long[]> expected,
      Collection<String> ignoredPrefixes) throws IncompatibleModelFileException {
    String version = file.metadata().get(FORMAT_KEY);
    if (version != null && !version.equals(FORMAT_VERSION)) {
      throw new IncompatibleModelFileException(file.source(), "the file has Dendrite layout "
          + "version " + version + "; this version of Dendrite reads version " + FORMAT_VERSION);
    }
    List<String> problems = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    for (Map.Entry<String, long[]> e : expected.entrySet()) {
      TensorInfo info = file.tensor(e.getKey());
      if (info == null) {
        missing.add(quote(e.getKey()) + " " + Arrays.toString(e.getValue()));
        continue;
      }
      if (!Arrays.equals(info.shape(), e.getValue())) {
        problems.add("tensor " + quote(e.getKey()) + " has shape "
            + Arrays.toString(info.shape()) + " in the file, but the network expects "
            + Arrays.toString(e.getValue()) + describeLayout(e.getValue()));
      }
      if (!info.dtype().isFloatingPoint()) {
        problems.add("tensor " + quote(e.getKey()) + " has dtype " + info.dtype()
            + "; parameters are read from " + DType.floatingPointNames());
      }
    }
    if (!missing.isEmpty()) {
      problems.add(0, "missing tensor" + (missing.size() == 1 ? " " : "s ")
          + String.join(", ", missing));
    }
    List<String> unexpected = file.names().stream()
        .filter(n -> !expected.containsKey(n))
        .filter(n -> ignoredPrefixes.stream().noneMatch(n::startsWith))
        .map(ParameterLayout::quote)
        .collect(Collectors.toList());
    if (!unexpected.isEmpty()) {
      problems.add("unexpected tensor" + (unexpected.size() == 1 ? " " : "s ")
          + String.join(", ", unexpected) + ", which the network does not have");
    }
    if (!problems.isEmpty()) {
      throw new IncompatibleModelFileException(file.source(), String.join("; ", problems));
    }
  }

  private static String describeLayout(long[] shape) {
    return shape.length == 2 ? " ([units, inputs])" : "";
  }

  static String quote(String name) {
    return "\"" + name + "\"";
  }
}
