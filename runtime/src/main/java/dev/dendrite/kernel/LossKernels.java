package dev.dendrite.kernel;

/**
 * Losses and their gradients. The per-sample forms return the loss of one sample and write the
 * gradient scaled by {@code scale}. The batch forms, which the generated backward pass calls,
 * return the mean over samples {@code 0..n-1} of the per-sample losses, summed in double in sample
 * order, with each sample's gradient scaled by {@code 1 / n}: the gradient of the mean.
 */
public final class LossKernels {

  private LossKernels() {}

  /**
   * Mean squared error of one sample, {@code mean_j (a_j - y_j)^2}; writes {@code dL/da} to
   * {@code gradA}.
   */
  public static double meanSquaredError(double[] a, double[] y, double[] gradA, double scale) {
    int m = a.length;
    double sum = 0.0;
    double factor = 2.0 * scale / m;
    for (int j = 0; j < m; j++) {
      double d = a[j] - y[j];
      sum += d * d;
      gradA[j] = factor * d;
    }
    return sum / m;
  }

  /**
   * Binary cross-entropy of sigmoid outputs, {@code mean_j -(y log a + (1 - y) log(1 - a))},
   * computed from the pre-activations {@code z} so that it stays finite when {@code a} saturates;
   * writes the fused gradient {@code dL/dz = (a - y) / m} to {@code gradZ}.
   */
  public static double sigmoidBinaryCrossEntropy(
      double[] z, double[] a, double[] y, double[] gradZ, double scale) {
    int m = a.length;
    double sum = 0.0;
    double factor = scale / m;
    for (int j = 0; j < m; j++) {
      double zj = z[j];
      sum += Math.max(zj, 0.0) - zj * y[j] + Math.log1p(Math.exp(-Math.abs(zj)));
      gradZ[j] = factor * (a[j] - y[j]);
    }
    return sum / m;
  }

  /**
   * Categorical cross-entropy of softmax outputs, {@code -sum_j y_j log a_j}, computed from the
   * pre-activations {@code z} with a log-sum-exp; writes the fused gradient {@code dL/dz = a sum(y)
   * - y} (that is {@code a - y} for one-hot targets) to {@code gradZ}.
   */
  public static double softmaxCrossEntropy(
      double[] z, double[] a, double[] y, double[] gradZ, double scale) {
    int m = a.length;
    double max = Double.NEGATIVE_INFINITY;
    for (double v : z) {
      max = Math.max(max, v);
    }
    double sumExp = 0.0;
    for (double v : z) {
      sumExp += Math.exp(v - max);
    }
    double logSumExp = max + Math.log(sumExp);
    double loss = 0.0;
    double sumY = 0.0;
    for (int j = 0; j < m; j++) {
      loss -= y[j] * (z[j] - logSumExp);
      sumY += y[j];
    }
    for (int j = 0; j < m; j++) {
      gradZ[j] = scale * (a[j] * sumY - y[j]);
    }
    return loss;
  }

  /** Float form of {@link #meanSquaredError(double[], double[], double[], double)}. */
  public static float meanSquaredError(float[] a, float[] y, float[] gradA, float scale) {
    int m = a.length;
    float sum = 0f;
    float factor = 2f * scale / m;
    for (int j = 0; j < m; j++) {
      float d = a[j] - y[j];
      sum += d * d;
      gradA[j] = factor * d;
    }
    return sum / m;
  }

  /** Float form of {@link #sigmoidBinaryCrossEntropy(double[], double[], double[], double[], double)}. */
  public static float sigmoidBinaryCrossEntropy(
      float[] z, float[] a, float[] y, float[] gradZ, float scale) {
    int m = a.length;
    float sum = 0f;
    float factor = scale / m;
    for (int j = 0; j < m; j++) {
      float zj = z[j];
      sum += Math.max(zj, 0f) - zj * y[j] + (float) log1p(Math.exp(-Math.abs(zj)));
      gradZ[j] = factor * (a[j] - y[j]);
    }
    return sum / m;
  }

  /**
   * {@code log(1 + x)} for {@code x} in [0, 1], within a few units in the last place of double
   * precision, from the intrinsic {@link Math#log}: with {@code u = 1 + x} rounded, {@code log(u) x
   * / (u - 1)} cancels the rounding of {@code u} (Goldberg, "What every computer scientist should
   * know about floating-point arithmetic", 1991, Theorem 4). {@link Math#log1p} is a native call
   * on JDK 17 that costs about three times as much; rounded to float, the two agree.
   */
  private static double log1p(double x) {
    double u = 1.0 + x;
    return u == 1.0 ? x : Math.log(u) * (x / (u - 1.0));
  }

  /** Float form of {@link #softmaxCrossEntropy(double[], double[], double[], double[], double)}. */
  public static float softmaxCrossEntropy(
      float[] z, float[] a, float[] y, float[] gradZ, float scale) {
    int m = a.length;
    float max = Float.NEGATIVE_INFINITY;
    for (float v : z) {
      max = Math.max(max, v);
    }
    float sumExp = 0f;
    for (float v : z) {
      sumExp += (float) Math.exp(v - max);
    }
    float logSumExp = max + (float) Math.log(sumExp);
    float loss = 0f;
    float sumY = 0f;
    for (int j = 0; j < m; j++) {
      loss -= y[j] * (z[j] - logSumExp);
      sumY += y[j];
    }
    for (int j = 0; j < m; j++) {
      gradZ[j] = scale * (a[j] * sumY - y[j]);
    }
    return loss;
  }

  /** The batch form, over samples {@code 0..n-1}: see the class documentation. */
  public static double meanSquaredError(double[][] a, double[][] y, double[][] gradA, int n) {
    double scale = 1.0 / n;
    double sum = 0;
    for (int s = 0; s < n; s++) {
      sum += LossKernels.meanSquaredError(a[s], y[s], gradA[s], scale);
    }
    return sum / n;
  }

  /** The batch form, over samples {@code 0..n-1}: see the class documentation. */
  public static double sigmoidBinaryCrossEntropy(
      double[][] z, double[][] a, double[][] y, double[][] gradZ, int n) {
    double scale = 1.0 / n;
    double sum = 0;
    for (int s = 0; s < n; s++) {
      sum += LossKernels.sigmoidBinaryCrossEntropy(z[s], a[s], y[s], gradZ[s], scale);
    }
    return sum / n;
  }

  /** The batch form, over samples {@code 0..n-1}: see the class documentation. */
  public static double softmaxCrossEntropy(
      double[][] z, double[][] a, double[][] y, double[][] gradZ, int n) {
    double scale = 1.0 / n;
    double sum = 0;
    for (int s = 0; s < n; s++) {
      sum += LossKernels.softmaxCrossEntropy(z[s], a[s], y[s], gradZ[s], scale);
    }
    return sum / n;
  }

  /** The batch form, over samples {@code 0..n-1}: see the class documentation. */
  public static float meanSquaredError(float[][] a, float[][] y, float[][] gradA, int n) {
    float scale = 1f / n;
    double sum = 0;
    for (int s = 0; s < n; s++) {
      sum += LossKernels.meanSquaredError(a[s], y[s], gradA[s], scale);
    }
    return (float) (sum / n);
  }

  /** The batch form, over samples {@code 0..n-1}: see the class documentation. */
  public static float sigmoidBinaryCrossEntropy(
      float[][] z, float[][] a, float[][] y, float[][] gradZ, int n) {
    float scale = 1f / n;
    double sum = 0;
    for (int s = 0; s < n; s++) {
      sum += LossKernels.sigmoidBinaryCrossEntropy(z[s], a[s], y[s], gradZ[s], scale);
    }
    return (float) (sum / n);
  }

  /** The batch form, over samples {@code 0..n-1}: see the class documentation. */
  public static float softmaxCrossEntropy(
      float[][] z, float[][] a, float[][] y, float[][] gradZ, int n) {
    float scale = 1f / n;
    double sum = 0;
    for (int s = 0; s < n; s++) {
      sum += LossKernels.softmaxCrossEntropy(z[s], a[s], y[s], gradZ[s], scale);
    }
    return (float) (sum / n);
  }
}
