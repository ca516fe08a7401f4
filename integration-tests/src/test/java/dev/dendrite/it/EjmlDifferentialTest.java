package dev.dendrite.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dendrite.Layer;
import dev.dendrite.LayerSettings;
import dev.dendrite.Model;
import dev.dendrite.Tensor;
import dev.dendrite.annotation.PreluMode;
import dev.dendrite.random.Rng;
import dev.dendrite.reference.ReferenceMlp;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongFunction;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every generated float network against a plain EJML implementation of the same network with the
 * same weights: predictions, and the loss and every gradient of a training pass, the dropout masks
 * rebuilt from the network's random state; the running statistics of batch normalization after
 * the pass, and predictions with them.
 */
class EjmlDifferentialTest {

  static final double TOLERANCE = 1e-5;

  @ParameterizedTest(name = "{0}")
  @MethodSource("dev.dendrite.it.AllTestNets#floatNets")
  void generatedNetworkMatchesTheReference(String name, LongFunction<Model> factory) {
    Model model = factory.apply(5);
    Rng rng = new Rng(name.hashCode() * 31L);
    int n = 6;
    float[][] input = Batches.toFloat(Batches.gaussian(n, model.inputSize(), rng));
    float[][] target =
        Batches.toFloat(Batches.targets(model.loss(), n, model.outputSize(), rng));
    ReferenceMlp reference = reference(model);

    float[][] predicted = new float[n][model.outputSize()];
    model.predict(input, n, predicted);
    assertClose(reference.predict(input, n), predicted, name + " prediction");

    ReferenceMlp.Pass pass = assertTrainingPassMatches(model, reference, input, target, name);
    List<Tensor> buffers = model.buffers();
    assertEquals(pass.buffers().size(), buffers.size());
    for (int b = 0; b < buffers.size(); b++) {
      assertClose(pass.buffers().get(b), buffers.get(b).values(),
          name + " " + buffers.get(b).name() + " after a training pass");
    }

    model.predict(input, n, predicted);
    assertClose(reference(model).predict(input, n), predicted,
        name + " prediction after a training pass");
  }

  /**
   * A second training pass after the weights change (as an optimizer changes them) has the
   * gradients of the new weights: nothing a pass derives from the weights, such as the transposed
   * copy the input gradient reads, outlives the pass.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("dev.dendrite.it.AllTestNets#floatNets")
  void aPassAfterTheWeightsChangeUsesTheNewWeights(String name, LongFunction<Model> factory) {
    Model model = factory.apply(7);
    Rng rng = new Rng(name.hashCode() * 17L);
    int n = 5;
    float[][] input = Batches.toFloat(Batches.gaussian(n, model.inputSize(), rng));
    float[][] target =
        Batches.toFloat(Batches.targets(model.loss(), n, model.outputSize(), rng));
    model.forward(input, n, true);
    model.backward(target);
    for (Tensor tensor : model.parameters()) {
      for (float[] row : tensor.values()) {
        for (int j = 0; j < row.length; j++) {
          row[j] = 0.5f * row[j] + (float) (0.2 * rng.nextGaussian());
        }
      }
    }
    assertTrainingPassMatches(model, reference(model), input, target,
        name + " after the weights changed");
  }

  /**
   * A training pass of {@code model} on the batch, against the same pass of {@code reference}
   * with the dropout masks the model draws: the loss and every parameter gradient.
   */
  private static ReferenceMlp.Pass assertTrainingPassMatches(Model model, ReferenceMlp reference,
      float[][] input, float[][] target, String name) {
    int n = input.length;
    List<boolean[][]> masks = masks(model, n);
    model.forward(input, n, true);
    float loss = model.backward(target);
    ReferenceMlp.Pass pass = reference.train(input, target, n, masks);
    assertEquals(pass.loss(), loss, TOLERANCE * Math.max(1, Math.abs(pass.loss())), name);
    List<Tensor> tensors = model.parameters();
    assertEquals(pass.gradients().size(), tensors.size());
    for (int t = 0; t < tensors.size(); t++) {
      Tensor tensor = tensors.get(t);
      assertClose(pass.gradients().get(t), byShape(tensor.shape(), tensor.gradients()),
          name + " " + tensor.name());
    }
    return pass;
  }

  /** The reference network with the layers (from their settings) and the current weights. */
  static ReferenceMlp reference(Model model) {
    List<ReferenceMlp.LayerSpec> specs = new ArrayList<>();
    for (Layer layer : model.layers()) {
      LayerSettings settings = layer.settings();
      switch (layer.kind()) {
        case "Dense" -> specs.add(new ReferenceMlp.Dense(layer.outputShape()[0],
            settings.activation(), settings.alpha(), settings.bias(),
            settings.preluMode() == PreluMode.SHARED));
        case "Dropout" -> specs.add(new ReferenceMlp.Dropout(settings.rate()));
        case "BatchNorm" -> specs.add(new ReferenceMlp.BatchNorm(settings.momentum(),
            settings.epsilon(), settings.activation(), settings.alpha()));
        default -> { }
      }
    }
    return new ReferenceMlp(model.inputSize(), specs, model.loss(), values(model.parameters()),
        values(model.buffers()));
  }

  private static List<float[][]> values(List<Tensor> tensors) {
    List<float[][]> values = new ArrayList<>();
    for (Tensor tensor : tensors) {
      values.add(byShape(tensor.shape(), tensor.values()));
    }
    return values;
  }

  /**
   * The masks the next training pass of {@code model} draws: each dropout layer in order, sample
   * by sample, one uniform value per unit, dropped when below the rate.
   */
  private static List<boolean[][]> masks(Model model, int n) {
    Rng rng = new Rng(model.randomState());
    List<boolean[][]> masks = new ArrayList<>();
    for (Layer layer : model.layers()) {
      if (layer.kind().equals("Dropout")) {
        double rate = layer.settings().rate();
        boolean[][] keep = new boolean[n][layer.outputSize()];
        for (boolean[] row : keep) {
          for (int j = 0; j < row.length; j++) {
            row[j] = !(rng.nextDouble() < rate);
          }
        }
        masks.add(keep);
      }
    }
    return masks;
  }

  /**
   * A copy of a tensor's {@code rows} as the reference takes them, rows of the last dimension of
   * {@code shape}: the network stores the weights of a small one-unit layer as one row.
   */
  private static float[][] byShape(int[] shape, float[][] rows) {
    int columns = shape[shape.length - 1];
    int size = 0;
    for (float[] row : rows) {
      size += row.length;
    }
    float[][] out = new float[size / columns][columns];
    int at = 0;
    for (float[] row : rows) {
      for (float value : row) {
        out[at / columns][at % columns] = value;
        at++;
      }
    }
    return out;
  }

  private static void assertClose(float[][] expected, float[][] actual, String what) {
    for (int i = 0; i < expected.length; i++) {
      for (int j = 0; j < expected[i].length; j++) {
        double e = expected[i][j];
        double a = actual[i][j];
        assertTrue(Math.abs(e - a) <= TOLERANCE * Math.max(1, Math.abs(e)),
            what + " [" + i + "][" + j + "]: expected " + e + ", got " + a);
      }
    }
  }
}
