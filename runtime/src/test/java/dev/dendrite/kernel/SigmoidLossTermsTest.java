package dev.dendrite.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * A training pass computes the sigmoid outputs and the loss terms {@code log(1 + e^-|z|)} from one
 * exponential; the loss then reads the terms. Outputs, loss and gradient must equal, bit for bit,
 * those of {@link Activations#sigmoid} and the loss kernel that computes its own exponential.
 */
class SigmoidLossTermsTest {

  private static final float[] EDGES = {0f, Float.MIN_VALUE, 1e-30f, 1e-8f, 1e-4f, 0.5f, 1f, 16f,
      17f, 36f, 37f, 88f, 100f, 104f, 1e30f, Float.MAX_VALUE, Float.POSITIVE_INFINITY};
  private static final float[] TARGETS = {0f, 1f, 0.3f};

  /** Checks one row of outputs with their targets, in float and in double precision. */
  private static void assertSameAsSeparateExponential(float[] z, float[] y, float scale) {
    int m = z.length;
    float[] a = new float[m];
    float[] terms = new float[m];
    LossKernels.sigmoidWithLossTerms(z, a, terms);
    float[] separateA = new float[m];
    for (int j = 0; j < m; j++) {
      separateA[j] = Activations.sigmoid(z[j]);
      assertEquals(Float.floatToIntBits(separateA[j]), Float.floatToIntBits(a[j]),
          "sigmoid of z = " + z[j]);
    }
    float[] gradient = new float[m];
    float[] separateGradient = new float[m];
    float loss = LossKernels.sigmoidBinaryCrossEntropy(z, a, terms, y, gradient, scale);
    float separateLoss =
        LossKernels.sigmoidBinaryCrossEntropy(z, separateA, y, separateGradient, scale);
    String where = "z = " + java.util.Arrays.toString(z) + ", y = " + java.util.Arrays.toString(y);
    assertEquals(Float.floatToIntBits(separateLoss), Float.floatToIntBits(loss), where);
    for (int j = 0; j < m; j++) {
      assertEquals(Float.floatToIntBits(separateGradient[j]), Float.floatToIntBits(gradient[j]),
          where);
    }

    double[] zd = new double[m];
    double[] yd = new double[m];
    for (int j = 0; j < m; j++) {
      zd[j] = z[j];
      yd[j] = y[j];
    }
    double[] ad = new double[m];
    double[] termsD = new double[m];
    LossKernels.sigmoidWithLossTerms(zd, ad, termsD);
    double[] separateAd = new double[m];
    for (int j = 0; j < m; j++) {
      separateAd[j] = Activations.sigmoid(zd[j]);
      assertEquals(Double.doubleToLongBits(separateAd[j]), Double.doubleToLongBits(ad[j]),
          "double sigmoid of z = " + zd[j]);
    }
    double[] gradientD = new double[m];
    double[] separateGradientD = new double[m];
    double lossD = LossKernels.sigmoidBinaryCrossEntropy(zd, ad, termsD, yd, gradientD, scale);
    double separateLossD =
        LossKernels.sigmoidBinaryCrossEntropy(zd, separateAd, yd, separateGradientD, scale);
    assertEquals(Double.doubleToLongBits(separateLossD), Double.doubleToLongBits(lossD),
        "double " + where);
    for (int j = 0; j < m; j++) {
      assertEquals(Double.doubleToLongBits(separateGradientD[j]),
          Double.doubleToLongBits(gradientD[j]), "double " + where);
    }
  }

  @Test
  void equalsTheSeparateExponentialOnEdges() {
    for (float y : TARGETS) {
      for (float z : EDGES) {
        assertSameAsSeparateExponential(new float[] {z}, new float[] {y}, 1f);
        assertSameAsSeparateExponential(new float[] {-z}, new float[] {y}, 1f);
      }
    }
    assertSameAsSeparateExponential(new float[] {Float.NaN}, new float[] {1f}, 1f);
  }

  @Test
  void equalsTheSeparateExponentialOnRowsAcrossTheRange() {
    SplittableRandom random = new SplittableRandom(11);
    for (int i = 0; i < 50_000; i++) {
      int m = 1 + random.nextInt(4);
      float[] z = new float[m];
      float[] y = new float[m];
      for (int j = 0; j < m; j++) {
        z[j] = (float) (random.nextDouble() * 80 - 40);
        y[j] = random.nextInt(3) == 0 ? (float) random.nextDouble() : random.nextInt(2);
      }
      assertSameAsSeparateExponential(z, y, 1f / (1 + random.nextInt(64)));
    }
  }

  @Test
  void saturatedOutputsGiveFiniteLossesAndGradients() {
    for (float z : new float[] {-100f, 100f, -1e30f, 1e30f, -1e-8f, 1e-8f}) {
      for (float y : new float[] {0f, 1f}) {
        float[] a = new float[1];
        float[] terms = new float[1];
        float[] gradient = new float[1];
        LossKernels.sigmoidWithLossTerms(new float[] {z}, a, terms);
        float loss = LossKernels.sigmoidBinaryCrossEntropy(
            new float[] {z}, a, terms, new float[] {y}, gradient, 1f);
        assertTrue(Float.isFinite(loss) && loss >= 0f, "loss " + loss + " at z = " + z);
        assertTrue(Math.abs(gradient[0]) <= 1f, "gradient " + gradient[0] + " at z = " + z);
        boolean right = (z > 0) == (y == 1f);
        if (Math.abs(z) >= 100f) {
          assertEquals(right ? 0f : Math.abs(z), loss, Math.abs(z) * 1e-6f, "z = " + z);
        } else {
          assertEquals((float) Math.log(2), loss, 1e-6f, "z = " + z);
        }
      }
    }
  }

  @Test
  void notANumberPassesThrough() {
    float[] a = new float[1];
    float[] terms = new float[1];
    float[] gradient = new float[1];
    LossKernels.sigmoidWithLossTerms(new float[] {Float.NaN}, a, terms);
    float loss = LossKernels.sigmoidBinaryCrossEntropy(
        new float[] {Float.NaN}, a, terms, new float[] {1f}, gradient, 1f);
    assertTrue(Float.isNaN(a[0]) && Float.isNaN(loss) && Float.isNaN(gradient[0]));
  }
}
