package dev.dendrite.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;

class LossKernelsTest {

  private static final double H = 1e-6;
  private static final double SCALE = 0.25;

  private static final double[] Z = {0.8, -1.5, 0.1, 2.2};
  private static final double[] TARGET = {0.5, -1.0, 0.0, 2.0};
  private static final double[] BINARY = {1, 0, 1, 0.3};
  private static final double[] ONE_HOT = {0, 0, 1, 0};
  private static final double[] SOFT = {0.1, 0.2, 0.6, 0.1};

  private static double[] sigmoid(double[] z) {
    double[] a = new double[z.length];
    for (int j = 0; j < z.length; j++) {
      a[j] = 1 / (1 + Math.exp(-z[j]));
    }
    return a;
  }

  private static double[] softmax(double[] z) {
    double sum = 0;
    for (double v : z) {
      sum += Math.exp(v);
    }
    double[] a = new double[z.length];
    for (int j = 0; j < z.length; j++) {
      a[j] = Math.exp(z[j]) / sum;
    }
    return a;
  }

  private static double mse(double[] a, double[] y) {
    double sum = 0;
    for (int j = 0; j < a.length; j++) {
      sum += (a[j] - y[j]) * (a[j] - y[j]);
    }
    return sum / a.length;
  }

  private static double bce(double[] a, double[] y) {
    double sum = 0;
    for (int j = 0; j < a.length; j++) {
      sum -= y[j] * Math.log(a[j]) + (1 - y[j]) * Math.log(1 - a[j]);
    }
    return sum / a.length;
  }

  private static double cce(double[] a, double[] y) {
    double sum = 0;
    for (int j = 0; j < a.length; j++) {
      sum -= y[j] * Math.log(a[j]);
    }
    return sum;
  }

  /** Central differences of {@code loss} at {@code x}, times {@link #SCALE}. */
  private static double[] scaledGradient(ToDoubleFunction<double[]> loss, double[] x) {
    double[] g = new double[x.length];
    for (int k = 0; k < x.length; k++) {
      double[] plus = x.clone();
      double[] minus = x.clone();
      plus[k] += H;
      minus[k] -= H;
      g[k] = SCALE * (loss.applyAsDouble(plus) - loss.applyAsDouble(minus)) / (2 * H);
    }
    return g;
  }

  private static void assertClose(double[] expected, double[] actual, double tolerance,
      String what) {
    for (int j = 0; j < expected.length; j++) {
      assertEquals(expected[j], actual[j], tolerance, what + "[" + j + "]");
    }
  }

  @Test
  void meanSquaredError() {
    double[] a = Z;
    double[] grad = new double[a.length];
    double loss = LossKernels.meanSquaredError(a, TARGET, grad, SCALE);
    assertEquals(mse(a, TARGET), loss, 1e-15);
    assertClose(scaledGradient(x -> mse(x, TARGET), a), grad, 1e-9, "dL/da");
  }

  @Test
  void sigmoidBinaryCrossEntropy() {
    double[] a = sigmoid(Z);
    double[] grad = new double[a.length];
    double loss = LossKernels.sigmoidBinaryCrossEntropy(Z, a, BINARY, grad, SCALE);
    assertEquals(bce(a, BINARY), loss, 1e-14);
    assertClose(scaledGradient(z -> bce(sigmoid(z), BINARY), Z), grad, 1e-9, "dL/dz");
  }

  @Test
  void softmaxCrossEntropy() {
    for (double[] y : new double[][] {ONE_HOT, SOFT, {0.5, 0, 0.5, 0.5}}) {
      double[] a = softmax(Z);
      double[] grad = new double[a.length];
      double loss = LossKernels.softmaxCrossEntropy(Z, a, y, grad, SCALE);
      assertEquals(cce(a, y), loss, 1e-14);
      assertClose(scaledGradient(z -> cce(softmax(z), y), Z), grad, 1e-9, "dL/dz");
    }
  }

  @Test
  void oneHotCrossEntropyGradientIsOutputMinusTarget() {
    double[] a = softmax(Z);
    double[] grad = new double[a.length];
    LossKernels.softmaxCrossEntropy(Z, a, ONE_HOT, grad, 1.0);
    for (int j = 0; j < a.length; j++) {
      assertEquals(a[j] - ONE_HOT[j], grad[j], 1e-15);
    }
  }

  @Test
  void crossEntropiesAreStableForLargeLogits() {
    double[] z = {1000, 0, -1000};
    double[] a = new double[3];
    Activations.softmax(z, a);
    double[] grad = new double[3];
    double loss = LossKernels.softmaxCrossEntropy(z, a, new double[] {0, 1, 0}, grad, 1.0);
    assertEquals(1000.0, loss, 1e-9);
    assertClose(new double[] {1, -1, 0}, grad, 1e-15, "dL/dz");
    loss = LossKernels.softmaxCrossEntropy(z, a, new double[] {1, 0, 0}, grad, 1.0);
    assertEquals(0.0, loss, 1e-12);

    float[] zf = {1000f, 0f, -1000f};
    float[] af = new float[3];
    Activations.softmax(zf, af);
    float[] gf = new float[3];
    float lossF = LossKernels.softmaxCrossEntropy(zf, af, new float[] {0, 0, 1}, gf, 1f);
    assertEquals(2000f, lossF, 1e-3f);
    assertTrue(Float.isFinite(gf[0]) && Float.isFinite(gf[2]));

    double[] zb = {800, -800};
    double[] ab = sigmoid(zb);
    double[] gb = new double[2];
    double bce = LossKernels.sigmoidBinaryCrossEntropy(zb, ab, new double[] {0, 1}, gb, 1.0);
    assertEquals(800.0, bce, 1e-9, "mean of two losses of 800");
    assertClose(new double[] {0.5, -0.5}, gb, 1e-15, "dL/dz");
  }

  @Test
  void floatFormsAgreeWithDoubleForms() {
    float[] z = toFloat(Z);
    double[] aSig = sigmoid(Z);
    double[] aSoft = softmax(Z);
    double[] gd = new double[Z.length];
    float[] gf = new float[Z.length];

    double ld = LossKernels.meanSquaredError(Z, TARGET, gd, SCALE);
    float lf = LossKernels.meanSquaredError(z, toFloat(TARGET), gf, (float) SCALE);
    assertEquals(ld, lf, 1e-6);
    assertClose(gd, toDouble(gf), 1e-6, "mse");

    ld = LossKernels.sigmoidBinaryCrossEntropy(Z, aSig, BINARY, gd, SCALE);
    lf = LossKernels.sigmoidBinaryCrossEntropy(z, toFloat(aSig), toFloat(BINARY), gf,
        (float) SCALE);
    assertEquals(ld, lf, 1e-6);
    assertClose(gd, toDouble(gf), 1e-6, "bce");

    ld = LossKernels.softmaxCrossEntropy(Z, aSoft, SOFT, gd, SCALE);
    lf = LossKernels.softmaxCrossEntropy(z, toFloat(aSoft), toFloat(SOFT), gf, (float) SCALE);
    assertEquals(ld, lf, 1e-6);
    assertClose(gd, toDouble(gf), 1e-6, "cce");
  }

  private static float[] toFloat(double[] x) {
    float[] f = new float[x.length];
    for (int j = 0; j < x.length; j++) {
      f[j] = (float) x[j];
    }
    return f;
  }

  private static double[] toDouble(float[] x) {
    double[] d = new double[x.length];
    for (int j = 0; j < x.length; j++) {
      d[j] = x[j];
    }
    return d;
  }
}
