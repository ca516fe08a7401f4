package dev.dendrite.kernel.vector;

import dev.dendrite.kernel.MatrixKernels;
import java.util.Arrays;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link MatrixKernels} on the Vector API. Each kernel keeps a tile of accumulators in registers
 * (four samples or rows by two vectors of units; eight where there are 32 vector registers) and
 * runs the long dimension of the product inside it, one fused multiply-add per weight and
 * sample. Units left over after the last whole tile take a one-vector tile, then scalar fused
 * multiply-adds, four independent sums side by side. A product of fewer units than one vector
 * (an output layer of 10 classes, with 16-float vectors) runs on a copy of its weights (or, for
 * the weight gradient, of its gradients) one vector's width per row, the lanes past the last
 * unit zero, eight samples or rows at a time. Batches are taken in slices of {@value
 * #SAMPLES} samples, so that the slice's rows stay in the cache while every tile of units passes
 * over them; partial sums wait in the output between slices.
 *
 * <p>The weight gradient {@code x^T g} runs as a forward pass on the inputs transposed (one row
 * per input, over the samples) with the gradients as its weights, which beat tiles of eight rows
 * over the samples in their own layout (docs/design.md). Where the tiles take four samples
 * (vectors of fewer than 512 bits, as with AVX2), a forward pass over at least {@value
 * #PACK_MIN_SAMPLES} samples first copies the weights of whole tiles into one array, each strip of
 * two vectors of units in input order, so that a tile reads its weights in sequence. These copies
 * go to buffers of the calling thread, which grow to the largest layer and batch the thread has
 * seen and are kept for its next call: steady-state calls allocate nothing.
 *
 * <p>Every output value of {@link #forward} and {@link #weightGradient} is one chain of fused
 * multiply-adds in a fixed order (from the bias, or from zero, over the inputs or the samples in
 * order), whichever path computes it. Results therefore do not depend on which range of samples
 * or rows a call is given, nor on how a batch is split over threads.
 */
public final class VectorMatrixKernels implements MatrixKernels {

  private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
  private static final int L = S.length();
  private static final int TILE = 2 * L;
  /**
   * Whether the tiles take eight samples instead of four:
   * with vectors of 512 bits, as on x86 with AVX-512, there are 32 vector registers, room for the
   * 16 accumulators of an eight by two tile, the two vectors loaded and the broadcast value. With
   * 16 registers (AVX2) the larger tile would spill.
   */
  private static final boolean EIGHT_WIDE = S.vectorBitSize() >= 512;
  /** Weight rows per slice of a single sample's forward pass (32 KB of rows of 128 floats). */
  private static final int ROWS = 64;
  /** Samples per slice of a batch (a multiple of the four samples of a tile). */
  private static final int SAMPLES = 64;
  /**
   * The smallest range of samples whose forward pass first copies the weights of whole tiles into
   * one array, strip by strip of two vectors of units, where the tiles take four samples: the
   * copy costs about one pass over the weights, and each group of four samples then reads its
   * strip in sequence instead of one vector pair from each of the layer's rows. On AVX2 the copy
   * paid for itself from a few samples on for a large layer and from about 20 for one that stays
   * in the cache (docs/design.md).
   */
  private static final int PACK_MIN_SAMPLES = 16;
  /** Each thread's rows of transposed inputs for the weight gradient, in a holder. */
  private static final ThreadLocal<float[][][]> TRANSPOSED =
      ThreadLocal.withInitial(() -> new float[][][] {new float[0][]});
  /** Each thread's buffers for products of fewer units than one vector. */
  private static final ThreadLocal<Narrow> NARROW = ThreadLocal.withInitial(Narrow::new);
  /** Each thread's buffer of packed weights, in a holder so that it can grow. */
  private static final ThreadLocal<float[][]> PACKED =
      ThreadLocal.withInitial(() -> new float[][] {new float[0]});


  @Override
  public void forward(float[][] in, float[][] weight, float[] bias, float[][] z, int from,
      int to) {
    forward(in, weight, 0, weight.length, bias, z, from, to);
  }

  @Override
  public void forwardPart(float[][] in, float[][] weight, int rowFrom, int rowTo, float[] bias,
      float[][] z, int from, int to) {
    if (rowFrom < 0 || rowFrom > rowTo || rowTo > weight.length) {
      throw new IllegalArgumentException("rows " + rowFrom + ".." + rowTo + " of a weight matrix"
          + " of " + weight.length + " rows");
    }
    forward(in, weight, rowFrom, rowTo, bias, z, from, to);
  }

  /**
   * {@link #forward(float[][], float[][], float[], float[][], int, int)} over rows {@code
   * kFrom..kTo-1} of {@code weight} (and values {@code kFrom..kTo-1} of each input row).
   */
  private static void forward(float[][] in, float[][] weight, int kFrom, int kTo, float[] bias,
      float[][] z, int from, int to) {
    int units = weight[0].length;
    if (units < L) {
      forwardNarrow(in, weight, kFrom, kTo, bias, z, from, to);
      return;
    }
    int blocked = from + (to - from) / 4 * 4;
    float[] packed = null;
    if (!EIGHT_WIDE && blocked - from >= PACK_MIN_SAMPLES && units >= TILE) {
      packed = pack(weight, kFrom, kTo, units / TILE);
    }
    for (int start = from; start < blocked; start += SAMPLES) {
      int end = Math.min(blocked, start + SAMPLES);
      int j = 0;
      for (; j + TILE <= units; j += TILE) {
        if (packed == null) {
          forwardTile(in, weight, kFrom, kTo, bias, z, start, end, j);
        } else {
          forwardPackedTile(in, packed, kFrom, kTo, bias, z, start, end, j);
        }
      }
      if (j + L <= units) {
        forwardColumn(in, weight, kFrom, kTo, bias, z, start, end, j);
        j += L;
      }
      if (j < units) {
        forwardScalars(in, weight, kFrom, kTo, bias, z, start, end, j);
      }
    }
    for (int s = blocked; s < to; s++) {
      forwardSingle(in[s], weight, kFrom, kTo, bias, z[s]);
    }
  }

  /**
   * Units {@code j..j+2L-1} of samples {@code from..blocked-1}, eight or four samples at a time.
   */
  private static void forwardTile(float[][] in, float[][] weight, int kFrom, int kTo, float[] bias,
      float[][] z, int from, int blocked, int j) {
    FloatVector bias0 = bias == null ? FloatVector.zero(S) : FloatVector.fromArray(S, bias, j);
    FloatVector bias1 = bias == null ? FloatVector.zero(S) : FloatVector.fromArray(S, bias, j + L);
    int s = from;
    if (EIGHT_WIDE) {
      for (; s + 8 <= blocked; s += 8) {
        forwardEightSamples(in, weight, kFrom, kTo, bias, z, s, j);
      }
    }
    for (; s < blocked; s += 4) {
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
      for (int k = kFrom; k < kTo; k++) {
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

  /**
   * This thread's copy of the weights of whole tiles, {@code strips} of them: strip {@code t}
   * (units {@code t * 2L..t * 2L + 2L - 1}) at {@code t * (kTo - kFrom) * 2L}, input {@code k}'s two
   * vectors at {@code (k - kFrom) * 2L} within it. The buffer grows to the largest layer this thread has
   * seen and is kept for the next call.
   */
  private static float[] pack(float[][] weight, int kFrom, int kTo, int strips) {
    int size = (kTo - kFrom) * strips * TILE;
    float[][] holder = PACKED.get();
    float[] packed = holder[0];
    if (packed.length < size) {
      packed = new float[size];
      holder[0] = packed;
    }
    for (int k = kFrom; k < kTo; k++) {
      float[] w = weight[k];
      int at = (k - kFrom) * TILE;
      for (int j = 0; j < strips * TILE; j += TILE) {
        FloatVector.fromArray(S, w, j).intoArray(packed, at);
        FloatVector.fromArray(S, w, j + L).intoArray(packed, at + L);
        at += (kTo - kFrom) * TILE;
      }
    }
    return packed;
  }

  /**
   * Units {@code j..j+2L-1} of samples {@code from..blocked-1}, four samples at a time, from the
   * strip of these units that {@link #pack} wrote: the same sums as {@link #forwardTile}, in the
   * same order, with the weights read in sequence from one array.
   */
  private static void forwardPackedTile(float[][] in, float[] packed, int kFrom, int kTo, float[] bias,
      float[][] z, int from, int blocked, int j) {
    int base = (kTo - kFrom) * j - kFrom * TILE;
    FloatVector bias0 = bias == null ? FloatVector.zero(S) : FloatVector.fromArray(S, bias, j);
    FloatVector bias1 = bias == null ? FloatVector.zero(S) : FloatVector.fromArray(S, bias, j + L);
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
      for (int k = kFrom; k < kTo; k++) {
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

  /**
   * Units {@code j..j+2L-1} of samples {@code s..s+7}: each pair of weight vectors loaded serves
   * eight samples. Takes the bias as an array, not as vectors: a vector argument of a method that
   * is not inlined arrives as an object, and with accumulators that started from such arguments
   * C2's compilation kept every accumulator as an object, allocating in every call.
   */
  private static void forwardEightSamples(float[][] in, float[][] weight, int kFrom, int kTo,
      float[] bias, float[][] z, int s, int j) {
    FloatVector bias0 = bias == null ? FloatVector.zero(S) : FloatVector.fromArray(S, bias, j);
    FloatVector bias1 = bias == null ? FloatVector.zero(S) : FloatVector.fromArray(S, bias, j + L);
    float[] x0 = in[s];
    float[] x1 = in[s + 1];
    float[] x2 = in[s + 2];
    float[] x3 = in[s + 3];
    float[] x4 = in[s + 4];
    float[] x5 = in[s + 5];
    float[] x6 = in[s + 6];
    float[] x7 = in[s + 7];
    FloatVector a00 = bias0;
    FloatVector a01 = bias1;
    FloatVector a10 = bias0;
    FloatVector a11 = bias1;
    FloatVector a20 = bias0;
    FloatVector a21 = bias1;
    FloatVector a30 = bias0;
    FloatVector a31 = bias1;
    FloatVector a40 = bias0;
    FloatVector a41 = bias1;
    FloatVector a50 = bias0;
    FloatVector a51 = bias1;
    FloatVector a60 = bias0;
    FloatVector a61 = bias1;
    FloatVector a70 = bias0;
    FloatVector a71 = bias1;
    for (int k = kFrom; k < kTo; k++) {
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
    a60.intoArray(z[s + 6], j);
    a61.intoArray(z[s + 6], j + L);
    a70.intoArray(z[s + 7], j);
    a71.intoArray(z[s + 7], j + L);
  }

  /**
   * Units {@code j..j+L-1} of samples {@code from..blocked-1}, four samples at a time: the
   * column of units left over when fewer than two vectors remain.
   */
  private static void forwardColumn(float[][] in, float[][] weight, int kFrom, int kTo, float[] bias,
      float[][] z, int from, int blocked, int j) {
    FloatVector start = bias == null ? FloatVector.zero(S) : FloatVector.fromArray(S, bias, j);
    for (int s = from; s < blocked; s += 4) {
      float[] x0 = in[s];
      float[] x1 = in[s + 1];
      float[] x2 = in[s + 2];
      float[] x3 = in[s + 3];
      FloatVector a0 = start;
      FloatVector a1 = start;
      FloatVector a2 = start;
      FloatVector a3 = start;
      for (int k = kFrom; k < kTo; k++) {
        FloatVector w = FloatVector.fromArray(S, weight[k], j);
        a0 = w.fma(FloatVector.broadcast(S, x0[k]), a0);
        a1 = w.fma(FloatVector.broadcast(S, x1[k]), a1);
        a2 = w.fma(FloatVector.broadcast(S, x2[k]), a2);
        a3 = w.fma(FloatVector.broadcast(S, x3[k]), a3);
      }
      a0.intoArray(z[s], j);
      a1.intoArray(z[s + 1], j);
      a2.intoArray(z[s + 2], j);
      a3.intoArray(z[s + 3], j);
    }
  }

  /**
   * Units {@code first..} (fewer than one vector) of samples {@code from..blocked-1}: four
   * samples' sums of one unit at a time, so that four independent chains of fused multiply-adds
   * overlap.
   */
  private static void forwardScalars(float[][] in, float[][] weight, int kFrom, int kTo, float[] bias,
      float[][] z, int from, int blocked, int first) {
    int units = weight[0].length;
    for (int s = from; s < blocked; s += 4) {
      float[] x0 = in[s];
      float[] x1 = in[s + 1];
      float[] x2 = in[s + 2];
      float[] x3 = in[s + 3];
      for (int j = first; j < units; j++) {
        float start = bias == null ? 0f : bias[j];
        float a0 = start;
        float a1 = start;
        float a2 = start;
        float a3 = start;
        for (int k = kFrom; k < kTo; k++) {
          float w = weight[k][j];
          a0 = Math.fma(w, x0[k], a0);
          a1 = Math.fma(w, x1[k], a1);
          a2 = Math.fma(w, x2[k], a2);
          a3 = Math.fma(w, x3[k], a3);
        }
        z[s][j] = a0;
        z[s + 1][j] = a1;
        z[s + 2][j] = a2;
        z[s + 3][j] = a3;
      }
    }
  }

  /**
   * One sample. Where there are 32 vector registers, sixteen vectors of units at a time take
   * every input in one pass, their sums in registers throughout. The units left (all of them
   * with 16 registers) take their inputs in slices of {@value #ROWS} weight rows, swept eight
   * vectors at a time, each block's sums held in registers over the slice and kept in {@code z}
   * between slices; then single vectors and single units. Each unit is accumulated in the same
   * order as in the tiles.
   */
  private static void forwardSingle(float[] x, float[][] weight, int kFrom, int kTo, float[] bias,
      float[] z) {
    int units = weight[0].length;
    int wide = 0;
    if (EIGHT_WIDE) {
      wide = units - units % (16 * L);
      for (int j = 0; j < wide; j += 16 * L) {
        forwardSingleSixteen(x, weight, kFrom, kTo, bias, z, j);
      }
    }
    int blocks = units - units % (8 * L);
    if (bias == null) {
      Arrays.fill(z, wide, blocks, 0f);
    } else {
      System.arraycopy(bias, wide, z, wide, blocks - wide);
    }
    for (int k = kFrom; k < kTo; k += ROWS) {
      int end = Math.min(kTo, k + ROWS);
      for (int j = wide; j < blocks; j += 8 * L) {
        forwardSingleBlock(x, weight, z, j, k, end);
      }
    }
    int j = blocks;
    for (; j + L <= units; j += L) {
      FloatVector a = bias == null ? FloatVector.zero(S) : FloatVector.fromArray(S, bias, j);
      for (int k = kFrom; k < kTo; k++) {
        a = FloatVector.fromArray(S, weight[k], j).fma(FloatVector.broadcast(S, x[k]), a);
      }
      a.intoArray(z, j);
    }
    for (; j < units; j++) {
      float acc = bias == null ? 0f : bias[j];
      for (int k = kFrom; k < kTo; k++) {
        acc = Math.fma(weight[k][j], x[k], acc);
      }
      z[j] = acc;
    }
  }

  /**
   * Units {@code j..j+16L-1} of one sample over inputs {@code kFrom..kTo-1}, from the bias (or
   * zero): each weight row is read once, in sequence, and the 16 sums stay in registers, which
   * beat slices of eight vectors for one sample (docs/design.md).
   */
  private static void forwardSingleSixteen(float[] x, float[][] weight, int kFrom, int kTo,
      float[] bias, float[] z, int j) {
    FloatVector a0 = bias == null ? FloatVector.zero(S) : FloatVector.fromArray(S, bias, j);
    FloatVector a1 = bias == null ? FloatVector.zero(S) : FloatVector.fromArray(S, bias, j + L);
    FloatVector a2 = bias == null ? FloatVector.zero(S) : FloatVector.fromArray(S, bias, j + 2 * L);
    FloatVector a3 = bias == null ? FloatVector.zero(S) : FloatVector.fromArray(S, bias, j + 3 * L);
    FloatVector a4 = bias == null ? FloatVector.zero(S) : FloatVector.fromArray(S, bias, j + 4 * L);
    FloatVector a5 = bias == null ? FloatVector.zero(S) : FloatVector.fromArray(S, bias, j + 5 * L);
    FloatVector a6 = bias == null ? FloatVector.zero(S) : FloatVector.fromArray(S, bias, j + 6 * L);
    FloatVector a7 = bias == null ? FloatVector.zero(S) : FloatVector.fromArray(S, bias, j + 7 * L);
    FloatVector a8 = bias == null ? FloatVector.zero(S) : FloatVector.fromArray(S, bias, j + 8 * L);
    FloatVector a9 = bias == null ? FloatVector.zero(S) : FloatVector.fromArray(S, bias, j + 9 * L);
    FloatVector a10 = bias == null ? FloatVector.zero(S) : FloatVector.fromArray(S, bias, j + 10 * L);
    FloatVector a11 = bias == null ? FloatVector.zero(S) : FloatVector.fromArray(S, bias, j + 11 * L);
    FloatVector a12 = bias == null ? FloatVector.zero(S) : FloatVector.fromArray(S, bias, j + 12 * L);
    FloatVector a13 = bias == null ? FloatVector.zero(S) : FloatVector.fromArray(S, bias, j + 13 * L);
    FloatVector a14 = bias == null ? FloatVector.zero(S) : FloatVector.fromArray(S, bias, j + 14 * L);
    FloatVector a15 = bias == null ? FloatVector.zero(S) : FloatVector.fromArray(S, bias, j + 15 * L);
    for (int k = kFrom; k < kTo; k++) {
      float[] w = weight[k];
      FloatVector v = FloatVector.broadcast(S, x[k]);
      a0 = FloatVector.fromArray(S, w, j).fma(v, a0);
      a1 = FloatVector.fromArray(S, w, j + L).fma(v, a1);
      a2 = FloatVector.fromArray(S, w, j + 2 * L).fma(v, a2);
      a3 = FloatVector.fromArray(S, w, j + 3 * L).fma(v, a3);
      a4 = FloatVector.fromArray(S, w, j + 4 * L).fma(v, a4);
      a5 = FloatVector.fromArray(S, w, j + 5 * L).fma(v, a5);
      a6 = FloatVector.fromArray(S, w, j + 6 * L).fma(v, a6);
      a7 = FloatVector.fromArray(S, w, j + 7 * L).fma(v, a7);
      a8 = FloatVector.fromArray(S, w, j + 8 * L).fma(v, a8);
      a9 = FloatVector.fromArray(S, w, j + 9 * L).fma(v, a9);
      a10 = FloatVector.fromArray(S, w, j + 10 * L).fma(v, a10);
      a11 = FloatVector.fromArray(S, w, j + 11 * L).fma(v, a11);
      a12 = FloatVector.fromArray(S, w, j + 12 * L).fma(v, a12);
      a13 = FloatVector.fromArray(S, w, j + 13 * L).fma(v, a13);
      a14 = FloatVector.fromArray(S, w, j + 14 * L).fma(v, a14);
      a15 = FloatVector.fromArray(S, w, j + 15 * L).fma(v, a15);
    }
    a0.intoArray(z, j);
    a1.intoArray(z, j + L);
    a2.intoArray(z, j + 2 * L);
    a3.intoArray(z, j + 3 * L);
    a4.intoArray(z, j + 4 * L);
    a5.intoArray(z, j + 5 * L);
    a6.intoArray(z, j + 6 * L);
    a7.intoArray(z, j + 7 * L);
    a8.intoArray(z, j + 8 * L);
    a9.intoArray(z, j + 9 * L);
    a10.intoArray(z, j + 10 * L);
    a11.intoArray(z, j + 11 * L);
    a12.intoArray(z, j + 12 * L);
    a13.intoArray(z, j + 13 * L);
    a14.intoArray(z, j + 14 * L);
    a15.intoArray(z, j + 15 * L);
  }

  /** Adds inputs {@code from..to-1} of one sample to units {@code j..j+8L-1} of {@code z}. */
  private static void forwardSingleBlock(float[] x, float[][] weight, float[] z, int j, int from,
      int to) {
    FloatVector a0 = FloatVector.fromArray(S, z, j);
    FloatVector a1 = FloatVector.fromArray(S, z, j + L);
    FloatVector a2 = FloatVector.fromArray(S, z, j + 2 * L);
    FloatVector a3 = FloatVector.fromArray(S, z, j + 3 * L);
    FloatVector a4 = FloatVector.fromArray(S, z, j + 4 * L);
    FloatVector a5 = FloatVector.fromArray(S, z, j + 5 * L);
    FloatVector a6 = FloatVector.fromArray(S, z, j + 6 * L);
    FloatVector a7 = FloatVector.fromArray(S, z, j + 7 * L);
    for (int k = from; k < to; k++) {
      float[] w = weight[k];
      FloatVector v = FloatVector.broadcast(S, x[k]);
      a0 = FloatVector.fromArray(S, w, j).fma(v, a0);
      a1 = FloatVector.fromArray(S, w, j + L).fma(v, a1);
      a2 = FloatVector.fromArray(S, w, j + 2 * L).fma(v, a2);
      a3 = FloatVector.fromArray(S, w, j + 3 * L).fma(v, a3);
      a4 = FloatVector.fromArray(S, w, j + 4 * L).fma(v, a4);
      a5 = FloatVector.fromArray(S, w, j + 5 * L).fma(v, a5);
      a6 = FloatVector.fromArray(S, w, j + 6 * L).fma(v, a6);
      a7 = FloatVector.fromArray(S, w, j + 7 * L).fma(v, a7);
    }
    a0.intoArray(z, j);
    a1.intoArray(z, j + L);
    a2.intoArray(z, j + 2 * L);
    a3.intoArray(z, j + 3 * L);
    a4.intoArray(z, j + 4 * L);
    a5.intoArray(z, j + 5 * L);
    a6.intoArray(z, j + 6 * L);
    a7.intoArray(z, j + 7 * L);
  }

  @Override
  public void weightGradient(float[][] x, float[][] g, float[][] weightGrad, int n, int rowFrom,
      int rowTo) {
    if (n == 0) {
      for (int k = rowFrom; k < rowTo; k++) {
        Arrays.fill(weightGrad[k], 0f);
      }
      return;
    }
    if (weightGrad[0].length < L) {
      gradientNarrow(x, g, weightGrad, n, rowFrom, rowTo);
      return;
    }
    forward(transposedRows(x, n, rowFrom, rowTo), g, 0, n, null, weightGrad, rowFrom, rowTo);
  }

  /**
   * Rows {@code rowFrom..rowTo-1} of {@code x} transposed, in this thread's buffer: row {@code k}
   * holds {@code x[s][k]} for samples {@code 0..n-1} (and may be longer); other rows are left as
   * they were. The weight gradient is then the forward product of these rows with the gradients
   * {@code g[0..n-1]} as the weights: {@code weightGrad[k] = sum_s x[s][k] g[s]}, each sum a chain
   * of fused multiply-adds over the samples in order, as the forward pass sums over its inputs.
   * The buffer grows to the largest layer and batch this thread has seen.
   */
  private static float[][] transposedRows(float[][] x, int n, int rowFrom, int rowTo) {
    float[][][] holder = TRANSPOSED.get();
    float[][] rows = holder[0];
    if (rows.length < rowTo) {
      rows = Arrays.copyOf(rows, rowTo);
      holder[0] = rows;
    }
    for (int k = rowFrom; k < rowTo; k++) {
      if (rows[k] == null || rows[k].length < n) {
        rows[k] = new float[n];
      }
    }
    int s = 0;
    for (; s + 3 < n; s += 4) {
      float[] x0 = x[s];
      float[] x1 = x[s + 1];
      float[] x2 = x[s + 2];
      float[] x3 = x[s + 3];
      for (int k = rowFrom; k < rowTo; k++) {
        float[] row = rows[k];
        row[s] = x0[k];
        row[s + 1] = x1[k];
        row[s + 2] = x2[k];
        row[s + 3] = x3[k];
      }
    }
    for (; s < n; s++) {
      float[] xs = x[s];
      for (int k = rowFrom; k < rowTo; k++) {
        rows[k][s] = xs[k];
      }
    }
    return rows;
  }

  /**
   * A product of fewer units than one vector: each row of {@code weight} is copied into one
   * vector's width of this thread's buffer, the lanes past the last unit zero, so that every row
   * is one full vector load; eight samples at a time then take one fused multiply-add per row
   * and sample, each sum in its own lane. The unused lanes compute sums nobody reads; each
   * sample's vector goes to a scratch row and its first {@code units} values to {@code z}.
   */
  private static void forwardNarrow(float[][] in, float[][] weight, int kFrom, int kTo,
      float[] bias, float[][] z, int from, int to) {
    int units = weight[0].length;
    int s = from;
    if (to - from >= 8) {
      Narrow narrow = NARROW.get();
      float[] padded = narrow.pad(weight, kFrom, kTo, units);
      float[] start = narrow.start;
      Arrays.fill(start, 0f);
      if (bias != null) {
        System.arraycopy(bias, 0, start, 0, units);
      }
      for (; s + 7 < to; s += 8) {
        forwardNarrowEight(in, padded, kFrom, kTo, start, z, s, units, narrow.row);
      }
    }
    for (; s < to; s++) {
      forwardNarrowSingle(in[s], weight, kFrom, kTo, bias, z[s], units);
    }
  }

  /**
   * One sample of {@link #forwardNarrow}, on the weight rows themselves: copying them costs more
   * than one sample gains from it (docs/design.md). Each
   * sum is the same chain of fused multiply-adds as in a lane of the copied rows.
   */
  private static void forwardNarrowSingle(float[] x, float[][] weight, int kFrom, int kTo,
      float[] bias, float[] z, int units) {
    for (int j = 0; j < units; j++) {
      z[j] = bias == null ? 0f : bias[j];
    }
    for (int k = kFrom; k < kTo; k++) {
      float[] w = weight[k];
      float xk = x[k];
      for (int j = 0; j < units; j++) {
        z[j] = Math.fma(w[j], xk, z[j]);
      }
    }
  }

  /**
   * Samples {@code s..s+7} of {@link #forwardNarrow}: each weight vector loaded serves eight. The
   * loop counts the copied rows from zero: counting the inputs from {@code kFrom} instead, with
   * the copy's index computed from them, compiled to a loop three times as slow on JDK 17.
   */
  private static void forwardNarrowEight(float[][] in, float[] padded, int kFrom, int kTo,
      float[] start, float[][] z, int s, int units, float[] row) {
    float[] x0 = in[s];
    float[] x1 = in[s + 1];
    float[] x2 = in[s + 2];
    float[] x3 = in[s + 3];
    float[] x4 = in[s + 4];
    float[] x5 = in[s + 5];
    float[] x6 = in[s + 6];
    float[] x7 = in[s + 7];
    FloatVector a0 = FloatVector.fromArray(S, start, 0);
    FloatVector a1 = a0;
    FloatVector a2 = a0;
    FloatVector a3 = a0;
    FloatVector a4 = a0;
    FloatVector a5 = a0;
    FloatVector a6 = a0;
    FloatVector a7 = a0;
    int rows = kTo - kFrom;
    for (int r = 0; r < rows; r++) {
      int k = kFrom + r;
      FloatVector w = FloatVector.fromArray(S, padded, r * L);
      a0 = w.fma(FloatVector.broadcast(S, x0[k]), a0);
      a1 = w.fma(FloatVector.broadcast(S, x1[k]), a1);
      a2 = w.fma(FloatVector.broadcast(S, x2[k]), a2);
      a3 = w.fma(FloatVector.broadcast(S, x3[k]), a3);
      a4 = w.fma(FloatVector.broadcast(S, x4[k]), a4);
      a5 = w.fma(FloatVector.broadcast(S, x5[k]), a5);
      a6 = w.fma(FloatVector.broadcast(S, x6[k]), a6);
      a7 = w.fma(FloatVector.broadcast(S, x7[k]), a7);
    }
    a0.intoArray(row, 0);
    System.arraycopy(row, 0, z[s], 0, units);
    a1.intoArray(row, 0);
    System.arraycopy(row, 0, z[s + 1], 0, units);
    a2.intoArray(row, 0);
    System.arraycopy(row, 0, z[s + 2], 0, units);
    a3.intoArray(row, 0);
    System.arraycopy(row, 0, z[s + 3], 0, units);
    a4.intoArray(row, 0);
    System.arraycopy(row, 0, z[s + 4], 0, units);
    a5.intoArray(row, 0);
    System.arraycopy(row, 0, z[s + 5], 0, units);
    a6.intoArray(row, 0);
    System.arraycopy(row, 0, z[s + 6], 0, units);
    a7.intoArray(row, 0);
    System.arraycopy(row, 0, z[s + 7], 0, units);
  }

  /**
   * The weight gradient of a product of fewer units than one vector: the gradients of samples
   * {@code 0..n-1} are copied into one vector's width each, the other lanes zero, and eight rows
   * at a time then take one fused multiply-add per sample and row, over the samples in order.
   */
  private static void gradientNarrow(float[][] x, float[][] g, float[][] weightGrad, int n,
      int rowFrom, int rowTo) {
    int units = weightGrad[0].length;
    Narrow narrow = NARROW.get();
    float[] padded = narrow.pad(g, 0, n, units);
    int k = rowFrom;
    for (; k + 7 < rowTo; k += 8) {
      gradientNarrowEight(x, padded, weightGrad, n, k, units, narrow.row);
    }
    for (; k < rowTo; k++) {
      FloatVector a = FloatVector.zero(S);
      for (int s = 0; s < n; s++) {
        a = FloatVector.fromArray(S, padded, s * L).fma(FloatVector.broadcast(S, x[s][k]), a);
      }
      a.intoArray(narrow.row, 0);
      System.arraycopy(narrow.row, 0, weightGrad[k], 0, units);
    }
  }

  /** Rows {@code k..k+7} of {@link #gradientNarrow}: each gradient vector loaded serves eight. */
  private static void gradientNarrowEight(float[][] x, float[] padded, float[][] weightGrad,
      int n, int k, int units, float[] row) {
    FloatVector a0 = FloatVector.zero(S);
    FloatVector a1 = a0;
    FloatVector a2 = a0;
    FloatVector a3 = a0;
    FloatVector a4 = a0;
    FloatVector a5 = a0;
    FloatVector a6 = a0;
    FloatVector a7 = a0;
    for (int s = 0; s < n; s++) {
      float[] xs = x[s];
      FloatVector gs = FloatVector.fromArray(S, padded, s * L);
      a0 = gs.fma(FloatVector.broadcast(S, xs[k]), a0);
      a1 = gs.fma(FloatVector.broadcast(S, xs[k + 1]), a1);
      a2 = gs.fma(FloatVector.broadcast(S, xs[k + 2]), a2);
      a3 = gs.fma(FloatVector.broadcast(S, xs[k + 3]), a3);
      a4 = gs.fma(FloatVector.broadcast(S, xs[k + 4]), a4);
      a5 = gs.fma(FloatVector.broadcast(S, xs[k + 5]), a5);
      a6 = gs.fma(FloatVector.broadcast(S, xs[k + 6]), a6);
      a7 = gs.fma(FloatVector.broadcast(S, xs[k + 7]), a7);
    }
    a0.intoArray(row, 0);
    System.arraycopy(row, 0, weightGrad[k], 0, units);
    a1.intoArray(row, 0);
    System.arraycopy(row, 0, weightGrad[k + 1], 0, units);
    a2.intoArray(row, 0);
    System.arraycopy(row, 0, weightGrad[k + 2], 0, units);
    a3.intoArray(row, 0);
    System.arraycopy(row, 0, weightGrad[k + 3], 0, units);
    a4.intoArray(row, 0);
    System.arraycopy(row, 0, weightGrad[k + 4], 0, units);
    a5.intoArray(row, 0);
    System.arraycopy(row, 0, weightGrad[k + 5], 0, units);
    a6.intoArray(row, 0);
    System.arraycopy(row, 0, weightGrad[k + 6], 0, units);
    a7.intoArray(row, 0);
    System.arraycopy(row, 0, weightGrad[k + 7], 0, units);
  }

  /**
   * One thread's buffers for products of fewer units than one vector: rows copied to one
   * vector's width each (grown to the most rows seen, kept for the next call), the sums' start
   * and a row that a vector is stored to before its first units are copied out.
   */
  private static final class Narrow {
    private float[] padded = new float[0];
    final float[] start = new float[L];
    final float[] row = new float[L];

    /**
     * Rows {@code from..to-1} of {@code rows}, {@code units} values each, one vector's width
     * apart from index 0 on, the lanes past {@code units} zero.
     */
    float[] pad(float[][] rows, int from, int to, int units) {
      int size = (to - from) * L;
      if (padded.length < size) {
        padded = new float[size];
      }
      float[] out = padded;
      for (int k = from, at = 0; k < to; k++, at += L) {
        System.arraycopy(rows[k], 0, out, at, units);
        Arrays.fill(out, at + units, at + L, 0f);
      }
      return out;
    }
  }

  @Override
  public String toString() {
    return S.vectorBitSize() + "-bit vectors of " + L + " floats";
  }
}
