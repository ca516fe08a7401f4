package dev.dendrite.train;

import dev.dendrite.Model;

/**
 * Monte-Carlo dropout (Gal and Ghahramani, "Dropout as a Bayesian Approximation", ICML 2016):
 * the network predicts {@code T} times with dropout left on, each pass with a fresh mask, and the
 * mean and the variance of the {@code T} outputs are the prediction and a measure of its
 * uncertainty. A network without dropout layers gives the same output every pass: variance 0.
 *
 * <p>The passes draw masks from the network's random generator, so they advance its {@linkplain
 * Model#randomState() state}; the same state gives the same result. A network with batch
 * normalization is refused: a training pass would normalise with the statistics of the batch
 * and update the running statistics that inference uses.
 */
public final class MonteCarloDropout {

  private MonteCarloDropout() {}

  /**
   * The mean and the variance over passes of each output.
   *
   * @param mean the mean output, one row per sample
   * @param variance the population variance ({@code 1/T} sum of squared deviations) of each
   *     output over the passes
   */
  public record Prediction(float[][] mean, float[][] variance) {}

  /**
   * Predicts the first {@code n} rows of {@code input} {@code passes} times with dropout on.
   *
   * @throws IllegalArgumentException if {@code passes < 1}
   */
  public static Prediction predict(Model model, float[][] input, int n, int passes) {
    if (passes < 1) {
      throw new IllegalArgumentException("passes must be at least 1, was " + passes);
    }
    for (dev.dendrite.Layer layer : model.layers()) {
      if (layer.kind().equals("BatchNorm")) {
        throw new IllegalArgumentException("Monte-Carlo dropout runs training passes, which would"
            + " change the running statistics of batch normalization layer '" + layer.name()
            + "' of " + model.networkName());
      }
    }
    int width = model.outputSize();
    double[][] mean = new double[n][width];
    double[][] squares = new double[n][width];
    for (int t = 1; t <= passes; t++) {
      float[][] out = model.forward(input, n, true);
      for (int s = 0; s < n; s++) {
        for (int j = 0; j < width; j++) {
          // Welford's update of the mean and the sum of squared deviations.
          double value = out[s][j];
          double delta = value - mean[s][j];
          mean[s][j] += delta / t;
          squares[s][j] += delta * (value - mean[s][j]);
        }
      }
    }
    float[][] meanOut = new float[n][width];
    float[][] varianceOut = new float[n][width];
    for (int s = 0; s < n; s++) {
      for (int j = 0; j < width; j++) {
        meanOut[s][j] = (float) mean[s][j];
        varianceOut[s][j] = (float) (squares[s][j] / passes);
      }
    }
    return new Prediction(meanOut, varianceOut);
  }

  /** One sample: {@link #predict(Model, float[][], int, int)} with a batch of one. */
  public static Prediction predict(Model model, float[] input, int passes) {
    return predict(model, new float[][] {input}, 1, passes);
  }
}
