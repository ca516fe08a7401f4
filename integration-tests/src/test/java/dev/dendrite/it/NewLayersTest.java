package dev.dendrite.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dendrite.DoubleModel;
import dev.dendrite.DoubleTensor;
import dev.dendrite.Layer;
import dev.dendrite.Model;
import dev.dendrite.Tensor;
import dev.dendrite.check.GradientCheck;
import dev.dendrite.optim.Adam;
import dev.dendrite.random.Rng;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Behaviour of the generated batch normalization, PRELU, flatten and initialiser code beyond its
 * gradients: the non-trainable tensors and how the summary counts them, inference with the running
 * statistics, the state a gradient check leaves, allocation, and float and double twins.
 */
class NewLayersTest {

  @Test
  void summaryCountsRunningStatisticsAsNonTrainable() {
    Model model = new TestNets_BatchNormBeforeActivationNet(1);
    long nonTrainable = 2L * (50 + 7 + 4);
    assertEquals(nonTrainable, model.nonTrainableCount());
    long trainable = 6 * 50 + 2 * 50 + 50 * 7 + 2 * 7 + 7 * 4 + 2 * 4 + 4 * 3 + 3;
    assertEquals(trainable, model.parameterCount());
    long inTensors = 0;
    for (Tensor tensor : model.parameters()) {
      inTensors += tensor.size();
    }
    assertEquals(trainable, inTensors, "parameter tensors hold every trainable value");
    String summary = model.summary();
    assertTrue(summary.contains(String.format("Total params: %,d%n", trainable + nonTrainable)),
        summary);
    assertTrue(summary.contains(String.format("Trainable params: %,d%n", trainable)), summary);
    assertTrue(summary.contains(String.format("Non-trainable params: %,d%n", nonTrainable)),
        summary);
    assertTrue(summary.lines().anyMatch(l -> l.matches("wideNorm \\(BatchNorm\\) +\\(None, 50\\)"
        + " +200")), summary);
  }

  @Test
  void buffersAreTheRunningStatisticsInLayerOrder() {
    Model model = new TestNets_BatchNormBeforeActivationNet(1);
    List<Tensor> buffers = model.buffers();
    assertEquals(List.of("wideNorm.running_mean", "wideNorm.running_var",
            "narrowNorm.running_mean", "narrowNorm.running_var",
            "thirdNorm.running_mean", "thirdNorm.running_var"),
        buffers.stream().map(Tensor::name).toList());
    long values = 0;
    for (Tensor buffer : buffers) {
      assertEquals(null, buffer.gradients(), buffer.name());
      values += buffer.size();
      float expected = buffer.name().endsWith("var") ? 1f : 0f;
      for (float v : buffer.values()[0]) {
        assertEquals(expected, v, 0f, buffer.name() + " starts at " + expected);
      }
    }
    assertEquals(model.nonTrainableCount(), values);
    Layer norm = model.layers().get(2);
    assertEquals(List.of("wideNorm.running_mean", "wideNorm.running_var"), norm.bufferNames());
    assertEquals(List.of(), new TestNets_PreluNet(1).buffers());
  }

  @Test
  void parametersIncludeSlopesAndLeaveOutMissingBiases() {
    Model prelu = new TestNets_PreluNet(1);
    assertEquals(List.of("narrow.weight", "narrow.bias", "narrow.alpha", "wide.weight",
            "wide.bias", "wide.alpha", "narrowShared.weight", "narrowShared.bias",
            "narrowShared.alpha", "widePerUnit.weight", "widePerUnit.bias", "widePerUnit.alpha",
            "out.weight", "out.bias", "out.alpha"),
        prelu.parameters().stream().map(Tensor::name).toList());
    assertArrayEquals(new int[] {1}, prelu.parameters().get(5).shape());
    assertArrayEquals(new int[] {45}, prelu.parameters().get(11).shape());
    assertEquals(-0.2f, prelu.parameters().get(11).values()[0][44], 0f);
    assertEquals(0.1f, prelu.parameters().get(5).values()[0][0], 0f);
    assertEquals(List.of("wide.weight", "narrow.weight", "out.weight"),
        new TestNets_NoBiasNet(1).parameters().stream().map(Tensor::name).toList());
  }

  /** After enough training passes over one batch the running statistics are the batch's. */
  @Test
  void inferenceUsesTheRunningStatistics() {
    Model model = new TestNets_BatchNormAfterActivationNet(3);
    Rng rng = new Rng(4);
    int n = 8;
    float[][] input = Batches.toFloat(Batches.gaussian(n, model.inputSize(), rng));
    float[][] predicted = new float[n][model.outputSize()];
    model.predict(input, n, predicted);
    float[][] trained = copy(model.forward(input, n, true));
    assertNotEquals(trained[0][0], predicted[0][0], "untrained running statistics differ");

    for (int i = 0; i < 3000; i++) {
      model.forward(input, n, true);
    }
    model.predict(input, n, predicted);
    for (int s = 0; s < n; s++) {
      for (int j = 0; j < model.outputSize(); j++) {
        assertEquals(trained[s][j], predicted[s][j], 1e-4, "[" + s + "][" + j + "]");
      }
      float[] alone = model.predict(input[s]);
      assertArrayEquals(predicted[s], alone, 0f, "a prediction does not depend on its batch");
    }
  }

  @Test
  void gradientCheckMovesTheRunningStatisticsByOnePassOnly() {
    DoubleModel checked = new TestNets_BatchNormBeforeActivationNetDouble(7);
    DoubleModel once = new TestNets_BatchNormBeforeActivationNetDouble(7);
    Rng rng = new Rng(8);
    int n = 4;
    double[][] input = Batches.gaussian(n, checked.inputSize(), rng);
    double[][] target = Batches.targets(checked.loss(), n, checked.outputSize(), rng);
    GradientCheck.defaults().withMaxValuesPerTensor(5).run(checked, input, target, n);
    once.forward(input, n, true);
    for (int b = 0; b < once.buffers().size(); b++) {
      DoubleTensor expected = once.buffers().get(b);
      assertArrayEquals(expected.values()[0], checked.buffers().get(b).values()[0], 0.0,
          expected.name());
      assertNotEquals(expected.name().endsWith("var") ? 1.0 : 0.0, expected.values()[0][0],
          expected.name() + " has moved");
    }
  }

  @Test
  void floatAndDoubleTwinsStartFromTheSameParameters() {
    Model single = new TestNets_InitialisersNet(21);
    DoubleModel twin = new TestNets_InitialisersNetDouble(21);
    for (int t = 0; t < single.parameters().size(); t++) {
      Tensor f = single.parameters().get(t);
      DoubleTensor d = twin.parameters().get(t);
      assertEquals(f.name(), d.name());
      for (int r = 0; r < f.values().length; r++) {
        for (int c = 0; c < f.values()[r].length; c++) {
          assertEquals((float) d.values()[r][c], f.values()[r][c], 0f, f.name());
        }
      }
    }
  }

  @Test
  void eachInitialiserDrawsItsOwnDistribution() {
    Model model = new TestNets_InitialisersNet(5);
    List<Tensor> p = model.parameters();
    // weights of glorotUniform, glorotNormal, heUniform, heNormal, normal, uniform, zeros
    double glorot = Math.sqrt(6.0 / (4 + 6));
    assertTrue(maxAbs(p.get(0)) <= glorot, "Glorot-uniform within its limit");
    double he = Math.sqrt(6.0 / 6);
    assertTrue(maxAbs(p.get(4)) <= he, "He-uniform within its limit");
    assertTrue(maxAbs(p.get(10)) <= 0.05, "UNIFORM within its default range");
    assertTrue(maxAbs(p.get(10)) > 0.02, "UNIFORM spreads over its range");
    assertTrue(maxAbs(p.get(8)) > 0.3, "NORMAL with standard deviation 0.3 reaches past it");
    assertEquals(0.0, maxAbs(p.get(12)), "ZEROS");
  }

  @Test
  void trainingStepsWithNewLayersAllocateNothingOnceWarm() {
    Model[] models = {new TestNets_BatchNormBeforeActivationNet(1), new TestNets_PreluNet(1),
        new TestNets_FlattenedNet(1)};
    for (Model model : models) {
      Rng rng = new Rng(2);
      int n = 16;
      float[][] input = Batches.toFloat(Batches.gaussian(n, model.inputSize(), rng));
      float[][] target =
          Batches.toFloat(Batches.targets(model.loss(), n, model.outputSize(), rng));
      float[][] output = new float[n][model.outputSize()];
      Adam adam = new Adam();
      Runnable work = () -> {
        model.forward(input, n, true);
        model.backward(target);
        adam.step(model.parameters());
        model.predict(input, n, output);
      };
      long allocated = SteadyState.allocatedBytes(work, 20_000, 1_000);
      assertEquals(0, allocated, model.networkName() + ": bytes allocated by 1000 warm steps");
    }
  }

  private static double maxAbs(Tensor tensor) {
    double max = 0;
    for (float[] row : tensor.values()) {
      for (float v : row) {
        max = Math.max(max, Math.abs(v));
      }
    }
    return max;
  }

  private static float[][] copy(float[][] rows) {
    float[][] out = new float[rows.length][];
    for (int i = 0; i < rows.length; i++) {
      out[i] = rows[i].clone();
    }
    return out;
  }
}
