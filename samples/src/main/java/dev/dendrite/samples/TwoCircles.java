package dev.dendrite.samples;

import dev.dendrite.random.Rng;

/**
 * The two concentric circles data set: half the points on a circle of radius 1, half on a circle
 * of radius {@code factor}, evenly spaced by angle, with Gaussian noise of standard deviation
 * {@code noise} added to each coordinate. Label 1 marks the inner circle.
 *
 * @param points one row {@code [x, y]} per point
 * @param labels one row {@code [label]} per point
 */
public record TwoCircles(float[][] points, float[][] labels) {

  /** {@code n} points, shuffled, drawn from {@code seed}. */
  public static TwoCircles generate(int n, double noise, double factor, long seed) {
    Rng rng = new Rng(seed);
    int outer = n / 2;
    int inner = n - outer;
    float[][] points = new float[n][2];
    float[][] labels = new float[n][1];
    for (int i = 0; i < n; i++) {
      boolean isInner = i >= outer;
      int count = isInner ? inner : outer;
      int index = isInner ? i - outer : i;
      double angle = 2 * Math.PI * index / count;
      double radius = isInner ? factor : 1.0;
      points[i][0] = (float) (radius * Math.cos(angle) + noise * rng.nextGaussian());
      points[i][1] = (float) (radius * Math.sin(angle) + noise * rng.nextGaussian());
      labels[i][0] = isInner ? 1f : 0f;
    }
    for (int i = n - 1; i > 0; i--) {
      int j = rng.nextInt(i + 1);
      float[] p = points[i];
      points[i] = points[j];
      points[j] = p;
      float[] l = labels[i];
      labels[i] = labels[j];
      labels[j] = l;
    }
    return new TwoCircles(points, labels);
  }

  /** The number of points. */
  public int size() {
    return points.length;
  }
}
