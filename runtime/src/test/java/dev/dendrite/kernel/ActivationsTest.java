package dev.dendrite.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

class ActivationsTest {

  /** Points away from the kink of ELU at zero; includes large values of both signs. */
  private static final double[] POINTS = {-8, -3, -1.2, -0.4, -0.01, 0.02, 0.3, 1, 2.5, 6, 20};
  private static final double H = 1e-5;

  private static double centralDifference(DoubleUnaryOperator f, double z) {
    return (f.applyAsDouble(z + H) - f.applyAsDouble(z - H)) / (2 * H);
  }

  private static void assertDerivative(
      String name, DoubleUnaryOperator f, DoubleUnaryOperator derivative) {
    for (double z : POINTS) {
      double numeric = centralDifference(f, z);
      double analytic = derivative.applyAsDouble(z);
      assertEquals(numeric, analytic, 1e-8 * Math.max(1, Math.abs(numeric)) + 1e-9,
          name + "'(" + z + ")");
    }
  }

  @Test
  void sigmoidDerivative() {
    assertDerivative("sigmoid", Activations::sigmoid, Activations::sigmoidDerivative);
  }

  @Test
  void tanhDerivative() {
    assertDerivative("tanh", Activations::tanh, Activations::tanhDerivative);
  }

  @Test
  void softplusDerivative() {
    assertDerivative("softplus", Activations::softplus, Activations::softplusDerivative);
  }

  @Test
  void eluDerivative() {
    for (double alpha : new double[] {1.0, 0.5, 2.0}) {
      assertDerivative("elu[" + alpha + "]", z -> Activations.elu(z, alpha),
          z -> Activations.eluDerivative(z, alpha));
    }
  }

  @Test
  void geluDerivative() {
    assertDerivative("gelu", Activations::gelu, Activations::geluDerivative);
  }

  @Test
  void swishDerivative() {
    assertDerivative("swish", Activations::swish, Activations::swishDerivative);
  }

  @Test
  void mishDerivative() {
    assertDerivative("mish", Activations::mish, Activations::mishDerivative);
  }

  @Test
  void functionsMatchTheirDefinitions() {
    for (double z : POINTS) {
      double sigmoid = 1 / (1 + Math.exp(-z));
      assertEquals(sigmoid, Activations.sigmoid(z), 1e-15, "sigmoid " + z);
      assertEquals(Math.log(1 + Math.exp(z)), Activations.softplus(z), 1e-12, "softplus " + z);
      assertEquals(z > 0 ? z : 0.7 * (Math.exp(z) - 1), Activations.elu(z, 0.7), 1e-15);
      double gelu = 0.5 * z * (1 + Math.tanh(Math.sqrt(2 / Math.PI)
          * (z + 0.044715 * z * z * z)));
      assertEquals(gelu, Activations.gelu(z), 1e-12, "gelu " + z);
      assertEquals(z * sigmoid, Activations.swish(z), 1e-12, "swish " + z);
      assertEquals(z * Math.tanh(Math.log(1 + Math.exp(z))), Activations.mish(z), 1e-12,
          "mish " + z);
    }
  }

  @Test
  void stableAtExtremes() {
    assertEquals(1.0, Activations.sigmoid(1000.0));
    assertEquals(0.0, Activations.sigmoid(-1000.0));
    assertEquals(1000.0, Activations.softplus(1000.0));
    assertEquals(0.0, Activations.softplus(-1000.0));
    assertEquals(0.0, Activations.sigmoidDerivative(1000.0));
    assertEquals(1000.0, Activations.mish(1000.0));
    assertEquals(0.0, Activations.mish(-1000.0), 1e-300);
    assertEquals(-1.0, Activations.elu(-1000.0, 1.0));
    for (float z : new float[] {-1000f, 1000f}) {
      assertTrue(Float.isFinite(Activations.sigmoid(z)));
      assertTrue(Float.isFinite(Activations.softplus(z)));
      assertTrue(Float.isFinite(Activations.swish(z)));
      assertTrue(Float.isFinite(Activations.mish(z)));
      assertTrue(Float.isFinite(Activations.gelu(z)));
    }
  }

  /** Within one unit in the last place of the rounded double result. */
  private static void assertRounded(double expected, float actual) {
    float rounded = (float) expected;
    assertEquals(rounded, actual, Math.ulp(rounded), "float form of " + expected);
  }

  @Test
  void floatFormsAgreeWithDoubleForms() {
    for (double point : POINTS) {
      float z = (float) point;
      double d = z;
      assertRounded(Activations.sigmoid(d), Activations.sigmoid(z));
      assertRounded(Activations.sigmoidDerivative(d), Activations.sigmoidDerivative(z));
      assertRounded(Activations.tanh(d), Activations.tanh(z));
      assertRounded(Activations.tanhDerivative(d), Activations.tanhDerivative(z));
      assertRounded(Activations.softplus(d), Activations.softplus(z));
      assertRounded(Activations.softplusDerivative(d), Activations.softplusDerivative(z));
      assertRounded(Activations.elu(d, 0.5), Activations.elu(z, 0.5f));
      assertRounded(Activations.eluDerivative(d, 0.5), Activations.eluDerivative(z, 0.5f));
      assertRounded(Activations.gelu(d), Activations.gelu(z));
      assertRounded(Activations.geluDerivative(d), Activations.geluDerivative(z));
      assertRounded(Activations.swish(d), Activations.swish(z));
      assertRounded(Activations.swishDerivative(d), Activations.swishDerivative(z));
      assertRounded(Activations.mish(d), Activations.mish(z));
      assertRounded(Activations.mishDerivative(d), Activations.mishDerivative(z));
    }
  }

  @Test
  void softmaxSumsToOne() {
    double[] z = {0.5, -1.0, 2.0, 0.0, 3.5};
    double[] a = new double[z.length];
    Activations.softmax(z, a);
    double sum = 0;
    double denominator = 0;
    for (double v : z) {
      denominator += Math.exp(v);
    }
    for (int j = 0; j < z.length; j++) {
      assertTrue(a[j] > 0);
      assertEquals(Math.exp(z[j]) / denominator, a[j], 1e-15);
      sum += a[j];
    }
    assertEquals(1.0, sum, 1e-15);
  }

  @Test
  void softmaxIsStableForLargeInputs() {
    double[] large = {1000, 1001, 1002};
    double[] small = {0, 1, 2};
    double[] a = new double[3];
    double[] b = new double[3];
    Activations.softmax(large, a);
    Activations.softmax(small, b);
    for (int j = 0; j < 3; j++) {
      assertTrue(Double.isFinite(a[j]));
      assertEquals(b[j], a[j], 1e-15);
    }

    float[] largeF = {1000f, 1001f, 1002f};
    float[] af = new float[3];
    Activations.softmax(largeF, af);
    float sum = 0;
    for (int j = 0; j < 3; j++) {
      assertTrue(Float.isFinite(af[j]));
      assertEquals(b[j], af[j], 1e-6);
      sum += af[j];
    }
    assertEquals(1f, sum, 1e-6f);

    double[] negative = {-1000, -1000, -2000};
    Activations.softmax(negative, a);
    assertEquals(0.5, a[0], 1e-15);
    assertEquals(0.5, a[1], 1e-15);
    assertEquals(0.0, a[2], 1e-300);
  }

  @Test
  void softmaxMayWriteInPlace() {
    double[] z = {1, 2, 3};
    double[] expected = new double[3];
    Activations.softmax(z.clone(), expected);
    Activations.softmax(z, z);
    for (int j = 0; j < 3; j++) {
      assertEquals(expected[j], z[j], 1e-15);
    }
  }

  /** {@code L(z) = sum_j w_j softmax(z)_j}: its gradient is softmaxBackward(a, w). */
  @Test
  void softmaxBackwardMatchesFiniteDifferences() {
    double[] z = {0.3, -1.2, 2.0, 0.7};
    double[] w = {1.5, -0.5, 0.25, 2.0};
    double[] a = new double[z.length];
    Activations.softmax(z, a);
    double[] grad = new double[z.length];
    Activations.softmaxBackward(a, w, grad);
    double h = 1e-6;
    for (int k = 0; k < z.length; k++) {
      double[] plus = z.clone();
      double[] minus = z.clone();
      plus[k] += h;
      minus[k] -= h;
      double numeric = (weighted(plus, w) - weighted(minus, w)) / (2 * h);
      assertEquals(numeric, grad[k], 1e-9, "dL/dz" + k);
    }

    double[] inPlace = w.clone();
    Activations.softmaxBackward(a, inPlace, inPlace);
    for (int k = 0; k < z.length; k++) {
      assertEquals(grad[k], inPlace[k], 1e-15, "in place " + k);
    }

    float[] af = new float[z.length];
    float[] wf = new float[z.length];
    float[] gf = new float[z.length];
    for (int k = 0; k < z.length; k++) {
      af[k] = (float) a[k];
      wf[k] = (float) w[k];
    }
    Activations.softmaxBackward(af, wf, gf);
    for (int k = 0; k < z.length; k++) {
      assertEquals(grad[k], gf[k], 1e-6, "float " + k);
    }
  }

  private static double weighted(double[] z, double[] w) {
    double[] a = new double[z.length];
    Activations.softmax(z, a);
    double sum = 0;
    for (int j = 0; j < z.length; j++) {
      sum += w[j] * a[j];
    }
    return sum;
  }
}
