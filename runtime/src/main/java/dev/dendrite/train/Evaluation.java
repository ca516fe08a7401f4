package dev.dendrite.train;

import dev.dendrite.Model;
import dev.dendrite.data.Dataset;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The result of {@link Trainer#evaluate}: the loss and metrics over a dataset, and for a
 * classifier the confusion matrix.
 *
 * @param samples the number of samples evaluated
 * @param loss the mean loss, the weight penalties included
 * @param metrics the metrics by name, in the order they were asked for
 * @param confusion the confusion matrix for a classifier (a single sigmoid output, or a softmax
 *     output with categorical cross-entropy); null otherwise
 */
public record Evaluation(
    int samples, double loss, Map<String, Double> metrics, ConfusionMatrix confusion) {

  public Evaluation {
    metrics = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(metrics));
  }

  /** The batch size {@link #of} evaluates in. */
  public static final int BATCH_SIZE = 256;

  /**
   * Evaluates {@code model} on {@code data} in inference mode: the loss (weight penalties
   * included), the given metrics and, for a classifier, the confusion matrix.
   *
   * @throws IllegalArgumentException if the data's rows do not fit the network
   */
  public static Evaluation of(Model model, Dataset data, Metric... metrics) {
    return Trainer.evaluate(model, data, BATCH_SIZE, List.of(metrics));
  }

  /**
   * The metric {@code name}, or the loss for {@code "loss"}.
   *
   * @throws IllegalArgumentException if it was not computed
   */
  public double get(String name) {
    if (name.equals("loss")) {
      return loss;
    }
    Double value = metrics.get(name);
    if (value == null) {
      throw new IllegalArgumentException(
          "no metric '" + name + "' in this evaluation; it has " + metrics.keySet());
    }
    return value;
  }

  @Override
  public String toString() {
    StringBuilder out = new StringBuilder(
        String.format(Locale.ROOT, "%d samples - loss: %.4f", samples, loss));
    metrics.forEach((name, value) ->
        out.append(String.format(Locale.ROOT, " - %s: %.4f", name, value)));
    out.append('\n');
    if (confusion != null) {
      out.append(confusion);
    }
    return out.toString();
  }
}
