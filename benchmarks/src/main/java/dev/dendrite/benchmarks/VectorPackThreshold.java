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
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * From how many samples copying the weights into packed strips pays for itself in the Vector API
 * forward pass with four-sample tiles ({@code VectorMatrixKernels.PACK_MIN_SAMPLES}): the product
 * of {@code samples} samples with a {@code layer} ("inputs x units") weight matrix, on the weight
 * rows ({@link #rows}) and on weights copied row by row into strips of two vectors of units
 * before the tiles run ({@link #packed}, the copy included), whole tiles only.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class VectorPackThreshold {

  static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
  static final int L = S.length();
  static final int TILE = 2 * L;

  @Param({"784x256", "256x128"})
  public String layer;

  @Param({"8", "12", "16", "20", "32"})
  public int samples;

  private int inputs;
  private int units;
  private float[][] x;
  private float[][] w;
  private float[][] z;
  private float[] packed;

  @Setup
  public void setUp() {
    String[] sides = layer.split("x");
    inputs = Integer.parseInt(sides[0]);
    units = Integer.parseInt(sides[1]) / TILE * TILE;
    Random random = new Random(1);
    x = new float[samples][inputs];
    w = new float[inputs][units];
    z = new float[samples][units];
    packed = new float[inputs * units];
    for (float[][] m : new float[][][] {x, w}) {
      for (float[] row : m) {
        for (int j = 0; j < row.length; j++) {
          row[j] = random.nextFloat() - 0.5f;
        }
      }
    }
  }

  /** Four-by-two tiles on the weight rows, one vector pair from each row. */
  @Benchmark
  public float[][] rows() {
    for (int j = 0; j < units; j += TILE) {
      for (int s = 0; s + 4 <= samples; s += 4) {
        rowsTile(s, j);
      }
    }
    return z;
  }

  /** The weights copied into strips, then four-by-two tiles on the strips. */
  @Benchmark
  public float[][] packed() {
    for (int k = 0; k < inputs; k++) {
      float[] wk = w[k];
      int at = k * TILE;
      for (int j = 0; j < units; j += TILE) {
        FloatVector.fromArray(S, wk, j).intoArray(packed, at);
        FloatVector.fromArray(S, wk, j + L).intoArray(packed, at + L);
        at += inputs * TILE;
      }
    }
    for (int j = 0; j < units; j += TILE) {
      for (int s = 0; s + 4 <= samples; s += 4) {
        packedTile(s, j);
      }
    }
    return z;
  }

  private void rowsTile(int s, int j) {
    float[] x0 = x[s];
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
    for (int k = 0; k < inputs; k++) {
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
    a00.intoArray(z[s], j);
    a01.intoArray(z[s], j + L);
    a10.intoArray(z[s + 1], j);
    a11.intoArray(z[s + 1], j + L);
    a20.intoArray(z[s + 2], j);
    a21.intoArray(z[s + 2], j + L);
    a30.intoArray(z[s + 3], j);
    a31.intoArray(z[s + 3], j + L);
  }

  private void packedTile(int s, int j) {
    float[] x0 = x[s];
    float[] x1 = x[s + 1];
    float[] x2 = x[s + 2];
    float[] x3 = x[s + 3];
    int base = inputs * j;
    FloatVector a00 = FloatVector.zero(S);
    FloatVector a01 = FloatVector.zero(S);
    FloatVector a10 = FloatVector.zero(S);
    FloatVector a11 = FloatVector.zero(S);
    FloatVector a20 = FloatVector.zero(S);
    FloatVector a21 = FloatVector.zero(S);
    FloatVector a30 = FloatVector.zero(S);
    FloatVector a31 = FloatVector.zero(S);
    for (int k = 0; k < inputs; k++) {
      int at = base + k * TILE;
      FloatVector w0 = FloatVector.fromArray(S, packed, at);
      FloatVector w1 = FloatVector.fromArray(S, packed, at + L);
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
