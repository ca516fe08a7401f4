package dev.dendrite.kernel;

/**
 * Activation functions of a pre-activation {@code z} and their derivatives {@code d/dz}. RELU,
 * LEAKY_RELU and LINEAR are written inline by the generated code; the rest are here.
 */
public final class Activations {

  private static final double SQRT_2_OVER_PI = Math.sqrt(2.0 / Math.PI);
  private static final double GELU_CUBIC = 0.044715;

  private Activations() {}

  // ---- double ----

  /** {@code 1 / (1 + e^-z)}, without overflow for large |z|. */
  public static double sigmoid(double z) {
    if (z >= 0) {
      return 1.0 / (1.0 + Math.exp(-z));
    }
    double e = Math.exp(z);
    return e / (1.0 + e);
  }

  /** The derivative of sigmoid. */
  public static double sigmoidDerivative(double z) {
    double s = sigmoid(z);
    return s * (1.0 - s);
  }

  /** {@code tanh(z)}. */
  public static double tanh(double z) {
    return Math.tanh(z);
  }

  /** The derivative of tanh. */
  public static double tanhDerivative(double z) {
    double t = Math.tanh(z);
    return 1.0 - t * t;
  }

  /** {@code log(1 + e^z)}, stable for large |z|. */
  public static double softplus(double z) {
    return Math.max(z, 0.0) + Math.log1p(Math.exp(-Math.abs(z)));
  }

  /** The derivative of softplus: sigmoid. */
  public static double softplusDerivative(double z) {
    return sigmoid(z);
  }

  /** {@code z > 0 ? z : alpha (e^z - 1)}. */
  public static double elu(double z, double alpha) {
    return z > 0 ? z : alpha * Math.expm1(z);
  }

  /** The derivative of ELU. */
  public static double eluDerivative(double z, double alpha) {
    return z > 0 ? 1.0 : alpha * Math.exp(z);
  }

  /** GELU in its tanh form. */
  public static double gelu(double z) {
    double t = Math.tanh(SQRT_2_OVER_PI * (z + GELU_CUBIC * z * z * z));
    return 0.5 * z * (1.0 + t);
  }

  /** The derivative of the tanh form of GELU. */
  public static double geluDerivative(double z) {
    double u = SQRT_2_OVER_PI * (z + GELU_CUBIC * z * z * z);
    double t = Math.tanh(u);
    double du = SQRT_2_OVER_PI * (1.0 + 3.0 * GELU_CUBIC * z * z);
    return 0.5 * (1.0 + t) + 0.5 * z * (1.0 - t * t) * du;
  }

  /** {@code z sigmoid(z)}. */
  public static double swish(double z) {
    return z * sigmoid(z);
  }

  /** The derivative of swish. */
  public static double swishDerivative(double z) {
    double s = sigmoid(z);
    return s + z * s * (1.0 - s);
  }

  /** {@code z tanh(softplus(z))}. */
  public static double mish(double z) {
    return z * Math.tanh(softplus(z));
  }

  /** The derivative of mish. */
  public static double mishDerivative(double z) {
    double t = Math.tanh(softplus(z));
    return t + z * (1.0 - t * t) * sigmoid(z);
  }

  /** Writes the softmax of {@code z} to {@code out}; both have the same length. */
  public static void softmax(double[] z, double[] out) {
    double max = Double.NEGATIVE_INFINITY;
    for (double v : z) {
      max = Math.max(max, v);
    }
    double sum = 0.0;
    for (int j = 0; j < z.length; j++) {
      double e = Math.exp(z[j] - max);
      out[j] = e;
      sum += e;
    }
    double inv = 1.0 / sum;
    for (int j = 0; j < out.length; j++) {
      out[j] *= inv;
    }
  }

  /**
   * The backward pass of softmax: given its output {@code a} and the gradient {@code gradA} of
   * the loss with respect to it, writes the gradient with respect to {@code z} into {@code
   * gradZ}, which may be {@code gradA} itself.
   */
  public static void softmaxBackward(double[] a, double[] gradA, double[] gradZ) {
    double dot = 0.0;
    for (int j = 0; j < a.length; j++) {
      dot += a[j] * gradA[j];
    }
    for (int j = 0; j < a.length; j++) {
      gradZ[j] = a[j] * (gradA[j] - dot);
    }
  }

  // ---- float: computed in double where a transcendental is involved, rounded once ----

  /** Float sigmoid. */
  public static float sigmoid(float z) {
    return (float) sigmoid((double) z);
  }

  /** Float sigmoid derivative. */
  public static float sigmoidDerivative(float z) {
    return (float) sigmoidDerivative((double) z);
  }

  /** Float tanh. */
  public static float tanh(float z) {
    return (float) Math.tanh(z);
  }

  /** Float tanh derivative. */
  public static float tanhDerivative(float z) {
    return (float) tanhDerivative((double) z);
  }

  /** Float softplus. */
  public static float softplus(float z) {
    return (float) softplus((double) z);
  }

  /** Float softplus derivative. */
  public static float softplusDerivative(float z) {
    return (float) softplusDerivative((double) z);
  }

  /** Float ELU. */
  public static float elu(float z, float alpha) {
    return z > 0 ? z : (float) (alpha * Math.expm1(z));
  }

  /** Float ELU derivative. */
  public static float eluDerivative(float z, float alpha) {
    return z > 0 ? 1f : (float) (alpha * Math.exp(z));
  }

  /** Float GELU (tanh form). */
  public static float gelu(float z) {
    return (float) gelu((double) z);
  }

  /** Float GELU derivative. */
  public static float geluDerivative(float z) {
    return (float) geluDerivative((double) z);
  }

  /** Float swish. */
  public static float swish(float z) {
    return (float) swish((double) z);
  }

  /** Float swish derivative. */
  public static float swishDerivative(float z) {
    return (float) swishDerivative((double) z);
  }

  /** Float mish. */
  public static float mish(float z) {
    return (float) mish((double) z);
  }

  /** Float mish derivative. */
  public static float mishDerivative(float z) {
    return (float) mishDerivative((double) z);
  }

  /** Float softmax; see {@link #softmax(double[], double[])}. */
  public static void softmax(float[] z, float[] out) {
    float max = Float.NEGATIVE_INFINITY;
    for (float v : z) {
      max = Math.max(max, v);
    }
    float sum = 0f;
    for (int j = 0; j < z.length; j++) {
      float e = (float) Math.exp(z[j] - max);
      out[j] = e;
      sum += e;
    }
    float inv = 1f / sum;
    for (int j = 0; j < out.length; j++) {
      out[j] *= inv;
    }
  }

  /** Float softmax backward; see {@link #softmaxBackward(double[], double[], double[])}. */
  public static void softmaxBackward(float[] a, float[] gradA, float[] gradZ) {
    float dot = 0f;
    for (int j = 0; j < a.length; j++) {
      dot += a[j] * gradA[j];
    }
    for (int j = 0; j < a.length; j++) {
      gradZ[j] = a[j] * (gradA[j] - dot);
    }
  }
}
