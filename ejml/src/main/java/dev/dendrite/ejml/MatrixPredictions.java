package dev.dendrite.ejml;

import dev.dendrite.DoubleModel;
import dev.dendrite.Model;
import org.ejml.data.DMatrixRMaj;
import org.ejml.data.FMatrixRMaj;

/**
 * Predicts with EJML matrices, one sample per row: an {@code n x inputSize} matrix in, an {@code
 * n x outputSize} matrix out. The results are exactly those of the network's own {@code predict}
 * on the same rows. Each call copies the input into rows (see {@link Matrices}); for allocation
 * free prediction in a loop, convert once with {@link Matrices#copyRows} into reused arrays and
 * call the network directly. The thread-safety of the network applies: one network per thread.
 */
public final class MatrixPredictions {

  private MatrixPredictions() {}

  /** Predicts every row of {@code input} into a new matrix. */
  public static FMatrixRMaj predict(Model model, FMatrixRMaj input) {
    FMatrixRMaj output = new FMatrixRMaj(input.numRows, model.outputSize());
    predict(model, input, output);
    return output;
  }

  /**
   * Predicts every row of {@code input} into {@code output}, which is reshaped to {@code
   * input.numRows x outputSize}.
   *
   * @throws IllegalArgumentException if {@code input} does not have {@code inputSize} columns
   */
  public static void predict(Model model, FMatrixRMaj input, FMatrixRMaj output) {
    checkColumns(input.numCols, model.inputSize());
    int n = input.numRows;
    float[][] out = new float[n][model.outputSize()];
    if (n > 0) {
      model.predict(Matrices.toRows(input), n, out);
    }
    output.reshape(n, model.outputSize());
    for (int r = 0; r < n; r++) {
      System.arraycopy(out[r], 0, output.data, r * out[r].length, out[r].length);
    }
  }

  /** Predicts every row of {@code input}, rounded to float, into a new double matrix. */
  public static DMatrixRMaj predict(Model model, DMatrixRMaj input) {
    checkColumns(input.numCols, model.inputSize());
    int n = input.numRows;
    DMatrixRMaj output = new DMatrixRMaj(n, model.outputSize());
    if (n == 0) {
      return output;
    }
    float[][] out = new float[n][model.outputSize()];
    model.predict(Matrices.toRows(input), n, out);
    return Matrices.toDoubleMatrix(out, n);
  }

  /** Predicts every row of {@code input} with a double-precision network. */
  public static DMatrixRMaj predict(DoubleModel model, DMatrixRMaj input) {
    checkColumns(input.numCols, model.inputSize());
    int n = input.numRows;
    if (n == 0) {
      return new DMatrixRMaj(0, model.outputSize());
    }
    double[][] out = new double[n][model.outputSize()];
    model.predict(Matrices.toDoubleRows(input), n, out);
    return Matrices.toMatrix(out, n);
  }

  private static void checkColumns(int columns, int inputSize) {
    if (columns != inputSize) {
      throw new IllegalArgumentException("the input matrix has " + columns
          + " columns, but the network takes " + inputSize + " values per sample");
    }
  }
}
