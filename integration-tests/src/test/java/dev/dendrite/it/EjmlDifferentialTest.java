package dev.dendrite.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dendrite.Layer;
import dev.dendrite.Model;
import dev.dendrite.Tensor;
import dev.dendrite.annotation.Activation;
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
 * rebuilt from the network's random state.
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

    List<boolean[][]> masks = masks(model, n);
    model.forward(input, n, true);
    float loss = model.backward(target);
    ReferenceMlp.Pass pass = reference.train(input, target, n, masks);
    assertEquals(pass.loss(), loss, TOLERANCE * Math.max(1, Math.abs(pass.loss())), name);
    List<Tensor> tensors = model.parameters();
    assertEquals(pass.gradients().size(), tensors.size());
    for (int t = 0; t < tensors.size(); t++) {
      assertClose(pass.gradients().get(t), tensors.get(t).gradients(),
          name + " " + tensors.get(t).name());
    }
  }

  /** The reference network with the layers and the current weights of {@code model}. */
  static ReferenceMlp reference(Model model) {
    List<ReferenceMlp.LayerSpec> specs = new ArrayList<>();
    for (Layer layer : model.layers()) {
      switch (layer.kind()) {
        case "Dense" -> specs.add(dense(layer));
        case "Dropout" -> specs.add(new ReferenceMlp.Dropout(
            Double.parseDouble(layer.detail().substring("rate ".length()))));
        default -> { }
      }
    }
    List<float[][]> weights = new ArrayList<>();
    for (Tensor tensor : model.parameters()) {
      weights.add(copy(tensor.values()));
    }
    return new ReferenceMlp(model.inputSize(), specs, model.loss(), weights);
  }

  /** A dense spec from the layer's detail, e.g. {@code RELU} or {@code ELU(0.5)}. */
  private static ReferenceMlp.Dense dense(Layer layer) {
    String detail = layer.detail();
    int paren = detail.indexOf('(');
    Activation activation = Activation.valueOf(paren < 0 ? detail : detail.substring(0, paren));
    double alpha = paren < 0
        ? Double.NaN
        : Double.parseDouble(detail.substring(paren + 1, detail.length() - 1));
    return new ReferenceMlp.Dense(layer.outputShape()[0], activation, alpha);
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
        double rate = Double.parseDouble(layer.detail().substring("rate ".length()));
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

  private static float[][] copy(float[][] rows) {
    float[][] out = new float[rows.length][];
    for (int i = 0; i < rows.length; i++) {
      out[i] = rows[i].clone();
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
