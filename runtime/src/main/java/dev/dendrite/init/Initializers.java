package dev.dendrite.init;

import dev.dendrite.random.Rng;
import java.util.Arrays;

/**
 * Weight initialisers for a weight matrix stored as rows {@code w[input][unit]}: fan-in is the
 * number of rows, fan-out the length of a row. The float and double forms draw the same numbers
 * from the same generator, so a float network and its double twin built from one seed start from
 * the same weights.
 *
 * <p>The uniform forms draw one {@link Rng#nextDouble()} per value, the normal forms one {@link
 * Rng#nextGaussian()} (two uniform draws) per value, row after row.
 *
 * <p>The weights {@code [inputs, 1]} of a small one-unit layer are stored as one row (see {@link
 * dev.dendrite.Tensor}): the Glorot forms, which depend on fan-in + fan-out only, serve them as
 * they are; the He forms take their fan-in as an argument. Either way they draw the same numbers
 * for the same values as for rows of one value each.
 */
public final class Initializers {

  private Initializers() {}

  /** He (Kaiming) uniform: {@code U(-l, l)} with {@code l = sqrt(6 / fanIn)}. */
  public static void heUniform(double[][] w, Rng rng) {
    uniform(w, Math.sqrt(6.0 / w.length), rng);
  }

  /**
   * He (Kaiming) uniform for a weight of {@code fanIn} inputs, whatever its rows hold: {@code
   * U(-l, l)} with {@code l = sqrt(6 / fanIn)}.
   */
  public static void heUniform(double[][] w, int fanIn, Rng rng) {
    uniform(w, Math.sqrt(6.0 / fanIn), rng);
  }

  /** Glorot (Xavier) uniform: {@code U(-l, l)} with {@code l = sqrt(6 / (fanIn + fanOut))}. */
  public static void glorotUniform(double[][] w, Rng rng) {
    uniform(w, Math.sqrt(6.0 / (w.length + w[0].length)), rng);
  }

  /** {@code U(-limit, limit)} for every value. */
  public static void uniform(double[][] w, double limit, Rng rng) {
    for (double[] row : w) {
      for (int j = 0; j < row.length; j++) {
        row[j] = (2.0 * rng.nextDouble() - 1.0) * limit;
      }
    }
  }

  /** He (Kaiming) normal: {@code N(0, s^2)} with {@code s = sqrt(2 / fanIn)}. */
  public static void heNormal(double[][] w, Rng rng) {
    normal(w, Math.sqrt(2.0 / w.length), rng);
  }

  /**
   * He (Kaiming) normal for a weight of {@code fanIn} inputs, whatever its rows hold: {@code N(0,
   * s^2)} with {@code s = sqrt(2 / fanIn)}.
   */
  public static void heNormal(double[][] w, int fanIn, Rng rng) {
    normal(w, Math.sqrt(2.0 / fanIn), rng);
  }

  /** Glorot (Xavier) normal: {@code N(0, s^2)} with {@code s = sqrt(2 / (fanIn + fanOut))}. */
  public static void glorotNormal(double[][] w, Rng rng) {
    normal(w, Math.sqrt(2.0 / (w.length + w[0].length)), rng);
  }

  /** {@code N(0, stddev^2)} for every value. */
  public static void normal(double[][] w, double stddev, Rng rng) {
    for (double[] row : w) {
      for (int j = 0; j < row.length; j++) {
        row[j] = rng.nextGaussian() * stddev;
      }
    }
  }

  /** Sets every value to {@code value}, drawing nothing. */
  public static void constant(double[][] w, double value) {
    for (double[] row : w) {
      Arrays.fill(row, value);
    }
  }

  /** Float form of {@link #heUniform(double[][], Rng)}. */
  public static void heUniform(float[][] w, Rng rng) {
    uniform(w, Math.sqrt(6.0 / w.length), rng);
  }

  /** Float form of {@link #heUniform(double[][], int, Rng)}. */
  public static void heUniform(float[][] w, int fanIn, Rng rng) {
    uniform(w, Math.sqrt(6.0 / fanIn), rng);
  }

  /** Float form of {@link #glorotUniform(double[][], Rng)}. */
  public static void glorotUniform(float[][] w, Rng rng) {
    uniform(w, Math.sqrt(6.0 / (w.length + w[0].length)), rng);
  }

  /** Float form of {@link #uniform(double[][], double, Rng)}. */
  public static void uniform(float[][] w, double limit, Rng rng) {
    for (float[] row : w) {
      for (int j = 0; j < row.length; j++) {
        row[j] = (float) ((2.0 * rng.nextDouble() - 1.0) * limit);
      }
    }
  }

  /** Float form of {@link #heNormal(double[][], Rng)}. */
  public static void heNormal(float[][] w, Rng rng) {
    normal(w, Math.sqrt(2.0 / w.length), rng);
  }

  /** Float form of {@link #heNormal(double[][], int, Rng)}. */
  public static void heNormal(float[][] w, int fanIn, Rng rng) {
    normal(w, Math.sqrt(2.0 / fanIn), rng);
  }

  /** Float form of {@link #glorotNormal(double[][], Rng)}. */
  public static void glorotNormal(float[][] w, Rng rng) {
    normal(w, Math.sqrt(2.0 / (w.length + w[0].length)), rng);
  }

  /** Float form of {@link #normal(double[][], double, Rng)}. */
  public static void normal(float[][] w, double stddev, Rng rng) {
    for (float[] row : w) {
      for (int j = 0; j < row.length; j++) {
        row[j] = (float) (rng.nextGaussian() * stddev);
      }
    }
  }

  /** Float form of {@link #constant(double[][], double)}. */
  public static void constant(float[][] w, double value) {
    for (float[] row : w) {
      Arrays.fill(row, (float) value);
    }
  }
}
