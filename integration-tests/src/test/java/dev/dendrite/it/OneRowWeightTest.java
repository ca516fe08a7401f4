package dev.dendrite.it;

import static dev.dendrite.annotation.Activation.LINEAR;
import static dev.dendrite.annotation.Activation.SIGMOID;
import static dev.dendrite.annotation.Activation.TANH;
import static dev.dendrite.it.TrainingFixture.assertSameBits;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dendrite.DoubleModel;
import dev.dendrite.DoubleTensor;
import dev.dendrite.Layer;
import dev.dendrite.Model;
import dev.dendrite.Tensor;
import dev.dendrite.annotation.Dense;
import dev.dendrite.annotation.Init;
import dev.dendrite.annotation.Input;
import dev.dendrite.annotation.Loss;
import dev.dendrite.annotation.Network;
import dev.dendrite.check.GradientCheck;
import dev.dendrite.ejml.Matrices;
import dev.dendrite.io.ModelFiles;
import dev.dendrite.io.SafeTensorsFile;
import dev.dendrite.optim.Sgd;
import dev.dendrite.random.Rng;
import dev.dendrite.reference.ReferenceMlp;
import java.nio.file.Path;
import java.util.List;
import org.ejml.data.FMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Dense layer with one unit and unrolled code stores its weights {@code [inputs, 1]} as one row
 * (see {@link Tensor}); a wide one-unit layer, whose code is looped, keeps a row per input. Either
 * way the value at {@code [k, 0]} is input {@code k}'s weight: files hold PyTorch's {@code [1,
 * inputs]} in input order, EJML reads an {@code inputs x 1} matrix, the networks match the EJML
 * reference and finite differences (with L1 and L2 penalties too), and He initialisation uses the
 * number of inputs.
 */
class OneRowWeightTest {

  @TempDir Path folder;

  /** One-unit layers inside and at the end, with He initialisations that need the fan-in. */
  @Network(loss = Loss.MSE, doublePrecision = true)
  abstract static class Bottleneck {
    @Input(5) Layer in;
    @Dense(units = 1, activation = TANH, init = Init.HE_UNIFORM) Layer neck;
    @Dense(units = 4, activation = TANH) Layer widen;
    @Dense(units = 1, activation = LINEAR, init = Init.HE_NORMAL) Layer out;
  }

  /** {@link Bottleneck} with L1 and L2 penalties on the one-unit layers. */
  @Network(loss = Loss.MSE, doublePrecision = true)
  abstract static class PenalizedBottleneck {
    @Input(5) Layer in;
    @Dense(units = 1, activation = TANH, init = Init.HE_UNIFORM, l1 = 0.01) Layer neck;
    @Dense(units = 4, activation = TANH) Layer widen;
    @Dense(units = 1, activation = LINEAR, init = Init.HE_NORMAL, l2 = 0.05) Layer out;
  }

  /** A one-unit output too wide to unroll. */
  @Network(loss = Loss.BINARY_CROSS_ENTROPY, doublePrecision = true)
  abstract static class Wide {
    @Input(70) Layer in;
    @Dense(units = 1, activation = SIGMOID) Layer out;
  }

  private static Tensor parameter(Model model, String name) {
    return model.parameters().stream().filter(t -> t.name().equals(name)).findFirst()
        .orElseThrow();
  }

  private static DoubleTensor parameter(DoubleModel model, String name) {
    return model.parameters().stream().filter(t -> t.name().equals(name)).findFirst()
        .orElseThrow();
  }

  @Test
  void smallOneUnitLayersAreOneRowWideOnesARowPerInput() {
    Model net = new OneRowWeightTest_BottleneckNet(1);
    Tensor neck = parameter(net, "neck.weight");
    assertArrayEquals(new int[] {5, 1}, neck.shape());
    assertEquals(1, neck.values().length);
    assertEquals(5, neck.values()[0].length);
    assertEquals(1, neck.gradients().length);
    for (int k = 0; k < 5; k++) {
      assertEquals(neck.values()[0][k], neck.get(k, 0));
    }
    Tensor widen = parameter(net, "widen.weight");
    assertEquals(1, widen.values().length, "[1, 4]: one input, one row of 4 units");
    assertEquals(4, parameter(net, "out.weight").values()[0].length);

    Tensor wide = parameter(new OneRowWeightTest_WideNet(1), "out.weight");
    assertEquals(70, wide.values().length);
    assertEquals(1, wide.values()[0].length);
  }

  @Test
  void heInitialisationUsesTheNumberOfInputs() {
    Model net = new OneRowWeightTest_BottleneckNet(2);
    // The network draws neck.weight first: 5 values of U(-l, l), l = sqrt(6 / 5).
    Rng init = new Rng(2);
    double limit = Math.sqrt(6.0 / 5);
    Tensor neck = parameter(net, "neck.weight");
    for (int k = 0; k < 5; k++) {
      float expected = (float) ((2.0 * init.nextDouble() - 1.0) * limit);
      assertEquals(Float.floatToIntBits(expected), Float.floatToIntBits(neck.get(k, 0)),
          "neck.weight[" + k + ", 0]");
    }
  }

  @Test
  void filesHoldTheWeightsInPyTorchsLayoutAndLoadBackBitForBit() throws Exception {
    Model saved = new OneRowWeightTest_BottleneckNet(3);
    float[][] x = Batches.toFloat(Batches.gaussian(8, 5, new Rng(4)));
    float[][] y = Batches.toFloat(Batches.targets(Loss.MSE, 8, 1, new Rng(5)));
    Sgd sgd = Sgd.withMomentum(0.05f, 0.9f);
    for (int step = 0; step < 5; step++) {
      saved.forward(x, 8, true);
      saved.backward(y);
      sgd.step(saved.parameters());
    }
    Path path = folder.resolve("bottleneck.safetensors");
    ModelFiles.save(saved, path);
    try (SafeTensorsFile file = SafeTensorsFile.open(path)) {
      for (String name : List.of("neck.weight", "out.weight")) {
        Tensor t = parameter(saved, name);
        int inputs = t.shape()[0];
        assertArrayEquals(new long[] {1, inputs}, file.tensor(name).shape(), name);
        float[] stored = file.readFloats(name);
        for (int k = 0; k < inputs; k++) {
          assertEquals(t.get(k, 0), stored[k], name + " input " + k);
        }
      }
    }
    Model loaded = new OneRowWeightTest_BottleneckNet(99);
    ModelFiles.load(loaded, path);
    assertSameBits(saved, loaded);
    float[][] expected = new float[8][1];
    float[][] actual = new float[8][1];
    saved.predict(x, 8, expected);
    loaded.predict(x, 8, actual);
    assertArrayEquals(expected, actual);

    DoubleModel twin = new OneRowWeightTest_BottleneckNetDouble(0);
    ModelFiles.load(twin, path);
    for (Tensor t : saved.parameters()) {
      DoubleTensor d = parameter(twin, t.name());
      int[] shape = t.shape();
      for (int k = 0; k < shape[0] * (shape.length > 1 ? shape[1] : 1); k++) {
        int[] index = shape.length > 1 ? new int[] {k / shape[1], k % shape[1]} : new int[] {k};
        assertEquals(t.get(index), (float) d.get(index), t.name());
      }
    }
  }

  @Test
  void ejmlReadsAColumnAndTheReferenceAgrees() {
    for (Model net : List.of(new OneRowWeightTest_BottleneckNet(6),
        new OneRowWeightTest_WideNet(6))) {
      FMatrixRMaj weight = Matrices.weight(net, "out");
      Tensor out = parameter(net, "out.weight");
      assertEquals(out.shape()[0], weight.numRows);
      assertEquals(1, weight.numCols);
      for (int k = 0; k < weight.numRows; k++) {
        assertEquals(out.get(k, 0), weight.get(k, 0));
      }

      int n = 5;
      Rng rng = new Rng(7);
      float[][] x = Batches.toFloat(Batches.gaussian(n, net.inputSize(), rng));
      float[][] y = Batches.toFloat(Batches.targets(net.loss(), n, 1, rng));
      ReferenceMlp reference = EjmlDifferentialTest.reference(net);
      net.forward(x, n, true);
      float loss = net.backward(y);
      ReferenceMlp.Pass pass = reference.train(x, y, n, List.of());
      assertEquals(pass.loss(), loss, 1e-5 * Math.max(1, Math.abs(pass.loss())));
      List<Tensor> tensors = net.parameters();
      for (int t = 0; t < tensors.size(); t++) {
        float[][] expected = pass.gradients().get(t);
        Tensor tensor = tensors.get(t);
        for (int r = 0; r < expected.length; r++) {
          for (int c = 0; c < expected[r].length; c++) {
            int[] index = tensor.shape().length == 1 ? new int[] {c} : new int[] {r, c};
            assertEquals(expected[r][c], tensor.gradient(index),
                1e-5 * Math.max(1, Math.abs(expected[r][c])), tensor.name());
          }
        }
      }
    }
  }

  @Test
  void gradientsMatchFiniteDifferencesAndTheWorstValueIsNamedByItsIndex() {
    Rng rng = new Rng(9);
    int n = 4;
    double[][] x = Batches.gaussian(n, 5, rng);
    double[][] y = Batches.targets(Loss.MSE, n, 1, rng);
    DoubleModel penalized = new OneRowWeightTest_PenalizedBottleneckNetDouble(8);
    GradientCheck.Report withPenalties =
        GradientCheck.defaults().withStep(1e-5).run(penalized, x, y, n);
    assertTrue(withPenalties.maxRelativeError() <= 1e-6, withPenalties.toString());

    DoubleModel twin = new OneRowWeightTest_BottleneckNetDouble(8);
    GradientCheck.Report report = GradientCheck.defaults().withStep(1e-5).run(twin, x, y, n);
    assertTrue(report.maxRelativeError() <= 1e-6, report.toString());

    twin.forward(x, n, true);
    twin.backward(y);
    for (String name : List.of("neck.weight", "out.weight")) {
      GradientCheck.TensorResult result = report.tensor(name);
      int[] index = result.worstIndex();
      DoubleTensor tensor = parameter(twin, name);
      assertEquals(0, index[1], name + " has one column");
      assertTrue(index[0] >= 0 && index[0] < tensor.shape()[0], name);
      assertEquals(result.analytic(), tensor.gradient(index), 0.0, name + " at the worst index");
    }
  }
}
