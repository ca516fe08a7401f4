package dev.dendrite.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The float binary cross-entropy computes {@code log(1 + e^-|z|)} without {@link Math#log1p};
 * rounded to float, its loss must equal the one written with {@code Math.log1p}, bit for bit.
 */
class BinaryCrossEntropyFloatTest {

  private static float withLog1p(float z, float y) {
    return Math.max(z, 0f) - z * y + (float) Math.log1p(Math.exp(-Math.abs(z)));
  }

  private static void assertSameLoss(float z, float y) {
    float[] gradient = new float[1];
    float loss = LossKernels.sigmoidBinaryCrossEntropy(
        new float[] {z}, new float[] {Activations.sigmoid(z)}, new float[] {y}, gradient, 1f);
    assertEquals(Float.floatToIntBits(withLog1p(z, y)), Float.floatToIntBits(loss),
        "z = " + z + ", y = " + y);
  }

  @Test
  void equalsTheLog1pFormOnEdgesAndAcrossTheRange() {
    float[] edges = {0f, -0f, Float.MIN_VALUE, 1e-30f, 1e-8f, 1e-4f, 0.5f, 1f, 16f, 17f, 36f, 37f,
        88f, 104f, 1e30f, Float.MAX_VALUE};
    for (float y : new float[] {0f, 1f, 0.3f}) {
      for (float z : edges) {
        assertSameLoss(z, y);
        assertSameLoss(-z, y);
      }
    }
    SplittableRandom random = new SplittableRandom(7);
    for (int i = 0; i < 200_000; i++) {
      float z = (float) (random.nextDouble() * 80 - 40);
      assertSameLoss(z, random.nextBoolean() ? 1f : 0f);
    }
  }
}
