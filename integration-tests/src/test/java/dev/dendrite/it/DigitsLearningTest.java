package dev.dendrite.it;

import static dev.dendrite.annotation.Activation.RELU;
import static dev.dendrite.annotation.Activation.SOFTMAX;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dendrite.Layer;
import dev.dendrite.Model;
import dev.dendrite.annotation.BatchNorm;
import dev.dendrite.annotation.Dense;
import dev.dendrite.annotation.Dropout;
import dev.dendrite.annotation.Flatten;
import dev.dendrite.annotation.Input;
import dev.dendrite.annotation.Loss;
import dev.dendrite.annotation.Network;
import dev.dendrite.optim.Adam;
import dev.dendrite.optim.Optimizer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/**
 * A network with a two-dimensional input, flatten, batch normalization before the activation and
 * dropout learns the 8 x 8 handwritten digits shipped with the samples; its accuracy is measured
 * on held-out digits with predictions, that is with the running statistics.
 */
class DigitsLearningTest {

  /** The digits classifier. */
  @Network(loss = Loss.CATEGORICAL_CROSS_ENTROPY)
  abstract static class Digits {
    @Input({8, 8}) Layer pixels;
    @Flatten Layer flat;
    @Dense(units = 32, bias = false) Layer hidden;
    @BatchNorm(activation = RELU, momentum = 0.9) Layer hiddenNorm;
    @Dropout(0.1) Layer drop;
    @Dense(units = 10, activation = SOFTMAX) Layer scores;
  }

  /** Pixels scaled to [0, 1] as rows of 64 values, and one-hot labels. */
  private record Data(float[][] pixels, float[][] labels) {}

  private static Data load() throws IOException {
    InputStream stream = DigitsLearningTest.class.getResourceAsStream(
        "/dev/dendrite/samples/digits.csv.gz");
    assertNotNull(stream, "digits.csv.gz on the class path");
    List<float[]> pixels = new ArrayList<>();
    List<float[]> labels = new ArrayList<>();
    try (BufferedReader reader = new BufferedReader(new InputStreamReader(
        new GZIPInputStream(stream), StandardCharsets.US_ASCII))) {
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        String[] values = line.split(",");
        float[] row = new float[64];
        for (int i = 0; i < 64; i++) {
          row[i] = Float.parseFloat(values[i]) / 16f;
        }
        float[] label = new float[10];
        label[Integer.parseInt(values[64].trim())] = 1f;
        pixels.add(row);
        labels.add(label);
      }
    }
    return new Data(pixels.toArray(new float[0][]), labels.toArray(new float[0][]));
  }

  /**
   * Trains on the first 1,400 digits (15 epochs, batches of 32, Adam at 0.003) and tests on the
   * other 397, which are harder: this network reaches 91.2% on them, a plain 64-32-10 network
   * with dropout 91-93% after 30 epochs at 0.003 or 0.01, so the bar is 89%. Predictions use the running statistics; the test also classifies
   * the held-out digits in one training pass (batch statistics), which must agree to within 3
   * points.
   */
  @Test
  void learnsHandwrittenDigits() throws IOException {
    Data data = load();
    assertEquals(1797, data.pixels().length);
    int train = 1400;
    float[][] trainX = Arrays.copyOfRange(data.pixels(), 0, train);
    float[][] trainY = Arrays.copyOfRange(data.labels(), 0, train);
    float[][] testX = Arrays.copyOfRange(data.pixels(), train, data.pixels().length);
    float[][] testY = Arrays.copyOfRange(data.labels(), train, data.labels().length);
    Model model = new DigitsLearningTest_DigitsNet(17);
    Adam adam = new Adam(0.003f);
    float first = epoch(model, adam, trainX, trainY, 32);
    float last = first;
    for (int epoch = 1; epoch < 15; epoch++) {
      last = epoch(model, adam, trainX, trainY, 32);
    }
    assertTrue(last < first / 4, "loss from " + first + " to " + last);

    double trainAccuracy = accuracy(model, trainX, trainY);
    double accuracy = accuracy(model, testX, testY);
    assertTrue(trainAccuracy >= 0.98, "training accuracy " + trainAccuracy);
    assertTrue(accuracy >= 0.89, "held-out accuracy " + accuracy);

    float[][] batchScores = model.forward(testX, testX.length, true);
    int correct = 0;
    for (int i = 0; i < testX.length; i++) {
      correct += testY[i][argmax(batchScores[i])] == 1f ? 1 : 0;
    }
    double batchAccuracy = (double) correct / testX.length;
    assertEquals(batchAccuracy, accuracy, 0.03, "running against batch statistics");
  }

  /**
   * One epoch over the samples in their order: consecutive batches of {@code batchSize} rows (the
   * last may be shorter), one optimizer step each. Returns the mean loss over the batches.
   */
  private static float epoch(
      Model model, Optimizer optimizer, float[][] inputs, float[][] targets, int batchSize) {
    int batches = 0;
    double loss = 0;
    float[][] x = new float[batchSize][];
    float[][] y = new float[batchSize][];
    for (int start = 0; start < inputs.length; start += batchSize) {
      int n = Math.min(batchSize, inputs.length - start);
      System.arraycopy(inputs, start, x, 0, n);
      System.arraycopy(targets, start, y, 0, n);
      model.forward(x, n, true);
      loss += model.backward(y);
      optimizer.step(model.parameters());
      batches++;
    }
    return (float) (loss / batches);
  }

  /** The fraction of samples whose highest predicted score is their label. */
  private static double accuracy(Model model, float[][] x, float[][] y) {
    float[] scores = new float[10];
    int correct = 0;
    for (int i = 0; i < x.length; i++) {
      model.predict(x[i], scores);
      correct += y[i][argmax(scores)] == 1f ? 1 : 0;
    }
    return (double) correct / x.length;
  }

  private static int argmax(float[] values) {
    int best = 0;
    for (int i = 1; i < values.length; i++) {
      if (values[i] > values[best]) {
        best = i;
      }
    }
    return best;
  }
}
