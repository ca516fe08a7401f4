package dev.dendrite.data;

/**
 * Standardization of features: {@code (x - mean) / std} per feature, with the mean and the
 * (population) standard deviation of a reference dataset, usually the training set, so that
 * validation and test data are scaled by the same numbers. A feature that is constant in the
 * reference dataset (standard deviation 0) is only centred.
 */
public final class Standardizer {

  private final float[] mean;
  private final float[] std;

  private Standardizer(float[] mean, float[] std) {
    this.mean = mean;
    this.std = std;
  }

  /** The mean and standard deviation of every feature of {@code data}, summed in double. */
  static Standardizer fit(Dataset data) {
    int width = data.featureCount();
    double[] sum = new double[width];
    for (int i = 0; i < data.size(); i++) {
      float[] row = data.features(i);
      for (int j = 0; j < width; j++) {
        sum[j] += row[j];
      }
    }
    double[] mean = new double[width];
    for (int j = 0; j < width; j++) {
      mean[j] = sum[j] / data.size();
    }
    double[] squares = new double[width];
    for (int i = 0; i < data.size(); i++) {
      float[] row = data.features(i);
      for (int j = 0; j < width; j++) {
        double d = row[j] - mean[j];
        squares[j] += d * d;
      }
    }
    float[] m = new float[width];
    float[] s = new float[width];
    for (int j = 0; j < width; j++) {
      m[j] = (float) mean[j];
      s[j] = (float) Math.sqrt(squares[j] / data.size());
    }
    return new Standardizer(m, s);
  }

  /** The mean of every feature; a copy. */
  public float[] mean() {
    return mean.clone();
  }

  /** The standard deviation of every feature; a copy. */
  public float[] std() {
    return std.clone();
  }

  /**
   * {@code data} with standardized features in new rows; the targets are shared.
   *
   * @throws IllegalArgumentException if {@code data} has another number of features
   */
  public Dataset apply(Dataset data) {
    if (data.featureCount() != mean.length) {
      throw new IllegalArgumentException("the standardizer was fitted on " + mean.length
          + " features, the dataset has " + data.featureCount());
    }
    float[][] x = new float[data.size()][];
    for (int i = 0; i < x.length; i++) {
      x[i] = apply(data.features(i));
    }
    return data.withFeatures(x);
  }

  /** One standardized row, new. */
  public float[] apply(float[] row) {
    if (row.length != mean.length) {
      throw new IllegalArgumentException("the standardizer was fitted on " + mean.length
          + " features, the row has " + row.length);
    }
    float[] out = new float[row.length];
    for (int j = 0; j < row.length; j++) {
      float centred = row[j] - mean[j];
      out[j] = std[j] > 0f ? centred / std[j] : centred;
    }
    return out;
  }
}
