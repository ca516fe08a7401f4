package dev.dendrite.samples;

import dev.dendrite.Model;
import dev.dendrite.optim.Optimizer;

/** A plain mini-batch loop over a fixed order of samples, used by the small samples. */
public final class MiniBatchTraining {

  private MiniBatchTraining() {}

  /**
   * Trains one epoch: consecutive batches of {@code batchSize} rows (the last may be shorter),
   * one optimizer step each.
   *
   * @return the mean loss over the batches
   */
  public static float epoch(
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

  /** The fraction of samples whose single sigmoid output is on the side of 0.5 of its label. */
  public static double binaryAccuracy(Model model, float[][] inputs, float[][] labels) {
    float[] out = new float[1];
    int correct = 0;
    for (int i = 0; i < inputs.length; i++) {
      model.predict(inputs[i], out);
      if ((out[0] >= 0.5f) == (labels[i][0] >= 0.5f)) {
        correct++;
      }
    }
    return (double) correct / inputs.length;
  }
}
