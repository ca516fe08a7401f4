package dev.dendrite.kernel;

import java.util.Arrays;

/**
 * The matrix products of the double-precision twins of generated networks, which exist to check
 * gradients against finite differences: the sums of {@link MatrixKernels} in plain loops.
 */
public final class DoubleKernels {

  private DoubleKernels() {}

  /**
   * {@code z[s] = in[s] · weight + bias} for samples {@code from..to-1}, each sum from the bias
   * (or zero when it is {@code null}) over the rows of {@code weight} in order.
   */
  public static void forward(double[][] in, double[][] weight, double[] bias, double[][] z,
      int from, int to) {
    for (int s = from; s < to; s++) {
      double[] x = in[s];
      double[] zr = z[s];
      if (bias == null) {
        Arrays.fill(zr, 0.0);
      } else {
        System.arraycopy(bias, 0, zr, 0, zr.length);
      }
      for (int k = 0; k < weight.length; k++) {
        double xk = x[k];
        double[] wr = weight[k];
        for (int j = 0; j < zr.length; j++) {
          zr[j] += xk * wr[j];
        }
      }
    }
  }

  /**
   * {@code weightGrad[k] = sum_s x[s][k] g[s]} over samples {@code 0..n-1} in order, for rows
   * {@code k} in {@code rowFrom..rowTo-1}.
   */
  public static void weightGradient(double[][] x, double[][] g, double[][] weightGrad, int n,
      int rowFrom, int rowTo) {
    for (int k = rowFrom; k < rowTo; k++) {
      double[] gw = weightGrad[k];
      Arrays.fill(gw, 0.0);
      for (int s = 0; s < n; s++) {
        double xk = x[s][k];
        double[] gr = g[s];
        for (int j = 0; j < gw.length; j++) {
          gw[j] += xk * gr[j];
        }
      }
    }
  }

  /** {@code sums[j] = sum_s rows[s][j]} over rows {@code 0..n-1} in order, from zero. */
  public static void columnSums(double[][] rows, int n, double[] sums) {
    Arrays.fill(sums, 0.0);
    for (int s = 0; s < n; s++) {
      double[] row = rows[s];
      for (int j = 0; j < sums.length; j++) {
        sums[j] += row[j];
      }
    }
  }
}
