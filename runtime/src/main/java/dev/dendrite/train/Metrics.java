package dev.dendrite.train;

import dev.dendrite.ModelDescription;
import dev.dendrite.annotation.Loss;
import dev.dendrite.data.Dataset;

/**
 * The built-in metrics, named as Keras names them.
 *
 * <ul>
 *   <li>{@link #ACCURACY} ({@code accuracy}): the fraction of correct predictions. For a single
 *       output, a sample is correct when output and target fall on the same side of 0.5; for
 *       several sigmoid outputs with binary cross-entropy (independent labels), each output
 *       counts as one prediction; otherwise a sample is correct when its largest output is at
 *       the position of its largest target (one-hot classes).
 *   <li>{@link #MSE} ({@code mse}): the mean over samples and outputs of {@code (a - y)^2}.
 *   <li>{@link #MAE} ({@code mae}): the mean over samples and outputs of {@code |a - y|}.
 * </ul>
 */
public final class Metrics {

  private Metrics() {}

  /** Accuracy, as described above. */
  public static final Metric ACCURACY = new Metric() {
    @Override
    public String name() {
      return "accuracy";
    }

    @Override
    public boolean higherIsBetter() {
      return true;
    }

    @Override
    public Accumulator accumulator(ModelDescription model) {
      boolean perOutput = model.loss() == Loss.BINARY_CROSS_ENTROPY && model.outputSize() > 1;
      return perOutput ? new PerOutputAccuracy() : new SampleAccuracy();
    }

    @Override
    public String toString() {
      return name();
    }
  };

  /** Mean squared error over samples and outputs. */
  public static final Metric MSE = new ErrorMetric("mse", false);

  /** Mean absolute error over samples and outputs. */
  public static final Metric MAE = new ErrorMetric("mae", true);

  /** Whether {@code name} is better when higher: the metric's own rule for built-in names. */
  static boolean higherIsBetter(String name) {
    String base = name.startsWith("val_") ? name.substring(4) : name;
    return base.equals("accuracy") || base.endsWith("_accuracy") || base.equals("acc");
  }

  private static final class SampleAccuracy implements Metric.Accumulator {
    private long correct;
    private long total;

    @Override
    public void reset() {
      correct = 0;
      total = 0;
    }

    @Override
    public void add(float[][] outputs, float[][] targets, int n) {
      for (int s = 0; s < n; s++) {
        if (Dataset.classOf(outputs[s]) == Dataset.classOf(targets[s])) {
          correct++;
        }
      }
      total += n;
    }

    @Override
    public double value() {
      return total == 0 ? Double.NaN : (double) correct / total;
    }
  }

  private static final class PerOutputAccuracy implements Metric.Accumulator {
    private long correct;
    private long total;

    @Override
    public void reset() {
      correct = 0;
      total = 0;
    }

    @Override
    public void add(float[][] outputs, float[][] targets, int n) {
      for (int s = 0; s < n; s++) {
        float[] a = outputs[s];
        float[] y = targets[s];
        for (int j = 0; j < a.length; j++) {
          if ((a[j] >= 0.5f) == (y[j] >= 0.5f)) {
            correct++;
          }
        }
        total += a.length;
      }
    }

    @Override
    public double value() {
      return total == 0 ? Double.NaN : (double) correct / total;
    }
  }

  private static final class ErrorMetric implements Metric {
    private final String name;
    private final boolean absolute;

    ErrorMetric(String name, boolean absolute) {
      this.name = name;
      this.absolute = absolute;
    }

    @Override
    public String name() {
      return name;
    }

    @Override
    public boolean higherIsBetter() {
      return false;
    }

    @Override
    public Accumulator accumulator(ModelDescription model) {
      return new Accumulator() {
        private double sum;
        private long count;

        @Override
        public void reset() {
          sum = 0;
          count = 0;
        }

        @Override
        public void add(float[][] outputs, float[][] targets, int n) {
          for (int s = 0; s < n; s++) {
            float[] a = outputs[s];
            float[] y = targets[s];
            for (int j = 0; j < a.length; j++) {
              double d = (double) a[j] - y[j];
              sum += absolute ? Math.abs(d) : d * d;
            }
            count += a.length;
          }
        }

        @Override
        public double value() {
          return count == 0 ? Double.NaN : sum / count;
        }
      };
    }

    @Override
    public String toString() {
      return name;
    }
  }
}
