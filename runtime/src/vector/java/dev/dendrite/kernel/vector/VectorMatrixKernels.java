package dev.dendrite.kernel.vector;

import dev.dendrite.kernel.MatrixKernels;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link MatrixKernels} on the Vector API. Each kernel keeps a tile of accumulators in registers
 * (four samples or rows by two vectors of units) and runs the long dimension of the product
 * inside it, one fused multiply-add per weight and sample. Every output value is accumulated in
 * the same order in the tiles and in the scalar loops that finish the edges, so results do not
 * depend on which range of samples or rows a call is given.
 */
public final class VectorMatrixKernels implements MatrixKernels {

  private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
  private static final int L = S.length();
  private static final int TILE = 2 * L;

  @Override
  public void forward(float[][] in, float[][] weight, float[] bias, float[][] z, int from,
      int to) {
    int inputs = weight.length;
    int units = weight[0].length;
    int blocked = from + (to - from) / 4 * 4;
    int j = 0;
    for (; j + TILE <= units; j += TILE) {
      FloatVector bias0 = bias == null ? FloatVector.zero(S) : FloatVector.fromArray(S, bias, j);
      FloatVector bias1 =
          bias == null ? FloatVector.zero(S) : FloatVector.fromArray(S, bias, j + L);
      for (int s = from; s < blocked; s += 4) {
        float[] x0 = in[s];
        float[] x1 = in[s + 1];
        float[] x2 = in[s + 2];
        float[] x3 = in[s + 3];
        FloatVector a00 = bias0;
        FloatVector a01 = bias1;
        FloatVector a10 = bias0;
        FloatVector a11 = bias1;
        FloatVector a20 = bias0;
        FloatVector a21 = bias1;
        FloatVector a30 = bias0;
        FloatVector a31 = bias1;
        for (int k = 0; k < inputs; k++) {
          float[] w = weight[k];
          FloatVector w0 = FloatVector.fromArray(S, w, j);
          FloatVector w1 = FloatVector.fromArray(S, w, j + L);
          FloatVector v = FloatVector.broadcast(S, x0[k]);
          a00 = w0.fma(v, a00);
          a01 = w1.fma(v, a01);
          v = FloatVector.broadcast(S, x1[k]);
          a10 = w0.fma(v, a10);
          a11 = w1.fma(v, a11);
          v = FloatVector.broadcast(S, x2[k]);
          a20 = w0.fma(v, a20);
          a21 = w1.fma(v, a21);
          v = FloatVector.broadcast(S, x3[k]);
          a30 = w0.fma(v, a30);
          a31 = w1.fma(v, a31);
        }
        a00.intoArray(z[s], j);
        a01.intoArray(z[s], j + L);
        a10.intoArray(z[s + 1], j);
        a11.intoArray(z[s + 1], j + L);
        a20.intoArray(z[s + 2], j);
        a21.intoArray(z[s + 2], j + L);
        a30.intoArray(z[s + 3], j);
        a31.intoArray(z[s + 3], j + L);
      }
    }
    for (int s = from; s < blocked; s++) {
      forwardEdge(in[s], weight, bias, z[s], j);
    }
    for (int s = blocked; s < to; s++) {
      forwardStreaming(in[s], weight, bias, z[s]);
    }
  }

  /** Units {@code first..} of one sample, one scalar fused multiply-add at a time. */
  private static void forwardEdge(float[] x, float[][] weight, float[] bias, float[] z,
      int first) {
    for (int j = first; j < z.length; j++) {
      float acc = bias == null ? 0f : bias[j];
      for (int k = 0; k < weight.length; k++) {
        acc = Math.fma(weight[k][j], x[k], acc);
      }
      z[j] = acc;
    }
  }

  /**
   * One sample, weight row by weight row, so that the rows stream from memory in order; each
   * unit is accumulated in the same order as in the tiles, through {@code z}.
   */
  private static void forwardStreaming(float[] x, float[][] weight, float[] bias, float[] z) {
    int units = z.length;
    int bound = units - units % L;
    if (bias == null) {
      java.util.Arrays.fill(z, 0f);
    } else {
      System.arraycopy(bias, 0, z, 0, units);
    }
    for (int k = 0; k < weight.length; k++) {
      float[] w = weight[k];
      FloatVector v = FloatVector.broadcast(S, x[k]);
      for (int j = 0; j < bound; j += L) {
        FloatVector.fromArray(S, w, j).fma(v, FloatVector.fromArray(S, z, j)).intoArray(z, j);
      }
      for (int j = bound; j < units; j++) {
        z[j] = Math.fma(w[j], x[k], z[j]);
      }
    }
  }

  @Override
  public void weightGradient(float[][] x, float[][] g, float[][] weightGrad, int n, int rowFrom,
      int rowTo) {
    int units = weightGrad[0].length;
    int j = 0;
    for (; j + TILE <= units; j += TILE) {
      int k = rowFrom;
      for (; k + 3 < rowTo; k += 4) {
        FloatVector a00 = FloatVector.zero(S);
        FloatVector a01 = a00;
        FloatVector a10 = a00;
        FloatVector a11 = a00;
        FloatVector a20 = a00;
        FloatVector a21 = a00;
        FloatVector a30 = a00;
        FloatVector a31 = a00;
        for (int s = 0; s < n; s++) {
          float[] gs = g[s];
          float[] xs = x[s];
          FloatVector g0 = FloatVector.fromArray(S, gs, j);
          FloatVector g1 = FloatVector.fromArray(S, gs, j + L);
          FloatVector v = FloatVector.broadcast(S, xs[k]);
          a00 = g0.fma(v, a00);
          a01 = g1.fma(v, a01);
          v = FloatVector.broadcast(S, xs[k + 1]);
          a10 = g0.fma(v, a10);
          a11 = g1.fma(v, a11);
          v = FloatVector.broadcast(S, xs[k + 2]);
          a20 = g0.fma(v, a20);
          a21 = g1.fma(v, a21);
          v = FloatVector.broadcast(S, xs[k + 3]);
          a30 = g0.fma(v, a30);
          a31 = g1.fma(v, a31);
        }
        a00.intoArray(weightGrad[k], j);
        a01.intoArray(weightGrad[k], j + L);
        a10.intoArray(weightGrad[k + 1], j);
        a11.intoArray(weightGrad[k + 1], j + L);
        a20.intoArray(weightGrad[k + 2], j);
        a21.intoArray(weightGrad[k + 2], j + L);
        a30.intoArray(weightGrad[k + 3], j);
        a31.intoArray(weightGrad[k + 3], j + L);
      }
      for (; k < rowTo; k++) {
        FloatVector a0 = FloatVector.zero(S);
        FloatVector a1 = a0;
        for (int s = 0; s < n; s++) {
          float[] gs = g[s];
          FloatVector v = FloatVector.broadcast(S, x[s][k]);
          a0 = FloatVector.fromArray(S, gs, j).fma(v, a0);
          a1 = FloatVector.fromArray(S, gs, j + L).fma(v, a1);
        }
        a0.intoArray(weightGrad[k], j);
        a1.intoArray(weightGrad[k], j + L);
      }
    }
    for (; j < units; j++) {
      for (int k = rowFrom; k < rowTo; k++) {
        float acc = 0f;
        for (int s = 0; s < n; s++) {
          acc = Math.fma(g[s][j], x[s][k], acc);
        }
        weightGrad[k][j] = acc;
      }
    }
  }

  @Override
  public void inputGradient(float[][] g, float[][] weight, float[][] d, int from, int to) {
    int inputs = weight.length;
    int units = weight[0].length;
    int bound = units - units % L;
    for (int s = from; s < to; s++) {
      float[] gs = g[s];
      float[] ds = d[s];
      int k = 0;
      for (; k + 3 < inputs; k += 4) {
        float[] w0 = weight[k];
        float[] w1 = weight[k + 1];
        float[] w2 = weight[k + 2];
        float[] w3 = weight[k + 3];
        FloatVector a0 = FloatVector.zero(S);
        FloatVector a1 = a0;
        FloatVector a2 = a0;
        FloatVector a3 = a0;
        for (int j = 0; j < bound; j += L) {
          FloatVector v = FloatVector.fromArray(S, gs, j);
          a0 = FloatVector.fromArray(S, w0, j).fma(v, a0);
          a1 = FloatVector.fromArray(S, w1, j).fma(v, a1);
          a2 = FloatVector.fromArray(S, w2, j).fma(v, a2);
          a3 = FloatVector.fromArray(S, w3, j).fma(v, a3);
        }
        ds[k] = finish(a0, gs, w0, bound, units);
        ds[k + 1] = finish(a1, gs, w1, bound, units);
        ds[k + 2] = finish(a2, gs, w2, bound, units);
        ds[k + 3] = finish(a3, gs, w3, bound, units);
      }
      for (; k < inputs; k++) {
        float[] w = weight[k];
        FloatVector a = FloatVector.zero(S);
        for (int j = 0; j < bound; j += L) {
          a = FloatVector.fromArray(S, w, j).fma(FloatVector.fromArray(S, gs, j), a);
        }
        ds[k] = finish(a, gs, w, bound, units);
      }
    }
  }

  /** The lanes of {@code acc} summed, plus the products of the units past the last vector. */
  private static float finish(FloatVector acc, float[] g, float[] w, int bound, int units) {
    float sum = acc.reduceLanes(VectorOperators.ADD);
    for (int j = bound; j < units; j++) {
      sum = Math.fma(w[j], g[j], sum);
    }
    return sum;
  }

  @Override
  public String toString() {
    return S.vectorBitSize() + "-bit vectors of " + L + " floats";
  }
}
