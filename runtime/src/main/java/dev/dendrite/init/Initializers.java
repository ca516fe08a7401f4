package dev.dendrite.init;

import dev.dendrite.random.Rng;

/**
 * Weight initialisers for a weight matrix stored as rows {@code w[input][unit]}: fan-in is the
 * number of rows, fan-out the length of a row. The float and double forms draw the same numbers
 * from the same generator, so a float network and its double twin built from one seed start from
 * the same weights.
 */
public final class Initializers {

  private Initializers() {}

  /** He (Kaiming) uniform: {@code U(-l, l)} with {@code l = sqrt(6 / fanIn)}. */
  public static void heUniform(double[][] w, Rng rng) {
    uniform(w, Math.sqrt(6.0 / w.length), rng);
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

  /** Float form of {@link #heUniform(double[][], Rng)}. */
  public static void heUniform(float[][] w, Rng rng) {
    uniform(w, Math.sqrt(6.0 / w.length), rng);
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
}
