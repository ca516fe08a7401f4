package dev.dendrite.benchmarks;

import java.util.Random;

/**
 * Synthetic MNIST-shaped data: {@code samples} rows of 784 values in [0, 1) and one-hot targets
 * over ten classes. Speed does not depend on the values, only on the shapes.
 */
final class DigitsData {

  static final int INPUTS = 784;
  static final int CLASSES = 10;

  final float[][] images;
  final float[][] labels;

  DigitsData(int samples, long seed) {
    Random random = new Random(seed);
    images = new float[samples][INPUTS];
    labels = new float[samples][CLASSES];
    for (int s = 0; s < samples; s++) {
      for (int j = 0; j < INPUTS; j++) {
        images[s][j] = random.nextFloat();
      }
      labels[s][random.nextInt(CLASSES)] = 1f;
    }
  }

  int size() {
    return images.length;
  }
}
