package dev.dendrite.benchmarks;

import java.util.Random;
import org.ejml.data.FMatrixRMaj;
import org.ejml.dense.row.CommonOps_FDRM;

/**
 * Baseline A: a multilayer perceptron written plainly on EJML's dense float matrices, the way a
 * Java developer would write one without Dendrite. ReLU hidden layers; a sigmoid output with
 * binary cross-entropy or a softmax output with categorical cross-entropy; plain SGD or Adam.
 * Matrices are allocated once for the largest batch and reshaped, so that it allocates no more
 * than the generated networks do.
 */
final class EjmlMlp {

  private final int[] sizes;
  private final boolean softmax;
  private final int layers;
  private final FMatrixRMaj[] w;
  private final FMatrixRMaj[] b;
  private final FMatrixRMaj[] gw;
  private final FMatrixRMaj[] gb;
  private final FMatrixRMaj[] z;
  private final FMatrixRMaj[] a;
  private final FMatrixRMaj[] dz;
  private final FMatrixRMaj[] da;
  private final float[][] m;
  private final float[][] v;
  private FMatrixRMaj input;
  private int steps;

  /**
   * @param sizes the input size, then the units of each layer
   * @param softmax true for softmax + categorical cross-entropy, false for sigmoid + binary
   *     cross-entropy on the output layer
   * @param maxBatch the largest batch
   */
  EjmlMlp(int[] sizes, boolean softmax, int maxBatch, long seed) {
    this.sizes = sizes.clone();
    this.softmax = softmax;
    this.layers = sizes.length - 1;
    w = new FMatrixRMaj[layers];
    b = new FMatrixRMaj[layers];
    gw = new FMatrixRMaj[layers];
    gb = new FMatrixRMaj[layers];
    z = new FMatrixRMaj[layers];
    a = new FMatrixRMaj[layers];
    dz = new FMatrixRMaj[layers];
    da = new FMatrixRMaj[layers];
    m = new float[2 * layers][];
    v = new float[2 * layers][];
    Random random = new Random(seed);
    for (int l = 0; l < layers; l++) {
      int in = sizes[l];
      int out = sizes[l + 1];
      w[l] = new FMatrixRMaj(in, out);
      float limit = (float) Math.sqrt(6.0 / in);
      for (int i = 0; i < w[l].data.length; i++) {
        w[l].data[i] = (2 * random.nextFloat() - 1) * limit;
      }
      b[l] = new FMatrixRMaj(1, out);
      gw[l] = new FMatrixRMaj(in, out);
      gb[l] = new FMatrixRMaj(1, out);
      z[l] = new FMatrixRMaj(maxBatch, out);
      a[l] = new FMatrixRMaj(maxBatch, out);
      dz[l] = new FMatrixRMaj(maxBatch, out);
      da[l] = new FMatrixRMaj(maxBatch, out);
      m[2 * l] = new float[in * out];
      v[2 * l] = new float[in * out];
      m[2 * l + 1] = new float[out];
      v[2 * l + 1] = new float[out];
    }
  }

  /** The forward pass of the batch {@code x} (rows are samples); returns the output. */
  FMatrixRMaj forward(FMatrixRMaj x) {
    input = x;
    int n = x.numRows;
    FMatrixRMaj prev = x;
    for (int l = 0; l < layers; l++) {
      int out = sizes[l + 1];
      z[l].reshape(n, out);
      a[l].reshape(n, out);
      CommonOps_FDRM.mult(prev, w[l], z[l]);
      float[] zd = z[l].data;
      float[] ad = a[l].data;
      float[] bd = b[l].data;
      for (int s = 0; s < n; s++) {
        for (int j = 0; j < out; j++) {
          zd[s * out + j] += bd[j];
        }
      }
      if (l < layers - 1) {
        for (int i = 0; i < n * out; i++) {
          ad[i] = Math.max(0f, zd[i]);
        }
      } else if (softmax) {
        for (int s = 0; s < n; s++) {
          float max = Float.NEGATIVE_INFINITY;
          for (int j = 0; j < out; j++) {
            max = Math.max(max, zd[s * out + j]);
          }
          float sum = 0f;
          for (int j = 0; j < out; j++) {
            float e = (float) Math.exp(zd[s * out + j] - max);
            ad[s * out + j] = e;
            sum += e;
          }
          for (int j = 0; j < out; j++) {
            ad[s * out + j] /= sum;
          }
        }
      } else {
        for (int i = 0; i < n * out; i++) {
          ad[i] = (float) (1.0 / (1.0 + Math.exp(-zd[i])));
        }
      }
      prev = a[l];
    }
    return a[layers - 1];
  }

  /** Gradients of the mean loss of the last forward pass against targets {@code y}; the loss. */
  float backward(FMatrixRMaj y) {
    int n = input.numRows;
    int last = layers - 1;
    int outputs = sizes[layers];
    float[] ad = a[last].data;
    float[] zd = z[last].data;
    float[] yd = y.data;
    dz[last].reshape(n, outputs);
    float[] g = dz[last].data;
    double loss = 0;
    for (int i = 0; i < n * outputs; i++) {
      if (softmax) {
        loss -= yd[i] * Math.log(Math.max(ad[i], 1e-30f));
      } else {
        float zi = zd[i];
        loss += Math.max(zi, 0f) - zi * yd[i] + Math.log1p(Math.exp(-Math.abs(zi)));
      }
      g[i] = (ad[i] - yd[i]) / n;
    }
    for (int l = last; l >= 0; l--) {
      FMatrixRMaj prev = l == 0 ? input : a[l - 1];
      CommonOps_FDRM.multTransA(prev, dz[l], gw[l]);
      int out = sizes[l + 1];
      float[] gbd = gb[l].data;
      float[] dzd = dz[l].data;
      java.util.Arrays.fill(gbd, 0f);
      for (int s = 0; s < n; s++) {
        for (int j = 0; j < out; j++) {
          gbd[j] += dzd[s * out + j];
        }
      }
      if (l > 0) {
        int in = sizes[l];
        da[l - 1].reshape(n, in);
        dz[l - 1].reshape(n, in);
        CommonOps_FDRM.multTransB(dz[l], w[l], da[l - 1]);
        float[] dad = da[l - 1].data;
        float[] zp = z[l - 1].data;
        float[] dzp = dz[l - 1].data;
        for (int i = 0; i < n * in; i++) {
          dzp[i] = zp[i] > 0f ? dad[i] : 0f;
        }
      }
    }
    return (float) (loss / (softmax ? n : n * outputs));
  }

  /** One plain SGD step. */
  void sgd(float rate) {
    for (int l = 0; l < layers; l++) {
      CommonOps_FDRM.addEquals(w[l], -rate, gw[l]);
      CommonOps_FDRM.addEquals(b[l], -rate, gb[l]);
    }
  }

  /** One Adam step (beta1 0.9, beta2 0.999, epsilon 1e-8). */
  void adam(float rate) {
    steps++;
    float c1 = (float) (1 / (1 - Math.pow(0.9, steps)));
    float c2 = (float) (1 / (1 - Math.pow(0.999, steps)));
    for (int l = 0; l < layers; l++) {
      adam(w[l].data, gw[l].data, m[2 * l], v[2 * l], rate, c1, c2);
      adam(b[l].data, gb[l].data, m[2 * l + 1], v[2 * l + 1], rate, c1, c2);
    }
  }

  private static void adam(float[] p, float[] g, float[] m, float[] v, float rate, float c1,
      float c2) {
    for (int i = 0; i < p.length; i++) {
      m[i] = 0.9f * m[i] + 0.1f * g[i];
      v[i] = 0.999f * v[i] + 0.001f * g[i] * g[i];
      p[i] -= rate * (m[i] * c1) / ((float) Math.sqrt(v[i] * c2) + 1e-8f);
    }
  }
}
