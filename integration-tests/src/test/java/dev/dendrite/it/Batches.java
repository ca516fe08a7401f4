package dev.dendrite.it;

import dev.dendrite.annotation.Loss;
import dev.dendrite.random.Rng;

/** Random inputs and targets that suit a loss, for tests. */
final class Batches {

  private Batches() {}

  /** {@code n} rows of {@code width} standard normal values. */
  static double[][] gaussian(int n, int width, Rng rng) {
    double[][] rows = new double[n][width];
    for (double[] row : rows) {
      for (int j = 0; j < width; j++) {
        row[j] = rng.nextGaussian();
      }
    }
    return rows;
  }

  /** Targets for {@code loss}: normal values, 0/1 labels, or one-hot rows. */
  static double[][] targets(Loss loss, int n, int width, Rng rng) {
    double[][] rows = new double[n][width];
    for (double[] row : rows) {
      switch (loss) {
        case MSE -> {
          for (int j = 0; j < width; j++) {
            row[j] = rng.nextGaussian();
          }
        }
        case BINARY_CROSS_ENTROPY -> {
          for (int j = 0; j < width; j++) {
            row[j] = rng.nextInt(2);
          }
        }
        case CATEGORICAL_CROSS_ENTROPY -> row[rng.nextInt(width)] = 1;
      }
    }
    return rows;
  }

  /** A float copy. */
  static float[][] toFloat(double[][] rows) {
    float[][] out = new float[rows.length][];
    for (int i = 0; i < rows.length; i++) {
      out[i] = new float[rows[i].length];
      for (int j = 0; j < rows[i].length; j++) {
        out[i][j] = (float) rows[i][j];
      }
    }
    return out;
  }
}
