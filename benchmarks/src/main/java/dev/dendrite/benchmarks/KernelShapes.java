package dev.dendrite.benchmarks;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The loop shapes the planner chooses between, written out by hand for one layer of 784 inputs
 * and 256 units at batch 128 (the first layer of the large benchmark network), with constant
 * bounds as in generated code. Each method is one matrix product of 2 * 128 * 784 * 256 = 51.4
 * MFLOP; divide by the time per operation for GFLOP/s.
 *
 * <ul>
 *   <li>{@code forward*}: {@code z = x · W}, W stored as rows {@code [inputs][units]};
 *   <li>{@code weightGradient*}: {@code gW = x^T · g};
 *   <li>{@code inputGradient*}: {@code d = g · W^T}.
 * </ul>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class KernelShapes {

  static final int N = 128;
  static final int IN = 784;
  static final int UNITS = 256;

  float[][] x = new float[N][IN];
  float[][] w = new float[IN][UNITS];
  float[][] z = new float[N][UNITS];
  float[][] g = new float[N][UNITS];
  float[][] gw = new float[IN][UNITS];
  float[][] d = new float[N][IN];
  float[][] gT = new float[UNITS][N];
  float[][] dT = new float[IN][N];
  float[][] wT = new float[UNITS][IN];

  /** Bounds that generated code receives as arguments: fields, so that C2 cannot fold them. */
  int samples = N;
  int firstRow = 0;
  int lastRow = IN;

  @Setup
  public void setUp() {
    Random random = new Random(1);
    for (float[][] m : new float[][][] {x, w, g}) {
      for (float[] row : m) {
        for (int j = 0; j < row.length; j++) {
          row[j] = random.nextFloat() - 0.5f;
        }
      }
    }
  }

  /** Per sample: {@code z[j] += x[k] * w[k][j]} for each input k. */
  @Benchmark
  public float[][] forwardPerSample() {
    for (int s = 0; s < N; s++) {
      float[] xs = x[s];
      float[] zs = z[s];
      java.util.Arrays.fill(zs, 0f);
      for (int k = 0; k < IN; k++) {
        float xk = xs[k];
        float[] wk = w[k];
        for (int j = 0; j < UNITS; j++) {
          zs[j] += xk * wk[j];
        }
      }
    }
    return z;
  }

  /** Four samples share each load of {@code w[k][j]}. */
  @Benchmark
  public float[][] forwardFourSamples() {
    for (int s = 0; s < N; s += 4) {
      float[] x0 = x[s], x1 = x[s + 1], x2 = x[s + 2], x3 = x[s + 3];
      float[] z0 = z[s], z1 = z[s + 1], z2 = z[s + 2], z3 = z[s + 3];
      java.util.Arrays.fill(z0, 0f);
      java.util.Arrays.fill(z1, 0f);
      java.util.Arrays.fill(z2, 0f);
      java.util.Arrays.fill(z3, 0f);
      for (int k = 0; k < IN; k++) {
        float a0 = x0[k], a1 = x1[k], a2 = x2[k], a3 = x3[k];
        float[] wk = w[k];
        for (int j = 0; j < UNITS; j++) {
          float wj = wk[j];
          z0[j] += a0 * wj;
          z1[j] += a1 * wj;
          z2[j] += a2 * wj;
          z3[j] += a3 * wj;
        }
      }
    }
    return z;
  }

  /** Per sample, four inputs per pass over {@code z}: one load and store of z per four rows. */
  @Benchmark
  public float[][] forwardFourInputs() {
    for (int s = 0; s < N; s++) {
      float[] xs = x[s];
      float[] zs = z[s];
      java.util.Arrays.fill(zs, 0f);
      for (int k = 0; k < IN; k += 4) {
        float a0 = xs[k], a1 = xs[k + 1], a2 = xs[k + 2], a3 = xs[k + 3];
        float[] w0 = w[k], w1 = w[k + 1], w2 = w[k + 2], w3 = w[k + 3];
        for (int j = 0; j < UNITS; j++) {
          zs[j] += a0 * w0[j] + a1 * w1[j] + a2 * w2[j] + a3 * w3[j];
        }
      }
    }
    return z;
  }

  /** Two samples by four inputs: each weight load serves two samples, each z store four inputs. */
  @Benchmark
  public float[][] forwardTwoSamplesFourInputs() {
    for (int s = 0; s < N; s += 2) {
      float[] xa = x[s], xb = x[s + 1];
      float[] za = z[s], zb = z[s + 1];
      java.util.Arrays.fill(za, 0f);
      java.util.Arrays.fill(zb, 0f);
      for (int k = 0; k < IN; k += 4) {
        float a0 = xa[k], a1 = xa[k + 1], a2 = xa[k + 2], a3 = xa[k + 3];
        float b0 = xb[k], b1 = xb[k + 1], b2 = xb[k + 2], b3 = xb[k + 3];
        float[] w0 = w[k], w1 = w[k + 1], w2 = w[k + 2], w3 = w[k + 3];
        for (int j = 0; j < UNITS; j++) {
          float v0 = w0[j], v1 = w1[j], v2 = w2[j], v3 = w3[j];
          za[j] += a0 * v0 + a1 * v1 + a2 * v2 + a3 * v3;
          zb[j] += b0 * v0 + b1 * v1 + b2 * v2 + b3 * v3;
        }
      }
    }
    return z;
  }

  /** The same shape with {@code Math.fma}: one rounding per multiply-add, as the Vector API's. */
  @Benchmark
  public float[][] forwardTwoSamplesFourInputsFma() {
    for (int s = 0; s < N; s += 2) {
      float[] xa = x[s], xb = x[s + 1];
      float[] za = z[s], zb = z[s + 1];
      java.util.Arrays.fill(za, 0f);
      java.util.Arrays.fill(zb, 0f);
      for (int k = 0; k < IN; k += 4) {
        float a0 = xa[k], a1 = xa[k + 1], a2 = xa[k + 2], a3 = xa[k + 3];
        float b0 = xb[k], b1 = xb[k + 1], b2 = xb[k + 2], b3 = xb[k + 3];
        float[] w0 = w[k], w1 = w[k + 1], w2 = w[k + 2], w3 = w[k + 3];
        for (int j = 0; j < UNITS; j++) {
          float v0 = w0[j], v1 = w1[j], v2 = w2[j], v3 = w3[j];
          za[j] = Math.fma(a3, v3, Math.fma(a2, v2, Math.fma(a1, v1, Math.fma(a0, v0, za[j]))));
          zb[j] = Math.fma(b3, v3, Math.fma(b2, v2, Math.fma(b1, v1, Math.fma(b0, v0, zb[j]))));
        }
      }
    }
    return z;
  }

  /** Four samples by four inputs. */
  @Benchmark
  public float[][] forwardFourSamplesFourInputs() {
    for (int s = 0; s < N; s += 4) {
      float[] xa = x[s], xb = x[s + 1], xc = x[s + 2], xd = x[s + 3];
      float[] za = z[s], zb = z[s + 1], zc = z[s + 2], zd = z[s + 3];
      java.util.Arrays.fill(za, 0f);
      java.util.Arrays.fill(zb, 0f);
      java.util.Arrays.fill(zc, 0f);
      java.util.Arrays.fill(zd, 0f);
      for (int k = 0; k < IN; k += 4) {
        float a0 = xa[k], a1 = xa[k + 1], a2 = xa[k + 2], a3 = xa[k + 3];
        float b0 = xb[k], b1 = xb[k + 1], b2 = xb[k + 2], b3 = xb[k + 3];
        float c0 = xc[k], c1 = xc[k + 1], c2 = xc[k + 2], c3 = xc[k + 3];
        float d0 = xd[k], d1 = xd[k + 1], d2 = xd[k + 2], d3 = xd[k + 3];
        float[] w0 = w[k], w1 = w[k + 1], w2 = w[k + 2], w3 = w[k + 3];
        for (int j = 0; j < UNITS; j++) {
          float v0 = w0[j], v1 = w1[j], v2 = w2[j], v3 = w3[j];
          za[j] += a0 * v0 + a1 * v1 + a2 * v2 + a3 * v3;
          zb[j] += b0 * v0 + b1 * v1 + b2 * v2 + b3 * v3;
          zc[j] += c0 * v0 + c1 * v1 + c2 * v2 + c3 * v3;
          zd[j] += d0 * v0 + d1 * v1 + d2 * v2 + d3 * v3;
        }
      }
    }
    return z;
  }

  /** Per sample: {@code gw[k][j] += x[s][k] * g[s][j]}. */
  @Benchmark
  public float[][] weightGradientPerSample() {
    for (float[] row : gw) {
      java.util.Arrays.fill(row, 0f);
    }
    for (int s = 0; s < N; s++) {
      float[] xs = x[s];
      float[] gs = g[s];
      for (int k = 0; k < IN; k++) {
        float xk = xs[k];
        float[] r = gw[k];
        for (int j = 0; j < UNITS; j++) {
          r[j] += xk * gs[j];
        }
      }
    }
    return gw;
  }

  /** Row by row of gw, four samples per pass; the first pass writes instead of adding. */
  @Benchmark
  public float[][] weightGradientRowFourSamples() {
    for (int k = 0; k < IN; k++) {
      float[] r = gw[k];
      java.util.Arrays.fill(r, 0f);
      for (int s = 0; s < N; s += 4) {
        float a0 = x[s][k], a1 = x[s + 1][k], a2 = x[s + 2][k], a3 = x[s + 3][k];
        float[] g0 = g[s], g1 = g[s + 1], g2 = g[s + 2], g3 = g[s + 3];
        for (int j = 0; j < UNITS; j++) {
          r[j] += a0 * g0[j] + a1 * g1[j] + a2 * g2[j] + a3 * g3[j];
        }
      }
    }
    return gw;
  }

  /** Two rows of gw at a time, four samples per pass. */
  @Benchmark
  public float[][] weightGradientTwoRowsFourSamples() {
    for (int k = 0; k < IN; k += 2) {
      float[] r = gw[k];
      float[] q = gw[k + 1];
      java.util.Arrays.fill(r, 0f);
      java.util.Arrays.fill(q, 0f);
      for (int s = 0; s < N; s += 4) {
        float[] x0 = x[s], x1 = x[s + 1], x2 = x[s + 2], x3 = x[s + 3];
        float a0 = x0[k], a1 = x1[k], a2 = x2[k], a3 = x3[k];
        float b0 = x0[k + 1], b1 = x1[k + 1], b2 = x2[k + 1], b3 = x3[k + 1];
        float[] g0 = g[s], g1 = g[s + 1], g2 = g[s + 2], g3 = g[s + 3];
        for (int j = 0; j < UNITS; j++) {
          float h0 = g0[j], h1 = g1[j], h2 = g2[j], h3 = g3[j];
          r[j] += a0 * h0 + a1 * h1 + a2 * h2 + a3 * h3;
          q[j] += b0 * h0 + b1 * h1 + b2 * h2 + b3 * h3;
        }
      }
    }
    return gw;
  }

  /**
   * {@link #weightGradientTwoRowsFourSamples} with the bounds of generated code: a range of rows
   * {@code [first, last)} (a thread's part) and {@code n} samples, known only at run time. C2
   * leaves the inner loop scalar when every loop around it has such bounds.
   */
  @Benchmark
  public float[][] weightGradientRunTimeBounds() {
    int n = samples;
    int first = firstRow;
    int last = lastRow;
    for (int k = first; k + 1 < last; k += 2) {
      float[] r = gw[k];
      float[] q = gw[k + 1];
      java.util.Arrays.fill(r, 0f);
      java.util.Arrays.fill(q, 0f);
      for (int s = 0; s + 3 < n; s += 4) {
        float[] x0 = x[s], x1 = x[s + 1], x2 = x[s + 2], x3 = x[s + 3];
        float a0 = x0[k], a1 = x1[k], a2 = x2[k], a3 = x3[k];
        float b0 = x0[k + 1], b1 = x1[k + 1], b2 = x2[k + 1], b3 = x3[k + 1];
        float[] g0 = g[s], g1 = g[s + 1], g2 = g[s + 2], g3 = g[s + 3];
        for (int j = 0; j < UNITS; j++) {
          float h0 = g0[j], h1 = g1[j], h2 = g2[j], h3 = g3[j];
          r[j] += a0 * h0 + a1 * h1 + a2 * h2 + a3 * h3;
          q[j] += b0 * h0 + b1 * h1 + b2 * h2 + b3 * h3;
        }
      }
    }
    return gw;
  }

  /**
   * The same bounds, with the loop over row pairs running over all of them (constant bounds) and
   * skipping those outside {@code [first, last)}: the shape the generated weight gradient has.
   */
  @Benchmark
  public float[][] weightGradientConstantRowLoop() {
    int n = samples;
    int first = firstRow;
    int last = lastRow;
    for (int k = 0; k < IN - 1; k += 2) {
      if (k < first || k >= last) {
        continue;
      }
      float[] r = gw[k];
      float[] q = gw[k + 1];
      java.util.Arrays.fill(r, 0f);
      java.util.Arrays.fill(q, 0f);
      for (int s = 0; s + 3 < n; s += 4) {
        float[] x0 = x[s], x1 = x[s + 1], x2 = x[s + 2], x3 = x[s + 3];
        float a0 = x0[k], a1 = x1[k], a2 = x2[k], a3 = x3[k];
        float b0 = x0[k + 1], b1 = x1[k + 1], b2 = x2[k + 1], b3 = x3[k + 1];
        float[] g0 = g[s], g1 = g[s + 1], g2 = g[s + 2], g3 = g[s + 3];
        for (int j = 0; j < UNITS; j++) {
          float h0 = g0[j], h1 = g1[j], h2 = g2[j], h3 = g3[j];
          r[j] += a0 * h0 + a1 * h1 + a2 * h2 + a3 * h3;
          q[j] += b0 * h0 + b1 * h1 + b2 * h2 + b3 * h3;
        }
      }
    }
    return gw;
  }

  /** A dot product per sample and input: {@code d[s][k] = sum_j g[s][j] * w[k][j]}. */
  @Benchmark
  public float[][] inputGradientDot() {
    for (int s = 0; s < N; s++) {
      float[] gs = g[s];
      float[] ds = d[s];
      for (int k = 0; k < IN; k++) {
        float[] wk = w[k];
        float sum = 0f;
        for (int j = 0; j < UNITS; j++) {
          sum += gs[j] * wk[j];
        }
        ds[k] = sum;
      }
    }
    return d;
  }

  /** Dot products with eight independent partial sums per (sample, input). */
  @Benchmark
  public float[][] inputGradientDotEightSums() {
    for (int s = 0; s < N; s++) {
      float[] gs = g[s];
      float[] ds = d[s];
      for (int k = 0; k < IN; k++) {
        float[] wk = w[k];
        float s0 = 0f, s1 = 0f, s2 = 0f, s3 = 0f, s4 = 0f, s5 = 0f, s6 = 0f, s7 = 0f;
        for (int j = 0; j < UNITS; j += 8) {
          s0 += gs[j] * wk[j];
          s1 += gs[j + 1] * wk[j + 1];
          s2 += gs[j + 2] * wk[j + 2];
          s3 += gs[j + 3] * wk[j + 3];
          s4 += gs[j + 4] * wk[j + 4];
          s5 += gs[j + 5] * wk[j + 5];
          s6 += gs[j + 6] * wk[j + 6];
          s7 += gs[j + 7] * wk[j + 7];
        }
        ds[k] = ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7));
      }
    }
    return d;
  }

  /**
   * Axpy over samples: transposes g to {@code gT[units][n]}, accumulates {@code dT[k][s] +=
   * w[k][j] * gT[j][s]} four units per pass, and transposes dT back to d.
   */
  @Benchmark
  public float[][] inputGradientTransposed() {
    for (int s = 0; s < N; s++) {
      float[] gs = g[s];
      for (int j = 0; j < UNITS; j++) {
        gT[j][s] = gs[j];
      }
    }
    for (int k = 0; k < IN; k++) {
      float[] wk = w[k];
      float[] r = dT[k];
      java.util.Arrays.fill(r, 0, N, 0f);
      for (int j = 0; j < UNITS; j += 4) {
        float v0 = wk[j], v1 = wk[j + 1], v2 = wk[j + 2], v3 = wk[j + 3];
        float[] h0 = gT[j], h1 = gT[j + 1], h2 = gT[j + 2], h3 = gT[j + 3];
        for (int s = 0; s < N; s++) {
          r[s] += v0 * h0[s] + v1 * h1[s] + v2 * h2[s] + v3 * h3[s];
        }
      }
    }
    for (int k = 0; k < IN; k++) {
      float[] r = dT[k];
      for (int s = 0; s < N; s++) {
        d[s][k] = r[s];
      }
    }
    return d;
  }

  /**
   * The weights transposed once to {@code wT[units][inputs]}, then the forward pass's shape on
   * them: {@code d[s][k] += g[s][j] * wT[j][k]}, two samples by four units per pass over the
   * inputs. The transpose costs O(inputs x units), the product O(n x inputs x units).
   */
  @Benchmark
  public float[][] inputGradientTransposedWeights() {
    for (int k = 0; k < IN; k++) {
      float[] wk = w[k];
      for (int j = 0; j < UNITS; j++) {
        wT[j][k] = wk[j];
      }
    }
    for (int s = 0; s < N; s += 2) {
      float[] ga = g[s], gb = g[s + 1];
      float[] da = d[s], db = d[s + 1];
      java.util.Arrays.fill(da, 0f);
      java.util.Arrays.fill(db, 0f);
      for (int j = 0; j < UNITS; j += 4) {
        float a0 = ga[j], a1 = ga[j + 1], a2 = ga[j + 2], a3 = ga[j + 3];
        float b0 = gb[j], b1 = gb[j + 1], b2 = gb[j + 2], b3 = gb[j + 3];
        float[] t0 = wT[j], t1 = wT[j + 1], t2 = wT[j + 2], t3 = wT[j + 3];
        for (int k = 0; k < IN; k++) {
          float v0 = t0[k], v1 = t1[k], v2 = t2[k], v3 = t3[k];
          da[k] += a0 * v0 + a1 * v1 + a2 * v2 + a3 * v3;
          db[k] += b0 * v0 + b1 * v1 + b2 * v2 + b3 * v3;
        }
      }
    }
    return d;
  }

  /** Two samples by eight inputs: each z store serves eight inputs. */
  @Benchmark
  public float[][] forwardTwoSamplesEightInputs() {
    for (int s = 0; s < N; s += 2) {
      float[] xa = x[s], xb = x[s + 1];
      float[] za = z[s], zb = z[s + 1];
      java.util.Arrays.fill(za, 0f);
      java.util.Arrays.fill(zb, 0f);
      for (int k = 0; k < IN; k += 8) {
        float a0 = xa[k], a1 = xa[k + 1], a2 = xa[k + 2], a3 = xa[k + 3];
        float a4 = xa[k + 4], a5 = xa[k + 5], a6 = xa[k + 6], a7 = xa[k + 7];
        float b0 = xb[k], b1 = xb[k + 1], b2 = xb[k + 2], b3 = xb[k + 3];
        float b4 = xb[k + 4], b5 = xb[k + 5], b6 = xb[k + 6], b7 = xb[k + 7];
        float[] w0 = w[k], w1 = w[k + 1], w2 = w[k + 2], w3 = w[k + 3];
        float[] w4 = w[k + 4], w5 = w[k + 5], w6 = w[k + 6], w7 = w[k + 7];
        for (int j = 0; j < UNITS; j++) {
          float v0 = w0[j], v1 = w1[j], v2 = w2[j], v3 = w3[j];
          float v4 = w4[j], v5 = w5[j], v6 = w6[j], v7 = w7[j];
          za[j] += a0 * v0 + a1 * v1 + a2 * v2 + a3 * v3 + a4 * v4 + a5 * v5 + a6 * v6 + a7 * v7;
          zb[j] += b0 * v0 + b1 * v1 + b2 * v2 + b3 * v3 + b4 * v4 + b5 * v5 + b6 * v6 + b7 * v7;
        }
      }
    }
    return z;
  }

  /** Three samples by four inputs. */
  @Benchmark
  public float[][] forwardThreeSamplesFourInputs() {
    int s = 0;
    for (; s + 2 < N; s += 3) {
      float[] xa = x[s], xb = x[s + 1], xc = x[s + 2];
      float[] za = z[s], zb = z[s + 1], zc = z[s + 2];
      java.util.Arrays.fill(za, 0f);
      java.util.Arrays.fill(zb, 0f);
      java.util.Arrays.fill(zc, 0f);
      for (int k = 0; k < IN; k += 4) {
        float a0 = xa[k], a1 = xa[k + 1], a2 = xa[k + 2], a3 = xa[k + 3];
        float b0 = xb[k], b1 = xb[k + 1], b2 = xb[k + 2], b3 = xb[k + 3];
        float c0 = xc[k], c1 = xc[k + 1], c2 = xc[k + 2], c3 = xc[k + 3];
        float[] w0 = w[k], w1 = w[k + 1], w2 = w[k + 2], w3 = w[k + 3];
        for (int j = 0; j < UNITS; j++) {
          float v0 = w0[j], v1 = w1[j], v2 = w2[j], v3 = w3[j];
          za[j] += a0 * v0 + a1 * v1 + a2 * v2 + a3 * v3;
          zb[j] += b0 * v0 + b1 * v1 + b2 * v2 + b3 * v3;
          zc[j] += c0 * v0 + c1 * v1 + c2 * v2 + c3 * v3;
        }
      }
    }
    for (; s < N; s++) {
      float[] xa = x[s];
      float[] za = z[s];
      java.util.Arrays.fill(za, 0f);
      for (int k = 0; k < IN; k += 4) {
        float a0 = xa[k], a1 = xa[k + 1], a2 = xa[k + 2], a3 = xa[k + 3];
        float[] w0 = w[k], w1 = w[k + 1], w2 = w[k + 2], w3 = w[k + 3];
        for (int j = 0; j < UNITS; j++) {
          za[j] += a0 * w0[j] + a1 * w1[j] + a2 * w2[j] + a3 * w3[j];
        }
      }
    }
    return z;
  }
}
