package dev.dendrite.ejml;

import dev.dendrite.DoubleModel;
import dev.dendrite.DoubleTensor;
import dev.dendrite.Model;
import dev.dendrite.Tensor;
import org.ejml.data.DMatrixRMaj;
import org.ejml.data.FMatrixRMaj;

/**
 * Conversions between EJML's row-major dense matrices and the rows networks take: a matrix row is
 * a sample, so an {@code n x inputSize} matrix is a batch of {@code n} inputs. Every conversion
 * copies; none keeps a reference to its argument.
 *
 * <p>Weights read as matrices keep the network's layout: a Dense weight is {@code inputs x
 * units}, so that {@code output = input * weight + bias} with samples as rows (EJML's {@code
 * CommonOps_FDRM.mult(input, weight, output)}); a bias is {@code 1 x units}.
 */
public final class Matrices {

  private Matrices() {}

  /** The rows of {@code matrix}, one new array per row. */
  public static float[][] toRows(FMatrixRMaj matrix) {
    float[][] rows = new float[matrix.numRows][matrix.numCols];
    copyRows(matrix, rows);
    return rows;
  }

  /**
   * Copies the rows of {@code matrix} into the first {@code matrix.numRows} arrays of {@code
   * rows}, for callers that reuse their arrays from batch to batch.
   *
   * @throws IllegalArgumentException if {@code rows} has too few arrays or one of another length
   */
  public static void copyRows(FMatrixRMaj matrix, float[][] rows) {
    int columns = matrix.numCols;
    checkRows(matrix.numRows, columns, rows.length);
    for (int r = 0; r < matrix.numRows; r++) {
      checkRow(r, rows[r] == null ? -1 : rows[r].length, columns);
      System.arraycopy(matrix.data, r * columns, rows[r], 0, columns);
    }
  }

  /** The rows of {@code matrix}, each value rounded to the nearest float. */
  public static float[][] toRows(DMatrixRMaj matrix) {
    float[][] rows = new float[matrix.numRows][matrix.numCols];
    copyRows(matrix, rows);
    return rows;
  }

  /** Copies the rows of {@code matrix}, rounded to float; see {@link #copyRows(FMatrixRMaj, float[][])}. */
  public static void copyRows(DMatrixRMaj matrix, float[][] rows) {
    int columns = matrix.numCols;
    checkRows(matrix.numRows, columns, rows.length);
    for (int r = 0; r < matrix.numRows; r++) {
      checkRow(r, rows[r] == null ? -1 : rows[r].length, columns);
      float[] row = rows[r];
      int at = r * columns;
      for (int c = 0; c < columns; c++) {
        row[c] = (float) matrix.data[at + c];
      }
    }
  }

  /** The rows of {@code matrix} in double precision, for a {@link DoubleModel}. */
  public static double[][] toDoubleRows(DMatrixRMaj matrix) {
    int columns = matrix.numCols;
    double[][] rows = new double[matrix.numRows][columns];
    for (int r = 0; r < rows.length; r++) {
      System.arraycopy(matrix.data, r * columns, rows[r], 0, columns);
    }
    return rows;
  }

  /**
   * The first {@code n} rows of {@code rows} as an {@code n x width} matrix.
   *
   * @throws IllegalArgumentException if there are fewer than {@code n} rows or their lengths
   *     differ
   */
  public static FMatrixRMaj toMatrix(float[][] rows, int n) {
    int columns = n == 0 ? 0 : rows[0].length;
    checkRows(n, columns, rows.length);
    FMatrixRMaj matrix = new FMatrixRMaj(n, columns);
    for (int r = 0; r < n; r++) {
      checkRow(r, rows[r] == null ? -1 : rows[r].length, columns);
      System.arraycopy(rows[r], 0, matrix.data, r * columns, columns);
    }
    return matrix;
  }

  /** The first {@code n} rows of {@code rows}, widened, as an {@code n x width} matrix. */
  public static DMatrixRMaj toDoubleMatrix(float[][] rows, int n) {
    int columns = n == 0 ? 0 : rows[0].length;
    checkRows(n, columns, rows.length);
    DMatrixRMaj matrix = new DMatrixRMaj(n, columns);
    for (int r = 0; r < n; r++) {
      checkRow(r, rows[r] == null ? -1 : rows[r].length, columns);
      for (int c = 0; c < columns; c++) {
        matrix.data[r * columns + c] = rows[r][c];
      }
    }
    return matrix;
  }

  /** The first {@code n} rows of {@code rows} as an {@code n x width} matrix. */
  public static DMatrixRMaj toMatrix(double[][] rows, int n) {
    int columns = n == 0 ? 0 : rows[0].length;
    checkRows(n, columns, rows.length);
    DMatrixRMaj matrix = new DMatrixRMaj(n, columns);
    for (int r = 0; r < n; r++) {
      checkRow(r, rows[r] == null ? -1 : rows[r].length, columns);
      System.arraycopy(rows[r], 0, matrix.data, r * columns, columns);
    }
    return matrix;
  }

  /**
   * A copy of a parameter tensor as a matrix: a weight {@code [inputs, units]} as {@code inputs x
   * units}, a bias {@code [units]} as {@code 1 x units}. The matrix follows the tensor's shape,
   * whatever its rows (a one-unit layer's weights may be one row, see {@link Tensor}).
   */
  public static FMatrixRMaj toMatrix(Tensor tensor) {
    int[] shape = tensor.shape();
    int columns = shape[shape.length - 1];
    FMatrixRMaj matrix = new FMatrixRMaj(tensor.size() / columns, columns);
    int at = 0;
    for (float[] row : tensor.values()) {
      System.arraycopy(row, 0, matrix.data, at, row.length);
      at += row.length;
    }
    return matrix;
  }

  /** Double form of {@link #toMatrix(Tensor)}. */
  public static DMatrixRMaj toMatrix(DoubleTensor tensor) {
    int[] shape = tensor.shape();
    int columns = shape[shape.length - 1];
    DMatrixRMaj matrix = new DMatrixRMaj(tensor.size() / columns, columns);
    int at = 0;
    for (double[] row : tensor.values()) {
      System.arraycopy(row, 0, matrix.data, at, row.length);
      at += row.length;
    }
    return matrix;
  }

  /**
   * The weight of the Dense layer {@code layer} (its field name), {@code inputs x units}.
   *
   * @throws IllegalArgumentException if the network has no parameter {@code <layer>.weight}
   */
  public static FMatrixRMaj weight(Model model, String layer) {
    return toMatrix(parameter(model, layer + ".weight"));
  }

  /**
   * The bias of the Dense layer {@code layer}, {@code 1 x units}.
   *
   * @throws IllegalArgumentException if the network has no parameter {@code <layer>.bias}
   */
  public static FMatrixRMaj bias(Model model, String layer) {
    return toMatrix(parameter(model, layer + ".bias"));
  }

  /** Double form of {@link #weight(Model, String)}. */
  public static DMatrixRMaj weight(DoubleModel model, String layer) {
    return toMatrix(parameter(model, layer + ".weight"));
  }

  /** Double form of {@link #bias(Model, String)}. */
  public static DMatrixRMaj bias(DoubleModel model, String layer) {
    return toMatrix(parameter(model, layer + ".bias"));
  }

  private static Tensor parameter(Model model, String name) {
    for (Tensor t : model.parameters()) {
      if (t.name().equals(name)) {
        return t;
      }
    }
    throw new IllegalArgumentException(model.networkName() + " has no parameter " + name
        + "; it has " + model.parameters());
  }

  private static DoubleTensor parameter(DoubleModel model, String name) {
    for (DoubleTensor t : model.parameters()) {
      if (t.name().equals(name)) {
        return t;
      }
    }
    throw new IllegalArgumentException(model.networkName() + " has no parameter " + name
        + "; it has " + model.parameters());
  }

  private static void checkRows(int needed, int columns, int available) {
    if (needed < 0) {
      throw new IllegalArgumentException("row count must not be negative, was " + needed);
    }
    if (available < needed) {
      throw new IllegalArgumentException(
          "needed " + needed + " rows of " + columns + " values, but there are " + available);
    }
  }

  private static void checkRow(int row, int length, int columns) {
    if (length != columns) {
      throw new IllegalArgumentException(
          "row " + row + " has " + length + " values, expected " + columns);
    }
  }
}
