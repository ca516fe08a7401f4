package dev.dendrite.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.dendrite.kernel.Kernels;
import dev.dendrite.kernel.MatrixKernels;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The Vector API kernels against the order of operations their contract gives, on shapes that
 * exercise every path: whole tiles of two vectors of units (of eight samples or rows, where the
 * vectors have 512 bits, and of four), a single leftover vector, leftover units, leftover
 * samples and rows, a single sample (in blocks of sixteen vectors where the vectors have 512
 * bits, then eight), and batches of more than one slice. Runs in the build's
 * Vector API execution, where {@link Kernels#VECTOR} is loaded.
 */
@EnabledIf("vectorKernelsLoaded")
class VectorKernelsTest {

  private final MatrixKernels kernels = Kernels.VECTOR;

  static boolean vectorKernelsLoaded() {
    return Kernels.VECTOR != null;
  }

  /** Inputs, units, samples. */
  private static final String SHAPES = """
      1, 1, 1
      3, 5, 2
      7, 8, 4
      9, 15, 5
      13, 16, 7
      17, 17, 8
      20, 24, 9
      33, 31, 3
      5, 64, 6
      70, 70, 13
      130, 10, 11
      784, 40, 1
      12, 33, 129
      9, 40, 20
      100, 64, 13
      6, 10, 200
      50, 40, 66
      784, 256, 40
      300, 290, 1
      40, 400, 5
      20, 512, 1
      """;

  @ParameterizedTest(name = "{0} inputs, {1} units, {2} samples")
  @CsvSource(textBlock = SHAPES)
  void forwardSumsEachUnitFromTheBiasOverTheInputsInOrder(int inputs, int units, int n) {
    Random random = new Random(inputs * 1000 + units);
    float[][] in = matrix(random, n, inputs);
    float[][] weight = matrix(random, inputs, units);
    float[] bias = matrix(random, 1, units)[0];
    for (float[] b : new float[][] {bias, null}) {
      float[][] z = new float[n][units];
      kernels.forward(in, weight, b, z, 0, n);
      for (int s = 0; s < n; s++) {
        for (int j = 0; j < units; j++) {
          float expected = b == null ? 0f : b[j];
          for (int k = 0; k < inputs; k++) {
            expected = Math.fma(weight[k][j], in[s][k], expected);
          }
          assertEquals(expected, z[s][j], "sample " + s + ", unit " + j);
        }
      }
    }
  }

  @ParameterizedTest(name = "{0} inputs, {1} units, {2} samples")
  @CsvSource(textBlock = SHAPES)
  void forwardPartSumsEachUnitOverItsRowsInOrder(int inputs, int units, int n) {
    Random random = new Random(inputs * 1000 + units + 3);
    float[][] in = matrix(random, n, inputs);
    float[][] weight = matrix(random, inputs, units);
    float[] bias = matrix(random, 1, units)[0];
    int rowFrom = inputs / 3;
    int rowTo = inputs - inputs / 5;
    for (float[] b : new float[][] {bias, null}) {
      float[][] z = new float[n][units];
      kernels.forwardPart(in, weight, rowFrom, rowTo, b, z, 0, n);
      for (int s = 0; s < n; s++) {
        for (int j = 0; j < units; j++) {
          float expected = b == null ? 0f : b[j];
          for (int k = rowFrom; k < rowTo; k++) {
            expected = Math.fma(weight[k][j], in[s][k], expected);
          }
          assertEquals(expected, z[s][j], "sample " + s + ", unit " + j);
        }
      }
    }
  }

  @Test
  void forwardPartRejectsRowsOutsideTheWeights() {
    float[][] in = new float[2][4];
    float[][] weight = new float[4][3];
    float[][] z = new float[2][3];
    assertThrows(IllegalArgumentException.class,
        () -> kernels.forwardPart(in, weight, 2, 5, null, z, 0, 2));
    assertThrows(IllegalArgumentException.class,
        () -> kernels.forwardPart(in, weight, 3, 2, null, z, 0, 2));
    assertThrows(IllegalArgumentException.class,
        () -> kernels.forwardPart(in, weight, -1, 2, null, z, 0, 2));
  }

  @ParameterizedTest(name = "{0} inputs, {1} units, {2} samples")
  @CsvSource(textBlock = SHAPES)
  void forwardOfARangeWritesOnlyThatRange(int inputs, int units, int n) {
    Random random = new Random(inputs * 1000 + units + 1);
    float[][] in = matrix(random, n, inputs);
    float[][] weight = matrix(random, inputs, units);
    float[] bias = matrix(random, 1, units)[0];
    float[][] whole = new float[n][units];
    kernels.forward(in, weight, bias, whole, 0, n);
    int from = n / 3;
    int to = n - n / 4;
    float[][] part = matrix(random, n, units);
    float[][] before = copy(part);
    kernels.forward(in, weight, bias, part, from, to);
    for (int s = 0; s < n; s++) {
      assertArrayEquals(s >= from && s < to ? whole[s] : before[s], part[s], "sample " + s);
    }
  }

  @ParameterizedTest(name = "{0} inputs, {1} units, {2} samples")
  @CsvSource(textBlock = SHAPES)
  void weightGradientSumsOverTheSamplesInOrderForTheGivenRows(int inputs, int units, int n) {
    Random random = new Random(inputs * 1000 + units + 2);
    float[][] x = matrix(random, n, inputs);
    float[][] g = matrix(random, n, units);
    int rowFrom = inputs / 5;
    int rowTo = inputs - inputs / 7;
    float[][] weightGrad = matrix(random, inputs, units);
    float[][] before = copy(weightGrad);
    kernels.weightGradient(x, g, weightGrad, n, rowFrom, rowTo);
    for (int k = 0; k < inputs; k++) {
      if (k < rowFrom || k >= rowTo) {
        assertArrayEquals(before[k], weightGrad[k], "row " + k + " is outside the range");
        continue;
      }
      for (int j = 0; j < units; j++) {
        float expected = 0f;
        for (int s = 0; s < n; s++) {
          expected = Math.fma(g[s][j], x[s][k], expected);
        }
        assertEquals(expected, weightGrad[k][j], "row " + k + ", unit " + j);
      }
    }
  }

  @ParameterizedTest(name = "{0} samples of buffers with {1} rows, {2} units")
  @CsvSource({"96, 128, 40", "3, 64, 40", "40, 41, 40", "96, 128, 10", "9, 12, 3"})
  void weightGradientReadsOnlyTheFirstNSamplesOfLongerBuffers(int n, int capacity, int units) {
    int inputs = 70;
    Random random = new Random(n * 31 + capacity);
    float[][] x = matrix(random, capacity, inputs);
    float[][] g = matrix(random, capacity, units);
    float[][] weightGrad = new float[inputs][units];
    kernels.weightGradient(x, g, weightGrad, n, 0, inputs);
    for (int k = 0; k < inputs; k++) {
      for (int j = 0; j < units; j++) {
        float expected = 0f;
        for (int s = 0; s < n; s++) {
          expected = Math.fma(g[s][j], x[s][k], expected);
        }
        assertEquals(expected, weightGrad[k][j], "row " + k + ", unit " + j);
      }
    }
  }

  @Test
  void weightGradientOfNoSamplesIsZero() {
    float[][] weightGrad = matrix(new Random(4), 5, 20);
    kernels.weightGradient(new float[0][], new float[0][], weightGrad, 0, 1, 4);
    for (int k = 1; k < 4; k++) {
      assertArrayEquals(new float[20], weightGrad[k], "row " + k);
    }
  }

  private static float[][] matrix(Random random, int rows, int columns) {
    float[][] m = new float[rows][columns];
    for (float[] row : m) {
      for (int i = 0; i < columns; i++) {
        row[i] = (float) random.nextGaussian();
      }
    }
    return m;
  }

  private static float[][] copy(float[][] m) {
    float[][] c = new float[m.length][];
    for (int i = 0; i < m.length; i++) {
      c[i] = m[i].clone();
    }
    return c;
  }
}
