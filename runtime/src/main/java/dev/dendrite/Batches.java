package dev.dendrite;

/**
 * Argument checks for the batch methods of generated networks. They name the argument and say
 * what was expected, so that a wrong row length fails at the call instead of deep in a kernel.
 */
public final class Batches {

  private Batches() {}

  /** Per thread, a batch of one row for each precision, so that one prediction allocates nothing. */
  private static final ThreadLocal<float[][]> FLOAT_ROW =
      ThreadLocal.withInitial(() -> new float[1][]);

  private static final ThreadLocal<double[][]> DOUBLE_ROW =
      ThreadLocal.withInitial(() -> new double[1][]);

  /**
   * This thread's batch of one row, holding {@code row}; the caller sets the row back to {@code
   * null} when done, so that the batch keeps no reference to it.
   */
  static float[][] oneRow(float[] row) {
    float[][] batch = FLOAT_ROW.get();
    batch[0] = row;
    return batch;
  }

  /** {@link #oneRow(float[])} in double precision. */
  static double[][] oneRow(double[] row) {
    double[][] batch = DOUBLE_ROW.get();
    batch[0] = row;
    return batch;
  }

  /**
   * Checks that the buffers hold a training pass, which {@code backward} needs: a forward pass
   * with {@code training = true}, and no prediction since.
   */
  public static void requireTrainingPass(boolean trainingPass) {
    if (!trainingPass) {
      throw new IllegalStateException(
          "backward needs a forward pass with training = true first, and no prediction since");
    }
  }

  /** Checks that {@code rows} has at least {@code n >= 1} rows of exactly {@code width} values. */
  public static void requireRows(float[][] rows, int n, int width, String what) {
    requireCount(rows == null ? -1 : rows.length, n, what);
    for (int s = 0; s < n; s++) {
      if (rows[s] == null || rows[s].length != width) {
        throw rowError(what, s, rows[s] == null ? -1 : rows[s].length, width);
      }
    }
  }

  /** Double form of {@link #requireRows(float[][], int, int, String)}. */
  public static void requireRows(double[][] rows, int n, int width, String what) {
    requireCount(rows == null ? -1 : rows.length, n, what);
    for (int s = 0; s < n; s++) {
      if (rows[s] == null || rows[s].length != width) {
        throw rowError(what, s, rows[s] == null ? -1 : rows[s].length, width);
      }
    }
  }

  /** Checks that {@code values} has exactly {@code width} values. */
  public static void requireLength(float[] values, int width, String what) {
    if (values == null || values.length != width) {
      throw lengthError(what, values == null ? -1 : values.length, width);
    }
  }

  /** Double form of {@link #requireLength(float[], int, String)}. */
  public static void requireLength(double[] values, int width, String what) {
    if (values == null || values.length != width) {
      throw lengthError(what, values == null ? -1 : values.length, width);
    }
  }

  private static void requireCount(int rows, int n, String what) {
    if (rows < 0) {
      throw new NullPointerException(what + " is null");
    }
    if (n < 1) {
      throw new IllegalArgumentException("batch size must be at least 1, was " + n);
    }
    if (rows < n) {
      throw new IllegalArgumentException(
          what + " has " + rows + " rows, fewer than the batch size " + n);
    }
  }

  private static RuntimeException rowError(String what, int row, int length, int width) {
    if (length < 0) {
      return new NullPointerException(what + " row " + row + " is null");
    }
    return new IllegalArgumentException(
        what + " row " + row + " has " + length + " values, expected " + width);
  }

  private static RuntimeException lengthError(String what, int length, int width) {
    if (length < 0) {
      return new NullPointerException(what + " is null");
    }
    return new IllegalArgumentException(
        what + " has " + length + " values, expected " + width);
  }
}
