package dev.dendrite.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.dendrite.DoubleModel;
import dev.dendrite.DoubleTensor;
import dev.dendrite.Model;
import dev.dendrite.Tensor;
import dev.dendrite.random.Rng;
import java.util.function.LongFunction;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A single-sample prediction is, bit for bit, the row that a batch prediction gives for the same
 * sample, with the network's current weights: a forward pass over a batch of one.
 */
class SingleSamplePredictionTest {

  private static final int SAMPLES = 7;

  @ParameterizedTest(name = "{0}")
  @MethodSource("dev.dendrite.it.AllTestNets#floatNets")
  void floatPredictionOfOneSampleIsTheBatchRow(String name, LongFunction<Model> factory) {
    Model model = factory.apply(11);
    Rng rng = new Rng(name.hashCode() * 13L);
    assertSinglesMatchBatch(model, rng, name);
    for (Tensor tensor : model.parameters()) {
      for (float[] row : tensor.values()) {
        for (int j = 0; j < row.length; j++) {
          row[j] = 0.5f * row[j] + (float) (0.3 * rng.nextGaussian());
        }
      }
    }
    assertSinglesMatchBatch(model, rng, name + " after the weights changed");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("dev.dendrite.it.AllTestNets#doubleNets")
  void doublePredictionOfOneSampleIsTheBatchRow(String name, LongFunction<DoubleModel> factory) {
    DoubleModel model = factory.apply(11);
    Rng rng = new Rng(name.hashCode() * 29L);
    assertSinglesMatchBatch(model, rng, name);
    for (DoubleTensor tensor : model.parameters()) {
      for (double[] row : tensor.values()) {
        for (int j = 0; j < row.length; j++) {
          row[j] = 0.5 * row[j] + 0.3 * rng.nextGaussian();
        }
      }
    }
    assertSinglesMatchBatch(model, rng, name + " after the weights changed");
  }

  /** A prediction, in local variables or not, ends the training pass that backward needs. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("dev.dendrite.it.AllTestNets#floatNets")
  void aSingleSamplePredictionEndsTheTrainingPass(String name, LongFunction<Model> factory) {
    Model model = factory.apply(3);
    Rng rng = new Rng(name.hashCode());
    float[][] input = Batches.toFloat(Batches.gaussian(2, model.inputSize(), rng));
    float[][] target =
        Batches.toFloat(Batches.targets(model.loss(), 2, model.outputSize(), rng));
    model.forward(input, 2, true);
    model.predict(input[0], new float[model.outputSize()]);
    assertThrows(IllegalStateException.class, () -> model.backward(target), name);
  }

  private static void assertSinglesMatchBatch(Model model, Rng rng, String name) {
    float[][] input = Batches.toFloat(Batches.gaussian(SAMPLES, model.inputSize(), rng));
    float[][] batch = new float[SAMPLES][model.outputSize()];
    model.predict(input, SAMPLES, batch);
    for (int s = 0; s < SAMPLES; s++) {
      float[] single = new float[model.outputSize()];
      model.predict(input[s], single);
      for (int j = 0; j < single.length; j++) {
        assertEquals(Float.floatToIntBits(batch[s][j]), Float.floatToIntBits(single[j]),
            name + ": sample " + s + ", output " + j + ": batch " + batch[s][j] + ", single "
                + single[j]);
      }
    }
  }

  private static void assertSinglesMatchBatch(DoubleModel model, Rng rng, String name) {
    double[][] input = Batches.gaussian(SAMPLES, model.inputSize(), rng);
    double[][] batch = new double[SAMPLES][model.outputSize()];
    model.predict(input, SAMPLES, batch);
    for (int s = 0; s < SAMPLES; s++) {
      double[] single = new double[model.outputSize()];
      model.predict(input[s], single);
      for (int j = 0; j < single.length; j++) {
        assertEquals(Double.doubleToLongBits(batch[s][j]), Double.doubleToLongBits(single[j]),
            name + ": sample " + s + ", output " + j + ": batch " + batch[s][j] + ", single "
                + single[j]);
      }
    }
  }
}
