package dev.dendrite.kernel;

import java.util.Arrays;

/**
 * The matrix kernels in plain Java: loops whose innermost level runs over a row with the same
 * index on every array, which HotSpot's C2 vectorizes by itself. Each output value is computed
 * the same way whatever range of samples or rows a call is given.
 */
public final class PlainMatrixKernels implements MatrixKernels {

  @Override
  public void forward(float[][] in, float[][] weight, float[] bias, float[][] z, int from,
      int to) {
    forwardPart(in, weight, 0, weight.length, bias, z, from, to);
  }

  @Override
  public void forwardPart(float[][] in, float[][] weight, int rowFrom, int rowTo, float[] bias,
      float[][] z, int from, int to) {
    for (int s = from; s < to; s++) {
      float[] x = in[s];
      float[] zr = z[s];
      if (bias == null) {
        Arrays.fill(zr, 0f);
      } else {
        System.arraycopy(bias, 0, zr, 0, zr.length);
      }
      for (int k = rowFrom; k < rowTo; k++) {
        float xk = x[k];
        float[] wr = weight[k];
        for (int j = 0; j < zr.length; j++) {
          zr[j] += xk * wr[j];
        }
      }
    }
  }

  @Override
  public void weightGradient(float[][] x, float[][] g, float[][] weightGrad, int n, int rowFrom,
      int rowTo) {
    for (int k = rowFrom; k < rowTo; k++) {
      float[] gw = weightGrad[k];
      Arrays.fill(gw, 0f);
      for (int s = 0; s < n; s++) {
        float xk = x[s][k];
        float[] gr = g[s];
        for (int j = 0; j < gw.length; j++) {
          gw[j] += xk * gr[j];
        }
      }
    }
  }

  @Override
  public String toString() {
    return "plain Java";
  }
}
