package dev.dendrite.kernel;

/**
 * The weight penalties that {@code @Dense(l1 = ..., l2 = ...)} declares, called by generated
 * networks: the penalty {@code l1 * sum |w| + l2 * sum w^2} over a weight matrix, and its gradient
 * {@code l1 * sign(w) + 2 * l2 * w} (with {@code sign(0) = 0}) added to the weight gradients.
 */
public final class Penalties {

  private Penalties() {}

  /** {@code l1 * sum |w| + l2 * sum w^2}, summed in double. */
  public static double penalty(float[][] w, double l1, double l2) {
    double abs = 0;
    double squares = 0;
    for (float[] row : w) {
      for (float v : row) {
        abs += Math.abs(v);
        squares += (double) v * v;
      }
    }
    return l1 * abs + l2 * squares;
  }

  /** Adds {@code l1 * sign(w) + 2 * l2 * w} to every gradient of {@code w}. */
  public static void addGradient(float[][] w, float[][] gradients, float l1, float l2) {
    float twiceL2 = 2f * l2;
    for (int r = 0; r < w.length; r++) {
      float[] wr = w[r];
      float[] gr = gradients[r];
      for (int j = 0; j < wr.length; j++) {
        gr[j] += l1 * Math.signum(wr[j]) + twiceL2 * wr[j];
      }
    }
  }

  /** Double form of {@link #penalty(float[][], double, double)}. */
  public static double penalty(double[][] w, double l1, double l2) {
    double abs = 0;
    double squares = 0;
    for (double[] row : w) {
      for (double v : row) {
        abs += Math.abs(v);
        squares += v * v;
      }
    }
    return l1 * abs + l2 * squares;
  }

  /** Double form of {@link #addGradient(float[][], float[][], float, float)}. */
  public static void addGradient(double[][] w, double[][] gradients, double l1, double l2) {
    double twiceL2 = 2 * l2;
    for (int r = 0; r < w.length; r++) {
      double[] wr = w[r];
      double[] gr = gradients[r];
      for (int j = 0; j < wr.length; j++) {
        gr[j] += l1 * Math.signum(wr[j]) + twiceL2 * wr[j];
      }
    }
  }
}
