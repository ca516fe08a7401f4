package dev.dendrite.benchmarks;

import java.util.Random;

/**
 * Synthetic MNIST-shaped data: {@code samples} rows of 784 values in [0, 1) and one-hot targets
 * over ten classes. Speed depends on the shapes, not on the values, as long as no arithmetic
 * meets subnormal floats: the network soon fits one batch seen again and again, many of its
 * units stop firing, and the optimizer's state for their weights decays towards 0, which the
 * optimizers keep from turning subnormal (see {@code AbstractOptimizer}).
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
