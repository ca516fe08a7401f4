package dev.dendrite.reference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dendrite.annotation.Activation;
import dev.dendrite.annotation.Loss;
import dev.dendrite.kernel.Activations;
import dev.dendrite.kernel.LossKernels;
import dev.dendrite.random.Rng;
import dev.dendrite.reference.ReferenceMlp.BatchNorm;
import dev.dendrite.reference.ReferenceMlp.Dense;
import dev.dendrite.reference.ReferenceMlp.Dropout;
import dev.dendrite.reference.ReferenceMlp.LayerSpec;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The reference checked against itself (finite differences) and against direct formulas. */
class ReferenceMlpTest {

  private static final int IN = 3;
  private static final int N = 4;

  private static float[][] randomMatrix(int rows, int columns, double scale, long seed) {
    Rng rng = new Rng(seed);
    float[][] m = new float[rows][columns];
    for (float[] row : m) {
      for (int j = 0; j < columns; j++) {
        row[j] = (float) ((2 * rng.nextDouble() - 1) * scale);
      }
    }
    return m;
  }

  private static float[][] oneHot(int rows, int classes, long seed) {
    Rng rng = new Rng(seed);
    float[][] y = new float[rows][classes];
    for (float[] row : y) {
      row[rng.nextInt(classes)] = 1f;
    }
    return y;
  }

  private static boolean[][] keepMask(int rows, int width, long seed) {
    Rng rng = new Rng(seed);
    boolean[][] keep = new boolean[rows][width];
    for (boolean[] row : keep) {
      for (int j = 0; j < width; j++) {
        row[j] = rng.nextDouble() >= 0.5;
      }
    }
    return keep;
  }

  /**
   * Compares every gradient of {@code net} with central differences of its own loss. Float
   * forward passes make the differences noisy, so the step is large and the tolerance loose.
   */
  private static void assertGradientsMatchFiniteDifferences(ReferenceMlp net, float[][] x,
      float[][] y, List<boolean[][]> masks, String what) {
    ReferenceMlp.Pass pass = net.train(x, y, N, masks);
    List<float[][]> parameters = net.parameters();
    float h = 1e-3f;
    for (int p = 0; p < parameters.size(); p++) {
      float[][] values = parameters.get(p);
      for (int r = 0; r < values.length; r++) {
        for (int c = 0; c < values[r].length; c++) {
          float original = values[r][c];
          values[r][c] = original + h;
          double plus = new ReferenceMlp(IN, net.layers(), net.loss(), parameters)
              .loss(x, y, N, masks);
          values[r][c] = original - h;
          double minus = new ReferenceMlp(IN, net.layers(), net.loss(), parameters)
              .loss(x, y, N, masks);
          values[r][c] = original;
          double numeric = (plus - minus) / ((double) (original + h) - (original - h));
          double analytic = pass.gradients().get(p)[r][c];
          double error = Math.abs(analytic - numeric)
              / Math.max(1e-2, Math.max(Math.abs(analytic), Math.abs(numeric)));
          assertTrue(error < 1e-2, String.format("%s: parameter %d [%d][%d]: analytic %.6g,"
              + " numeric %.6g", what, p, r, c, analytic, numeric));
        }
      }
    }
  }

  @Test
  void gradientsMatchFiniteDifferencesForEveryHiddenActivation() {
    float[][] x = randomMatrix(N, IN, 1.0, 1);
    float[][] y = randomMatrix(N, 2, 1.0, 2);
    for (Activation activation : Activation.values()) {
      if (activation == Activation.SOFTMAX) {
        continue;
      }
      for (double alpha : new double[] {Double.NaN, 0.3}) {
        List<LayerSpec> layers = List.of(
            new Dense(5, activation, alpha), new Dropout(0.4), new Dense(2, Activation.TANH));
        ReferenceMlp net = new ReferenceMlp(IN, layers, Loss.MSE,
            ReferenceMlp.randomParameters(IN, layers, 0.8, 10 + activation.ordinal()));
        List<boolean[][]> masks = List.<boolean[][]>of(keepMask(N, 5, 3));
        assertGradientsMatchFiniteDifferences(net, x, y, masks, activation + " alpha " + alpha);
        assertGradientsMatchFiniteDifferences(net, x, y, null, activation + " no dropout");
      }
    }
  }

  @Test
  void gradientsMatchFiniteDifferencesForEveryOutputActivationAndLoss() {
    float[][] x = randomMatrix(N, IN, 1.0, 4);
    for (Activation activation : Activation.values()) {
      List<LayerSpec> layers = List.of(new Dense(4, Activation.GELU), new Dense(3, activation));
      ReferenceMlp net = new ReferenceMlp(IN, layers, Loss.MSE,
          ReferenceMlp.randomParameters(IN, layers, 0.9, 20 + activation.ordinal()));
      assertGradientsMatchFiniteDifferences(net, x, randomMatrix(N, 3, 1.0, 5), null,
          "MSE " + activation);
    }

    List<LayerSpec> binary = List.of(new Dense(4, Activation.RELU), new Dense(2,
        Activation.SIGMOID));
    float[][] y = {{1, 0}, {0, 0}, {1, 1}, {0.25f, 0.75f}};
    ReferenceMlp bce = new ReferenceMlp(IN, binary, Loss.BINARY_CROSS_ENTROPY,
        ReferenceMlp.randomParameters(IN, binary, 1.0, 30));
    assertGradientsMatchFiniteDifferences(bce, x, y, null, "BCE");

    List<LayerSpec> categorical = List.of(new Dense(4, Activation.TANH), new Dropout(0.5),
        new Dense(3, Activation.SOFTMAX));
    ReferenceMlp cce = new ReferenceMlp(IN, categorical, Loss.CATEGORICAL_CROSS_ENTROPY,
        ReferenceMlp.randomParameters(IN, categorical, 1.0, 31));
    assertGradientsMatchFiniteDifferences(cce, x, oneHot(N, 3, 6),
        List.<boolean[][]>of(keepMask(N, 4, 7)), "CCE one-hot");
    float[][] soft = {{0.2f, 0.3f, 0.5f}, {1, 0, 0}, {0.1f, 0.1f, 0.8f}, {0.5f, 0.5f, 0}};
    assertGradientsMatchFiniteDifferences(cce, x, soft, null, "CCE soft");
  }

  @Test
  void gradientsMatchFiniteDifferencesWithBatchNormalizationPreluAndNoBias() {
    float[][] x = randomMatrix(N, IN, 1.0, 8);
    float[][] y = randomMatrix(N, 2, 1.0, 9);
    List<LayerSpec> layers = List.of(
        new Dense(5, Activation.LINEAR, Double.NaN, false, false),
        new BatchNorm(0.9, 1e-3, Activation.TANH, Double.NaN),
        new Dropout(0.3),
        new Dense(4, Activation.PRELU, Double.NaN, true, true),
        new BatchNorm(0.99, 1e-2, Activation.LINEAR, Double.NaN),
        new Dense(3, Activation.PRELU, Double.NaN, false, false),
        new Dense(2, Activation.TANH));
    ReferenceMlp net = new ReferenceMlp(IN, layers, Loss.MSE,
        ReferenceMlp.randomParameters(IN, layers, 0.9, 11));
    assertGradientsMatchFiniteDifferences(net, x, y, List.<boolean[][]>of(keepMask(N, 5, 12)),
        "batch normalization, PRELU, no bias");
  }

  @Test
  void parameterShapesFollowBiasSlopesAndBatchNormalization() {
    List<LayerSpec> layers = List.of(
        new Dense(5, Activation.PRELU, Double.NaN, false, false),
        new BatchNorm(0.9, 1e-3, Activation.LINEAR, Double.NaN),
        new Dense(2, Activation.PRELU, Double.NaN, true, true));
    List<int[]> shapes = ReferenceMlp.parameterShapes(IN, layers);
    assertEquals(7, shapes.size());
    assertArrayEquals(new int[] {IN, 5}, shapes.get(0));
    assertArrayEquals(new int[] {1, 5}, shapes.get(1), "slopes per unit");
    assertArrayEquals(new int[] {1, 5}, shapes.get(2), "gamma");
    assertArrayEquals(new int[] {1, 5}, shapes.get(3), "beta");
    assertArrayEquals(new int[] {5, 2}, shapes.get(4));
    assertArrayEquals(new int[] {1, 2}, shapes.get(5), "bias");
    assertArrayEquals(new int[] {1, 1}, shapes.get(6), "shared slope");
    List<int[]> buffers = ReferenceMlp.bufferShapes(IN, layers);
    assertEquals(2, buffers.size());
    assertArrayEquals(new int[] {1, 5}, buffers.get(1));
  }

  /**
   * In training each unit of a batch normalization comes out with mean {@code beta} and variance
   * {@code gamma^2 v / (v + epsilon)}, and the running statistics move by {@code 1 - momentum}
   * towards the batch's, computed here in double loops.
   */
  @Test
  void batchNormalizationInTrainingUsesTheBatchStatistics() {
    int units = 3;
    int n = 6;
    double momentum = 0.8;
    double epsilon = 0.01;
    List<LayerSpec> layers = List.of(new Dense(units, Activation.LINEAR, Double.NaN, false, false),
        new BatchNorm(momentum, epsilon, Activation.LINEAR, Double.NaN));
    float[][] w = randomMatrix(IN, units, 1.0, 90);
    float[][] gamma = {{0.5f, -2f, 1.5f}};
    float[][] beta = {{0.25f, 0f, -1f}};
    float[][] runningMean = {{0.1f, -0.3f, 2f}};
    float[][] runningVar = {{1f, 0.5f, 3f}};
    ReferenceMlp net = new ReferenceMlp(IN, layers, Loss.MSE, List.of(w, gamma, beta),
        List.of(runningMean, runningVar));
    float[][] x = randomMatrix(n, IN, 2.0, 91);
    ReferenceMlp.Pass pass = net.train(x, new float[n][units], n);
    for (int j = 0; j < units; j++) {
      double[] z = new double[n];
      double mean = 0;
      for (int s = 0; s < n; s++) {
        for (int i = 0; i < IN; i++) {
          z[s] += (double) x[s][i] * w[i][j];
        }
        mean += z[s] / n;
      }
      double variance = 0;
      for (int s = 0; s < n; s++) {
        variance += (z[s] - mean) * (z[s] - mean) / n;
      }
      double outMean = 0;
      double outVariance = 0;
      for (int s = 0; s < n; s++) {
        outMean += pass.output()[s][j] / (double) n;
      }
      for (int s = 0; s < n; s++) {
        double d = pass.output()[s][j] - outMean;
        outVariance += d * d / n;
      }
      assertEquals(beta[0][j], outMean, 1e-5, "mean of unit " + j);
      assertEquals(gamma[0][j] * gamma[0][j] * variance / (variance + epsilon), outVariance,
          1e-4, "variance of unit " + j);
      assertEquals(momentum * runningMean[0][j] + (1 - momentum) * mean,
          pass.buffers().get(0)[0][j], 1e-5, "running mean of unit " + j);
      assertEquals(momentum * runningVar[0][j] + (1 - momentum) * variance,
          pass.buffers().get(1)[0][j], 1e-4, "running variance of unit " + j);
    }
    assertEquals(runningMean[0][0], net.buffers().get(0)[0][0], 0f, "the instance keeps its own");
  }

  /** In inference each sample is normalized with the running statistics, on its own. */
  @Test
  void batchNormalizationInInferenceUsesTheRunningStatistics() {
    int units = 2;
    List<LayerSpec> layers = List.of(new Dense(units, Activation.LINEAR),
        new BatchNorm(0.9, 0.001, Activation.RELU, Double.NaN));
    float[][] w = randomMatrix(IN, units, 1.0, 92);
    float[][] b = randomMatrix(1, units, 1.0, 93);
    float[][] gamma = {{1.5f, 0.75f}};
    float[][] beta = {{0.1f, -0.2f}};
    float[][] runningMean = {{0.3f, -0.4f}};
    float[][] runningVar = {{2f, 0.25f}};
    ReferenceMlp net = new ReferenceMlp(IN, layers, Loss.MSE, List.of(w, b, gamma, beta),
        List.of(runningMean, runningVar));
    float[][] x = randomMatrix(N, IN, 2.0, 94);
    float[][] out = net.predict(x, N);
    for (int s = 0; s < N; s++) {
      float[][] alone = net.predict(new float[][] {x[s]}, 1);
      for (int j = 0; j < units; j++) {
        double z = b[0][j];
        for (int i = 0; i < IN; i++) {
          z += (double) x[s][i] * w[i][j];
        }
        double y = (z - runningMean[0][j]) / Math.sqrt(runningVar[0][j] + 0.001) * gamma[0][j]
            + beta[0][j];
        assertEquals(Math.max(0, y), out[s][j], 1e-5, "[" + s + "][" + j + "]");
        assertEquals(out[s][j], alone[0][j], 0f, "independent of the batch");
      }
    }
  }

  /** One linear layer with MSE: {@code dW = 2 / (n m) X^T (X W + b - Y)}, written out in loops. */
  @Test
  void linearLayerMatchesClosedForm() {
    int m = 2;
    List<LayerSpec> layers = List.of(new Dense(m, Activation.LINEAR));
    float[][] w = randomMatrix(IN, m, 1.0, 40);
    float[][] b = randomMatrix(1, m, 1.0, 41);
    ReferenceMlp net = new ReferenceMlp(IN, layers, Loss.MSE, List.of(w, b));
    float[][] x = randomMatrix(N, IN, 2.0, 42);
    float[][] y = randomMatrix(N, m, 2.0, 43);

    double[][] residual = new double[N][m];
    double loss = 0;
    for (int s = 0; s < N; s++) {
      for (int j = 0; j < m; j++) {
        double z = b[0][j];
        for (int i = 0; i < IN; i++) {
          z += (double) x[s][i] * w[i][j];
        }
        residual[s][j] = z - y[s][j];
        loss += residual[s][j] * residual[s][j] / (N * m);
      }
    }
    ReferenceMlp.Pass pass = net.train(x, y, N);
    assertEquals(loss, pass.loss(), 1e-5);
    for (int i = 0; i < IN; i++) {
      for (int j = 0; j < m; j++) {
        double expected = 0;
        for (int s = 0; s < N; s++) {
          expected += 2.0 / (N * m) * x[s][i] * residual[s][j];
        }
        assertEquals(expected, pass.gradients().get(0)[i][j], 1e-5, "dW[" + i + "][" + j + "]");
      }
    }
    for (int j = 0; j < m; j++) {
      double expected = 0;
      for (int s = 0; s < N; s++) {
        expected += 2.0 / (N * m) * residual[s][j];
      }
      assertEquals(expected, pass.gradients().get(1)[0][j], 1e-5, "db[" + j + "]");
    }
  }

  /** The losses agree with the per-sample kernels of the runtime, averaged over the batch. */
  @Test
  void lossesFollowTheDefinitionsOfLossKernels() {
    float[][] x = randomMatrix(N, IN, 1.0, 50);
    Object[][] cases = {
      {Loss.MSE, Activation.ELU, randomMatrix(N, 3, 1.0, 51)},
      {Loss.BINARY_CROSS_ENTROPY, Activation.SIGMOID, new float[][] {
        {1, 0, 1}, {0, 0, 0}, {1, 1, 1}, {0.5f, 0.2f, 0.9f}}},
      {Loss.CATEGORICAL_CROSS_ENTROPY, Activation.SOFTMAX, oneHot(N, 3, 52)},
    };
    for (Object[] c : cases) {
      Loss loss = (Loss) c[0];
      Activation activation = (Activation) c[1];
      float[][] y = (float[][]) c[2];
      List<LayerSpec> layers = List.of(new Dense(5, Activation.SWISH), new Dense(3, activation));
      List<float[][]> parameters = ReferenceMlp.randomParameters(IN, layers, 1.5, 53);
      ReferenceMlp net = new ReferenceMlp(IN, layers, loss, parameters);
      ReferenceMlp.Pass pass = net.train(x, y, N);

      // Recompute z of the output layer from the hidden activations, in double.
      List<LayerSpec> hiddenOnly = List.of(layers.get(0));
      float[][] hidden = new ReferenceMlp(IN, hiddenOnly, Loss.MSE,
          parameters.subList(0, 2)).predict(x, N);
      float[][] w = parameters.get(2);
      float[][] b = parameters.get(3);
      double total = 0;
      for (int s = 0; s < N; s++) {
        double[] z = new double[3];
        for (int j = 0; j < 3; j++) {
          z[j] = b[0][j];
          for (int i = 0; i < 5; i++) {
            z[j] += (double) hidden[s][i] * w[i][j];
          }
        }
        double[] a = new double[3];
        double[] yd = new double[3];
        for (int j = 0; j < 3; j++) {
          a[j] = pass.output()[s][j];
          yd[j] = y[s][j];
        }
        double[] grad = new double[3];
        total += switch (loss) {
          case MSE -> LossKernels.meanSquaredError(a, yd, grad, 1.0);
          case BINARY_CROSS_ENTROPY ->
              LossKernels.sigmoidBinaryCrossEntropy(z, a, yd, grad, 1.0);
          case CATEGORICAL_CROSS_ENTROPY -> LossKernels.softmaxCrossEntropy(z, a, yd, grad, 1.0);
        };
      }
      assertEquals(total / N, pass.loss(), 1e-5, loss.toString());
      assertEquals(pass.loss(), net.loss(x, y, N), 0.0);
    }
  }

  @Test
  void activationsAgreeWithRuntimeKernels() {
    double[] points = {-4, -1, -0.2, 0.1, 0.7, 3};
    for (double z : points) {
      assertEquals(Activations.sigmoid(z), ReferenceMlp.function(Activation.SIGMOID, 0, z), 1e-15);
      assertEquals(Activations.gelu(z), ReferenceMlp.function(Activation.GELU, 0, z), 1e-15);
      assertEquals(Activations.mish(z), ReferenceMlp.function(Activation.MISH, 0, z), 1e-15);
      assertEquals(Activations.elu(z, 1.0), ReferenceMlp.function(Activation.ELU, 1.0, z), 1e-15);
      assertEquals(Activations.geluDerivative(z),
          ReferenceMlp.derivative(Activation.GELU, 0, z), 1e-15);
      assertEquals(Activations.mishDerivative(z),
          ReferenceMlp.derivative(Activation.MISH, 0, z), 1e-15);
      assertEquals(Activations.swishDerivative(z),
          ReferenceMlp.derivative(Activation.SWISH, 0, z), 1e-15);
    }
    assertEquals(-0.02, ReferenceMlp.function(Activation.LEAKY_RELU, 0.01, -2), 1e-15);
    assertEquals(0.01, new Dense(3, Activation.LEAKY_RELU).effectiveAlpha());
    assertEquals(1.0, new Dense(3, Activation.ELU).effectiveAlpha());
    assertEquals(0.2, new Dense(3, Activation.ELU, 0.2).effectiveAlpha());
  }

  @Test
  void softmaxOutputsSumToOne() {
    List<LayerSpec> layers = List.of(new Dense(6, Activation.SOFTMAX));
    ReferenceMlp net = new ReferenceMlp(IN, layers, Loss.CATEGORICAL_CROSS_ENTROPY,
        ReferenceMlp.randomParameters(IN, layers, 50.0, 60));
    float[][] out = net.predict(randomMatrix(N, IN, 10.0, 61), N);
    for (float[] row : out) {
      double sum = 0;
      for (float v : row) {
        assertTrue(v >= 0 && Float.isFinite(v));
        sum += v;
      }
      assertEquals(1.0, sum, 1e-5);
    }
  }

  @Test
  void dropoutIsIdentityInInferenceAndScalesKeptValuesInTraining() {
    List<LayerSpec> layers = List.of(new Dense(4, Activation.RELU), new Dropout(0.75),
        new Dense(2, Activation.LINEAR));
    List<float[][]> parameters = ReferenceMlp.randomParameters(IN, layers, 1.0, 70);
    ReferenceMlp net = new ReferenceMlp(IN, layers, Loss.MSE, parameters);
    float[][] x = randomMatrix(N, IN, 1.0, 71);
    float[][] y = randomMatrix(N, 2, 1.0, 72);

    float[][] inference = net.predict(x, N);
    float[][] allKept = net.train(x, y, N).output();
    for (int s = 0; s < N; s++) {
      assertArrayEquals(inference[s], allKept[s], 0f);
    }

    // With one kept unit the output is W2 row times 4 h + b2.
    boolean[][] keep = new boolean[N][4];
    for (boolean[] row : keep) {
      row[1] = true;
    }
    ReferenceMlp.Pass pass = net.train(x, y, N, List.<boolean[][]>of(keep));
    float[][] hidden = new ReferenceMlp(IN, layers.subList(0, 1), Loss.MSE,
        parameters.subList(0, 2)).predict(x, N);
    for (int s = 0; s < N; s++) {
      for (int j = 0; j < 2; j++) {
        double expected = parameters.get(3)[0][j] + 4.0 * hidden[s][1] * parameters.get(2)[1][j];
        assertEquals(expected, pass.output()[s][j], 1e-5);
      }
    }
    // Dropped units get no gradient in the first layer.
    for (int i = 0; i < IN; i++) {
      assertEquals(0f, pass.gradients().get(0)[i][0]);
      assertEquals(0f, pass.gradients().get(0)[i][2]);
    }
    assertNotEquals(0f, pass.gradients().get(1)[0][1] + pass.gradients().get(0)[0][1]);
  }

  @Test
  void onlyTheFirstNRowsCount() {
    List<LayerSpec> layers = List.of(new Dense(2, Activation.TANH));
    ReferenceMlp net = new ReferenceMlp(IN, layers, Loss.MSE,
        ReferenceMlp.randomParameters(IN, layers, 1.0, 80));
    float[][] x = randomMatrix(N, IN, 1.0, 81);
    float[][] y = randomMatrix(N, 2, 1.0, 82);
    float[][] xLonger = new float[N + 2][];
    float[][] yLonger = new float[N + 2][];
    for (int s = 0; s < N + 2; s++) {
      xLonger[s] = s < N ? x[s] : new float[] {9, 9, 9};
      yLonger[s] = s < N ? y[s] : new float[] {-9, 9};
    }
    assertEquals(net.loss(x, y, N), net.loss(xLonger, yLonger, N), 0.0);
    assertEquals(N, net.predict(xLonger, N).length);
  }

  @Test
  void describesItsParameters() {
    List<LayerSpec> layers = List.of(new Dense(5, Activation.RELU), new Dropout(0.1),
        new Dense(2, Activation.SIGMOID));
    List<int[]> shapes = ReferenceMlp.parameterShapes(IN, layers);
    assertEquals(4, shapes.size());
    assertArrayEquals(new int[] {IN, 5}, shapes.get(0));
    assertArrayEquals(new int[] {1, 5}, shapes.get(1));
    assertArrayEquals(new int[] {5, 2}, shapes.get(2));
    assertArrayEquals(new int[] {1, 2}, shapes.get(3));
    List<float[][]> parameters = ReferenceMlp.randomParameters(IN, layers, 1.0, 90);
    ReferenceMlp net = new ReferenceMlp(IN, layers, Loss.BINARY_CROSS_ENTROPY, parameters);
    assertEquals(2, net.outputSize());
    assertEquals(IN, net.inputSize());
    List<float[][]> copy = net.parameters();
    for (int p = 0; p < 4; p++) {
      for (int r = 0; r < copy.get(p).length; r++) {
        assertArrayEquals(parameters.get(p)[r], copy.get(p)[r], 0f);
      }
    }
    parameters.get(0)[0][0] += 1f;
    assertNotEquals(parameters.get(0)[0][0], net.parameters().get(0)[0][0], "copied in");
  }

  @Test
  void rejectsMismatchedArguments() {
    List<LayerSpec> layers = List.of(new Dense(2, Activation.RELU), new Dropout(0.5));
    List<float[][]> parameters = ReferenceMlp.randomParameters(IN, layers, 1.0, 100);
    assertThrows(IllegalArgumentException.class,
        () -> new ReferenceMlp(IN, layers, Loss.MSE, parameters.subList(0, 1)));
    List<float[][]> wrongShape = new ArrayList<>(parameters);
    wrongShape.set(0, new float[IN + 1][2]);
    assertThrows(IllegalArgumentException.class,
        () -> new ReferenceMlp(IN, layers, Loss.MSE, wrongShape));
    List<float[][]> wrongWidth = new ArrayList<>(parameters);
    wrongWidth.set(1, new float[1][3]);
    assertThrows(IllegalArgumentException.class,
        () -> new ReferenceMlp(IN, layers, Loss.MSE, wrongWidth));
    assertThrows(IllegalArgumentException.class, () -> new Dense(0, Activation.RELU));
    assertThrows(IllegalArgumentException.class, () -> new Dropout(1.0));
    assertThrows(IllegalArgumentException.class, () -> new Dropout(-0.1));

    ReferenceMlp net = new ReferenceMlp(IN, layers, Loss.MSE, parameters);
    float[][] x = randomMatrix(N, IN, 1.0, 101);
    float[][] y = randomMatrix(N, 2, 1.0, 102);
    assertThrows(IllegalArgumentException.class, () -> net.train(x, y, N, List.of()));
    assertThrows(IllegalArgumentException.class,
        () -> net.train(x, y, N, List.<boolean[][]>of(new boolean[N][3])));
    assertThrows(IllegalArgumentException.class,
        () -> net.train(x, y, N, List.<boolean[][]>of(new boolean[N - 1][2])));
    assertThrows(IllegalArgumentException.class, () -> net.train(x, y, N + 1));
    assertThrows(IllegalArgumentException.class, () -> net.predict(new float[N][IN + 1], N));
  }
}
