package dev.dendrite.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dendrite.Tensor;
import java.util.List;

/** Tensors, gradient sequences and comparisons shared by the optimizer tests. */
final class OptimizerTestSupport {

  /** Initial values of a 2x3 weight. */
  static final double[][] WEIGHT = {{0.5, -1.25, 2.0}, {0.0, 0.75, -0.3}};
  /** Initial values of a 1x3 bias. */
  static final double[][] BIAS = {{0.1, -0.2, 0.0}};

  /** Three steps of gradients for the weight; mixed signs, sizes and a zero. */
  static final double[][][] WEIGHT_GRADIENTS = {
    {{0.2, -0.4, 1.5}, {0.0, 0.05, -2.0}},
    {{-0.1, -0.3, 1.2}, {0.3, 0.0, -1.0}},
    {{0.4, 0.2, -0.5}, {-0.25, 0.01, 0.7}},
  };
  /** Three steps of gradients for the bias. */
  static final double[][][] BIAS_GRADIENTS = {
    {{1.0, -0.5, 0.0}},
    {{0.8, 0.6, 0.001}},
    {{-0.2, 0.3, -0.002}},
  };

  static final double TOLERANCE = 1e-6;

  private OptimizerTestSupport() {}

  static Tensor tensor(String name, double[][] values) {
    int rows = values.length;
    int columns = values[0].length;
    float[][] v = new float[rows][columns];
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < columns; c++) {
        v[r][c] = (float) values[r][c];
      }
    }
    int[] shape = rows == 1 ? new int[] {columns} : new int[] {rows, columns};
    return new Tensor(name, shape, v, new float[rows][columns]);
  }

  static List<Tensor> parameters() {
    return List.of(tensor("dense.weight", WEIGHT), tensor("dense.bias", BIAS));
  }

  static void setGradients(Tensor tensor, double[][] gradients) {
    for (int r = 0; r < gradients.length; r++) {
      for (int c = 0; c < gradients[r].length; c++) {
        tensor.gradients()[r][c] = (float) gradients[r][c];
      }
    }
  }

  static void setGradients(List<Tensor> parameters, int step) {
    setGradients(parameters.get(0), WEIGHT_GRADIENTS[step]);
    setGradients(parameters.get(1), BIAS_GRADIENTS[step]);
  }

  static double[][] copy(double[][] array) {
    double[][] copy = new double[array.length][];
    for (int r = 0; r < array.length; r++) {
      copy[r] = array[r].clone();
    }
    return copy;
  }

  static void assertValues(double[][] expected, Tensor actual, String when) {
    for (int r = 0; r < expected.length; r++) {
      for (int c = 0; c < expected[r].length; c++) {
        assertEquals(expected[r][c], actual.values()[r][c], TOLERANCE,
            actual.name() + "[" + r + "][" + c + "] " + when);
      }
    }
  }
}
