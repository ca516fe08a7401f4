package dev.dendrite.benchmarks;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;
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
 * The register tiles the Vector API forward kernel could take, written out by hand for the
 * product of {@link KernelShapes} (128 samples, 784 inputs, 256 units, weights as rows {@code
 * [inputs][units]}), samples in slices of 64 as in {@code VectorMatrixKernels}. Each tile is
 * samples by vectors of units, its accumulators in registers over all 784 inputs. With 16-float
 * vectors, tiles of three vectors cover 240 of the 256 units (48.2 MFLOP an operation), the
 * others all 256 (51.4 MFLOP): compare GFLOP/s. With smaller vectors the larger tiles spill.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class VectorTileShapes {

  static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
  static final int L = S.length();
  static final int N = KernelShapes.N;
  static final int IN = KernelShapes.IN;
  static final int UNITS = KernelShapes.UNITS;
  static final int SLICE = 64;

  float[][] x = new float[N][IN];
  float[][] w = new float[IN][UNITS];
  float[][] z = new float[N][UNITS];
  float[] packed = new float[IN * UNITS];
  /** Strips of two vectors of units, packed once in {@link #setUp}. */
  float[] prepacked = new float[IN * UNITS];
  /** Strips of three vectors of units over the units whole strips cover, packed once. */
  float[] prepackedWide = new float[IN * UNITS];

  @Setup
  public void setUp() {
    Random random = new Random(1);
    for (float[][] m : new float[][][] {x, w}) {
      for (float[] row : m) {
        for (int j = 0; j < row.length; j++) {
          row[j] = random.nextFloat() - 0.5f;
        }
      }
    }
    pack();
    System.arraycopy(packed, 0, prepacked, 0, packed.length);
    for (int j = 0; j + 3 * L <= UNITS; j += 3 * L) {
      for (int k = 0; k < IN; k++) {
        System.arraycopy(w[k], j, prepackedWide, j * IN + k * 3 * L, 3 * L);
      }
    }
  }

  /** Four samples by two vectors: the tile where vectors have fewer than 512 bits. */
  @Benchmark
  public float[][] fourByTwo() {
    for (int start = 0; start < N; start += SLICE) {
      for (int j = 0; j + 2 * L <= UNITS; j += 2 * L) {
        for (int s = start; s < start + SLICE; s += 4) {
          fourByTwoTile(s, j);
        }
      }
    }
    return z;
  }

  /** Eight samples by two vectors: the forward kernel's tile with 512-bit vectors. */
  @Benchmark
  public float[][] eightByTwo() {
    for (int start = 0; start < N; start += SLICE) {
      for (int j = 0; j + 2 * L <= UNITS; j += 2 * L) {
        for (int s = start; s < start + SLICE; s += 8) {
          eightByTwoTile(s, j);
        }
      }
    }
    return z;
  }

  /** Eight samples by three vectors, over the units that whole tiles cover. */
  @Benchmark
  public float[][] eightByThree() {
    for (int start = 0; start < N; start += SLICE) {
      for (int j = 0; j + 3 * L <= UNITS; j += 3 * L) {
        for (int s = start; s < start + SLICE; s += 8) {
          eightByThreeTile(s, j);
        }
      }
    }
    return z;
  }

  /**
   * Six samples by four vectors; the four samples of each slice that are left take two tiles of
   * four by two.
   */
  @Benchmark
  public float[][] sixByFour() {
    for (int start = 0; start < N; start += SLICE) {
      int wide = start + SLICE / 12 * 12;
      for (int j = 0; j + 4 * L <= UNITS; j += 4 * L) {
        for (int s = start; s < wide; s += 6) {
          sixByFourTile(s, j);
        }
        for (int s = wide; s < start + SLICE; s += 4) {
          fourByTwoTile(s, j);
          fourByTwoTile(s, j + 2 * L);
        }
      }
    }
    return z;
  }

  /**
   * Six samples by two vectors: 12 accumulators, the two vectors loaded and the broadcast value
   * fill 15 of AVX2's 16 registers. The four samples of each slice that are left take a tile of
   * four by two.
   */
  @Benchmark
  public float[][] sixByTwo() {
    for (int start = 0; start < N; start += SLICE) {
      int wide = start + SLICE / 6 * 6;
      for (int j = 0; j + 2 * L <= UNITS; j += 2 * L) {
        for (int s = start; s < wide; s += 6) {
          sixByTwoTile(s, j);
        }
        for (int s = wide; s < start + SLICE; s += 4) {
          fourByTwoTile(s, j);
        }
      }
    }
    return z;
  }

  /**
   * Four samples by two vectors on packed weights: each operation first copies every column of
   * two vectors of weights into one contiguous run ({@code IN * 2L} floats), so that the tile
   * reads its weights in order from one array.
   */
  @Benchmark
  public float[][] fourByTwoPacked() {
    pack();
    for (int start = 0; start < N; start += SLICE) {
      for (int j = 0; j + 2 * L <= UNITS; j += 2 * L) {
        for (int s = start; s < start + SLICE; s += 4) {
          fourByTwoPackedTile(packed, s, j);
        }
      }
    }
    return z;
  }

  /**
   * Four samples by two vectors on weights packed once, before the benchmark: the tile alone,
   * beside {@link #fiveByTwoPrepacked} and {@link #threeByThreePrepacked}.
   */
  @Benchmark
  public float[][] fourByTwoPrepacked() {
    for (int start = 0; start < N; start += SLICE) {
      for (int j = 0; j + 2 * L <= UNITS; j += 2 * L) {
        for (int s = start; s < start + SLICE; s += 4) {
          fourByTwoPackedTile(prepacked, s, j);
        }
      }
    }
    return z;
  }

  /**
   * Five samples by two vectors on weights packed once: 60 samples of each slice of 64 in tiles
   * of five, the other four in a tile of four.
   */
  @Benchmark
  public float[][] fiveByTwoPrepacked() {
    for (int start = 0; start < N; start += SLICE) {
      for (int j = 0; j + 2 * L <= UNITS; j += 2 * L) {
        for (int s = start; s < start + 60; s += 5) {
          fivePrepackedTile(s, j);
        }
        fourByTwoPackedTile(prepacked, start + 60, j);
      }
    }
    return z;
  }

  /**
   * Three samples by three vectors on weights packed once in strips of three vectors, over the
   * first 60 samples of each slice and the units whole strips cover.
   */
  @Benchmark
  public float[][] threeByThreePrepacked() {
    for (int start = 0; start < N; start += SLICE) {
      for (int j = 0; j + 3 * L <= UNITS; j += 3 * L) {
        for (int s = start; s < start + 60; s += 3) {
          threeByThreePrepackedTile(s, j);
        }
      }
    }
    return z;
  }

  /** Copies the weights into {@link #packed}: column {@code j / 2L} at {@code j * IN}. */
  private void pack() {
    for (int j = 0; j + 2 * L <= UNITS; j += 2 * L) {
      int base = j * IN;
      for (int k = 0; k < IN; k++) {
        System.arraycopy(w[k], j, packed, base + k * 2 * L, 2 * L);
      }
    }
  }

  /** Units {@code j..j+2L-1} of samples {@code s..s+4}, from the prepacked strips. */
  private void fivePrepackedTile(int s, int j) {
    float[] x0 = x[s];
    float[] x1 = x[s + 1];
    float[] x2 = x[s + 2];
    float[] x3 = x[s + 3];
    float[] x4 = x[s + 4];
    float[] p = prepacked;
    int base = j * IN;
    FloatVector a00 = FloatVector.zero(S);
    FloatVector a01 = FloatVector.zero(S);
    FloatVector a10 = FloatVector.zero(S);
    FloatVector a11 = FloatVector.zero(S);
    FloatVector a20 = FloatVector.zero(S);
    FloatVector a21 = FloatVector.zero(S);
    FloatVector a30 = FloatVector.zero(S);
    FloatVector a31 = FloatVector.zero(S);
    FloatVector a40 = FloatVector.zero(S);
    FloatVector a41 = FloatVector.zero(S);
    for (int k = 0; k < IN; k++) {
      int at = base + k * 2 * L;
      FloatVector w0 = FloatVector.fromArray(S, p, at);
      FloatVector w1 = FloatVector.fromArray(S, p, at + L);
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
      v = FloatVector.broadcast(S, x4[k]);
      a40 = w0.fma(v, a40);
      a41 = w1.fma(v, a41);
    }
    a00.intoArray(z[s], j);
    a01.intoArray(z[s], j + L);
    a10.intoArray(z[s + 1], j);
    a11.intoArray(z[s + 1], j + L);
    a20.intoArray(z[s + 2], j);
    a21.intoArray(z[s + 2], j + L);
    a30.intoArray(z[s + 3], j);
    a31.intoArray(z[s + 3], j + L);
    a40.intoArray(z[s + 4], j);
    a41.intoArray(z[s + 4], j + L);
  }

  /** Units {@code j..j+3L-1} of samples {@code s..s+2}, from the wide prepacked strips. */
  private void threeByThreePrepackedTile(int s, int j) {
    float[] x0 = x[s];
    float[] x1 = x[s + 1];
    float[] x2 = x[s + 2];
    float[] p = prepackedWide;
    int base = j * IN;
    FloatVector a00 = FloatVector.zero(S);
    FloatVector a01 = FloatVector.zero(S);
    FloatVector a02 = FloatVector.zero(S);
    FloatVector a10 = FloatVector.zero(S);
    FloatVector a11 = FloatVector.zero(S);
    FloatVector a12 = FloatVector.zero(S);
    FloatVector a20 = FloatVector.zero(S);
    FloatVector a21 = FloatVector.zero(S);
    FloatVector a22 = FloatVector.zero(S);
    for (int k = 0; k < IN; k++) {
      int at = base + k * 3 * L;
      FloatVector w0 = FloatVector.fromArray(S, p, at);
      FloatVector w1 = FloatVector.fromArray(S, p, at + L);
      FloatVector w2 = FloatVector.fromArray(S, p, at + 2 * L);
      FloatVector v = FloatVector.broadcast(S, x0[k]);
      a00 = w0.fma(v, a00);
      a01 = w1.fma(v, a01);
      a02 = w2.fma(v, a02);
      v = FloatVector.broadcast(S, x1[k]);
      a10 = w0.fma(v, a10);
      a11 = w1.fma(v, a11);
      a12 = w2.fma(v, a12);
      v = FloatVector.broadcast(S, x2[k]);
      a20 = w0.fma(v, a20);
      a21 = w1.fma(v, a21);
      a22 = w2.fma(v, a22);
    }
    a00.intoArray(z[s], j);
    a01.intoArray(z[s], j + L);
    a02.intoArray(z[s], j + 2 * L);
    a10.intoArray(z[s + 1], j);
    a11.intoArray(z[s + 1], j + L);
    a12.intoArray(z[s + 1], j + 2 * L);
    a20.intoArray(z[s + 2], j);
    a21.intoArray(z[s + 2], j + L);
    a22.intoArray(z[s + 2], j + 2 * L);
  }

  /** Units {@code j..j+2L-1} of samples {@code s..s+3}, from weights packed into {@code p}. */
  private void fourByTwoPackedTile(float[] p, int s, int j) {
    float[] x0 = x[s + 0];
    float[] x1 = x[s + 1];
    float[] x2 = x[s + 2];
    float[] x3 = x[s + 3];
    int base = j * IN;
    FloatVector a00 = FloatVector.zero(S);
    FloatVector a01 = FloatVector.zero(S);
    FloatVector a10 = FloatVector.zero(S);
    FloatVector a11 = FloatVector.zero(S);
    FloatVector a20 = FloatVector.zero(S);
    FloatVector a21 = FloatVector.zero(S);
    FloatVector a30 = FloatVector.zero(S);
    FloatVector a31 = FloatVector.zero(S);
    for (int k = 0; k < IN; k++) {
      int at = base + k * 2 * L;
      FloatVector w0 = FloatVector.fromArray(S, p, at);
      FloatVector w1 = FloatVector.fromArray(S, p, at + L);
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

  /** Units {@code j..j+2L-1} of samples {@code s..s+3}. */
  private void fourByTwoTile(int s, int j) {
    float[] x0 = x[s + 0];
    float[] x1 = x[s + 1];
    float[] x2 = x[s + 2];
    float[] x3 = x[s + 3];
    FloatVector a00 = FloatVector.zero(S);
    FloatVector a01 = FloatVector.zero(S);
    FloatVector a10 = FloatVector.zero(S);
    FloatVector a11 = FloatVector.zero(S);
    FloatVector a20 = FloatVector.zero(S);
    FloatVector a21 = FloatVector.zero(S);
    FloatVector a30 = FloatVector.zero(S);
    FloatVector a31 = FloatVector.zero(S);
    for (int k = 0; k < IN; k++) {
      float[] wk = w[k];
      FloatVector w0 = FloatVector.fromArray(S, wk, j);
      FloatVector w1 = FloatVector.fromArray(S, wk, j + L);
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
    a00.intoArray(z[s + 0], j);
    a01.intoArray(z[s + 0], j + L);
    a10.intoArray(z[s + 1], j);
    a11.intoArray(z[s + 1], j + L);
    a20.intoArray(z[s + 2], j);
    a21.intoArray(z[s + 2], j + L);
    a30.intoArray(z[s + 3], j);
    a31.intoArray(z[s + 3], j + L);
  }

  /** Units {@code j..j+2L-1} of samples {@code s..s+5}. */
  private void sixByTwoTile(int s, int j) {
    float[] x0 = x[s + 0];
    float[] x1 = x[s + 1];
    float[] x2 = x[s + 2];
    float[] x3 = x[s + 3];
    float[] x4 = x[s + 4];
    float[] x5 = x[s + 5];
    FloatVector a00 = FloatVector.zero(S);
    FloatVector a01 = FloatVector.zero(S);
    FloatVector a10 = FloatVector.zero(S);
    FloatVector a11 = FloatVector.zero(S);
    FloatVector a20 = FloatVector.zero(S);
    FloatVector a21 = FloatVector.zero(S);
    FloatVector a30 = FloatVector.zero(S);
    FloatVector a31 = FloatVector.zero(S);
    FloatVector a40 = FloatVector.zero(S);
    FloatVector a41 = FloatVector.zero(S);
    FloatVector a50 = FloatVector.zero(S);
    FloatVector a51 = FloatVector.zero(S);
    for (int k = 0; k < IN; k++) {
      float[] wk = w[k];
      FloatVector w0 = FloatVector.fromArray(S, wk, j);
      FloatVector w1 = FloatVector.fromArray(S, wk, j + L);
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
      v = FloatVector.broadcast(S, x4[k]);
      a40 = w0.fma(v, a40);
      a41 = w1.fma(v, a41);
      v = FloatVector.broadcast(S, x5[k]);
      a50 = w0.fma(v, a50);
      a51 = w1.fma(v, a51);
    }
    a00.intoArray(z[s], j);
    a01.intoArray(z[s], j + L);
    a10.intoArray(z[s + 1], j);
    a11.intoArray(z[s + 1], j + L);
    a20.intoArray(z[s + 2], j);
    a21.intoArray(z[s + 2], j + L);
    a30.intoArray(z[s + 3], j);
    a31.intoArray(z[s + 3], j + L);
    a40.intoArray(z[s + 4], j);
    a41.intoArray(z[s + 4], j + L);
    a50.intoArray(z[s + 5], j);
    a51.intoArray(z[s + 5], j + L);
  }

  /** Units {@code j..j+2L-1} of samples {@code s..s+7}. */
  private void eightByTwoTile(int s, int j) {
    float[] x0 = x[s + 0];
    float[] x1 = x[s + 1];
    float[] x2 = x[s + 2];
    float[] x3 = x[s + 3];
    float[] x4 = x[s + 4];
    float[] x5 = x[s + 5];
    float[] x6 = x[s + 6];
    float[] x7 = x[s + 7];
    FloatVector a00 = FloatVector.zero(S);
    FloatVector a01 = FloatVector.zero(S);
    FloatVector a10 = FloatVector.zero(S);
    FloatVector a11 = FloatVector.zero(S);
    FloatVector a20 = FloatVector.zero(S);
    FloatVector a21 = FloatVector.zero(S);
    FloatVector a30 = FloatVector.zero(S);
    FloatVector a31 = FloatVector.zero(S);
    FloatVector a40 = FloatVector.zero(S);
    FloatVector a41 = FloatVector.zero(S);
    FloatVector a50 = FloatVector.zero(S);
    FloatVector a51 = FloatVector.zero(S);
    FloatVector a60 = FloatVector.zero(S);
    FloatVector a61 = FloatVector.zero(S);
    FloatVector a70 = FloatVector.zero(S);
    FloatVector a71 = FloatVector.zero(S);
    for (int k = 0; k < IN; k++) {
      float[] wk = w[k];
      FloatVector w0 = FloatVector.fromArray(S, wk, j);
      FloatVector w1 = FloatVector.fromArray(S, wk, j + L);
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
      v = FloatVector.broadcast(S, x4[k]);
      a40 = w0.fma(v, a40);
      a41 = w1.fma(v, a41);
      v = FloatVector.broadcast(S, x5[k]);
      a50 = w0.fma(v, a50);
      a51 = w1.fma(v, a51);
      v = FloatVector.broadcast(S, x6[k]);
      a60 = w0.fma(v, a60);
      a61 = w1.fma(v, a61);
      v = FloatVector.broadcast(S, x7[k]);
      a70 = w0.fma(v, a70);
      a71 = w1.fma(v, a71);
    }
    a00.intoArray(z[s + 0], j);
    a01.intoArray(z[s + 0], j + L);
    a10.intoArray(z[s + 1], j);
    a11.intoArray(z[s + 1], j + L);
    a20.intoArray(z[s + 2], j);
    a21.intoArray(z[s + 2], j + L);
    a30.intoArray(z[s + 3], j);
    a31.intoArray(z[s + 3], j + L);
    a40.intoArray(z[s + 4], j);
    a41.intoArray(z[s + 4], j + L);
    a50.intoArray(z[s + 5], j);
    a51.intoArray(z[s + 5], j + L);
    a60.intoArray(z[s + 6], j);
    a61.intoArray(z[s + 6], j + L);
    a70.intoArray(z[s + 7], j);
    a71.intoArray(z[s + 7], j + L);
  }

  /** Units {@code j..j+3L-1} of samples {@code s..s+7}. */
  private void eightByThreeTile(int s, int j) {
    float[] x0 = x[s + 0];
    float[] x1 = x[s + 1];
    float[] x2 = x[s + 2];
    float[] x3 = x[s + 3];
    float[] x4 = x[s + 4];
    float[] x5 = x[s + 5];
    float[] x6 = x[s + 6];
    float[] x7 = x[s + 7];
    FloatVector a00 = FloatVector.zero(S);
    FloatVector a01 = FloatVector.zero(S);
    FloatVector a02 = FloatVector.zero(S);
    FloatVector a10 = FloatVector.zero(S);
    FloatVector a11 = FloatVector.zero(S);
    FloatVector a12 = FloatVector.zero(S);
    FloatVector a20 = FloatVector.zero(S);
    FloatVector a21 = FloatVector.zero(S);
    FloatVector a22 = FloatVector.zero(S);
    FloatVector a30 = FloatVector.zero(S);
    FloatVector a31 = FloatVector.zero(S);
    FloatVector a32 = FloatVector.zero(S);
    FloatVector a40 = FloatVector.zero(S);
    FloatVector a41 = FloatVector.zero(S);
    FloatVector a42 = FloatVector.zero(S);
    FloatVector a50 = FloatVector.zero(S);
    FloatVector a51 = FloatVector.zero(S);
    FloatVector a52 = FloatVector.zero(S);
    FloatVector a60 = FloatVector.zero(S);
    FloatVector a61 = FloatVector.zero(S);
    FloatVector a62 = FloatVector.zero(S);
    FloatVector a70 = FloatVector.zero(S);
    FloatVector a71 = FloatVector.zero(S);
    FloatVector a72 = FloatVector.zero(S);
    for (int k = 0; k < IN; k++) {
      float[] wk = w[k];
      FloatVector w0 = FloatVector.fromArray(S, wk, j);
      FloatVector w1 = FloatVector.fromArray(S, wk, j + L);
      FloatVector w2 = FloatVector.fromArray(S, wk, j + 2 * L);
      FloatVector v = FloatVector.broadcast(S, x0[k]);
      a00 = w0.fma(v, a00);
      a01 = w1.fma(v, a01);
      a02 = w2.fma(v, a02);
      v = FloatVector.broadcast(S, x1[k]);
      a10 = w0.fma(v, a10);
      a11 = w1.fma(v, a11);
      a12 = w2.fma(v, a12);
      v = FloatVector.broadcast(S, x2[k]);
      a20 = w0.fma(v, a20);
      a21 = w1.fma(v, a21);
      a22 = w2.fma(v, a22);
      v = FloatVector.broadcast(S, x3[k]);
      a30 = w0.fma(v, a30);
      a31 = w1.fma(v, a31);
      a32 = w2.fma(v, a32);
      v = FloatVector.broadcast(S, x4[k]);
      a40 = w0.fma(v, a40);
      a41 = w1.fma(v, a41);
      a42 = w2.fma(v, a42);
      v = FloatVector.broadcast(S, x5[k]);
      a50 = w0.fma(v, a50);
      a51 = w1.fma(v, a51);
      a52 = w2.fma(v, a52);
      v = FloatVector.broadcast(S, x6[k]);
      a60 = w0.fma(v, a60);
      a61 = w1.fma(v, a61);
      a62 = w2.fma(v, a62);
      v = FloatVector.broadcast(S, x7[k]);
      a70 = w0.fma(v, a70);
      a71 = w1.fma(v, a71);
      a72 = w2.fma(v, a72);
    }
    a00.intoArray(z[s + 0], j);
    a01.intoArray(z[s + 0], j + L);
    a02.intoArray(z[s + 0], j + 2 * L);
    a10.intoArray(z[s + 1], j);
    a11.intoArray(z[s + 1], j + L);
    a12.intoArray(z[s + 1], j + 2 * L);
    a20.intoArray(z[s + 2], j);
    a21.intoArray(z[s + 2], j + L);
    a22.intoArray(z[s + 2], j + 2 * L);
    a30.intoArray(z[s + 3], j);
    a31.intoArray(z[s + 3], j + L);
    a32.intoArray(z[s + 3], j + 2 * L);
    a40.intoArray(z[s + 4], j);
    a41.intoArray(z[s + 4], j + L);
    a42.intoArray(z[s + 4], j + 2 * L);
    a50.intoArray(z[s + 5], j);
    a51.intoArray(z[s + 5], j + L);
    a52.intoArray(z[s + 5], j + 2 * L);
    a60.intoArray(z[s + 6], j);
    a61.intoArray(z[s + 6], j + L);
    a62.intoArray(z[s + 6], j + 2 * L);
    a70.intoArray(z[s + 7], j);
    a71.intoArray(z[s + 7], j + L);
    a72.intoArray(z[s + 7], j + 2 * L);
  }

  /** Units {@code j..j+4L-1} of samples {@code s..s+5}. */
  private void sixByFourTile(int s, int j) {
    float[] x0 = x[s + 0];
    float[] x1 = x[s + 1];
    float[] x2 = x[s + 2];
    float[] x3 = x[s + 3];
    float[] x4 = x[s + 4];
    float[] x5 = x[s + 5];
    FloatVector a00 = FloatVector.zero(S);
    FloatVector a01 = FloatVector.zero(S);
    FloatVector a02 = FloatVector.zero(S);
    FloatVector a03 = FloatVector.zero(S);
    FloatVector a10 = FloatVector.zero(S);
    FloatVector a11 = FloatVector.zero(S);
    FloatVector a12 = FloatVector.zero(S);
    FloatVector a13 = FloatVector.zero(S);
    FloatVector a20 = FloatVector.zero(S);
    FloatVector a21 = FloatVector.zero(S);
    FloatVector a22 = FloatVector.zero(S);
    FloatVector a23 = FloatVector.zero(S);
    FloatVector a30 = FloatVector.zero(S);
    FloatVector a31 = FloatVector.zero(S);
    FloatVector a32 = FloatVector.zero(S);
    FloatVector a33 = FloatVector.zero(S);
    FloatVector a40 = FloatVector.zero(S);
    FloatVector a41 = FloatVector.zero(S);
    FloatVector a42 = FloatVector.zero(S);
    FloatVector a43 = FloatVector.zero(S);
    FloatVector a50 = FloatVector.zero(S);
    FloatVector a51 = FloatVector.zero(S);
    FloatVector a52 = FloatVector.zero(S);
    FloatVector a53 = FloatVector.zero(S);
    for (int k = 0; k < IN; k++) {
      float[] wk = w[k];
      FloatVector w0 = FloatVector.fromArray(S, wk, j);
      FloatVector w1 = FloatVector.fromArray(S, wk, j + L);
      FloatVector w2 = FloatVector.fromArray(S, wk, j + 2 * L);
      FloatVector w3 = FloatVector.fromArray(S, wk, j + 3 * L);
      FloatVector v = FloatVector.broadcast(S, x0[k]);
      a00 = w0.fma(v, a00);
      a01 = w1.fma(v, a01);
      a02 = w2.fma(v, a02);
      a03 = w3.fma(v, a03);
      v = FloatVector.broadcast(S, x1[k]);
      a10 = w0.fma(v, a10);
      a11 = w1.fma(v, a11);
      a12 = w2.fma(v, a12);
      a13 = w3.fma(v, a13);
      v = FloatVector.broadcast(S, x2[k]);
      a20 = w0.fma(v, a20);
      a21 = w1.fma(v, a21);
      a22 = w2.fma(v, a22);
      a23 = w3.fma(v, a23);
      v = FloatVector.broadcast(S, x3[k]);
      a30 = w0.fma(v, a30);
      a31 = w1.fma(v, a31);
      a32 = w2.fma(v, a32);
      a33 = w3.fma(v, a33);
      v = FloatVector.broadcast(S, x4[k]);
      a40 = w0.fma(v, a40);
      a41 = w1.fma(v, a41);
      a42 = w2.fma(v, a42);
      a43 = w3.fma(v, a43);
      v = FloatVector.broadcast(S, x5[k]);
      a50 = w0.fma(v, a50);
      a51 = w1.fma(v, a51);
      a52 = w2.fma(v, a52);
      a53 = w3.fma(v, a53);
    }
    a00.intoArray(z[s + 0], j);
    a01.intoArray(z[s + 0], j + L);
    a02.intoArray(z[s + 0], j + 2 * L);
    a03.intoArray(z[s + 0], j + 3 * L);
    a10.intoArray(z[s + 1], j);
    a11.intoArray(z[s + 1], j + L);
    a12.intoArray(z[s + 1], j + 2 * L);
    a13.intoArray(z[s + 1], j + 3 * L);
    a20.intoArray(z[s + 2], j);
    a21.intoArray(z[s + 2], j + L);
    a22.intoArray(z[s + 2], j + 2 * L);
    a23.intoArray(z[s + 2], j + 3 * L);
    a30.intoArray(z[s + 3], j);
    a31.intoArray(z[s + 3], j + L);
    a32.intoArray(z[s + 3], j + 2 * L);
    a33.intoArray(z[s + 3], j + 3 * L);
    a40.intoArray(z[s + 4], j);
    a41.intoArray(z[s + 4], j + L);
    a42.intoArray(z[s + 4], j + 2 * L);
    a43.intoArray(z[s + 4], j + 3 * L);
    a50.intoArray(z[s + 5], j);
    a51.intoArray(z[s + 5], j + L);
    a52.intoArray(z[s + 5], j + 2 * L);
    a53.intoArray(z[s + 5], j + 3 * L);
  }
}
