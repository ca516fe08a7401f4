package dev.dendrite.samples;

import dev.dendrite.data.Dataset;
import dev.dendrite.optim.Adam;
import dev.dendrite.optim.LearningRateSchedule;
import dev.dendrite.train.Evaluation;
import dev.dendrite.train.Metrics;
import dev.dendrite.train.Trainer;
import dev.dendrite.train.ui.FittedCurve;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleUnaryOperator;

/**
 * Universal approximation: the network {@link ThreeTanh} (three tanh units, a linear output)
 * fitted to 50 evenly spaced points in [-1, 1] of each of |x|, x^2, sin(x) and the step 1{x > 0}.
 * It prints the mean squared error of each fit and writes one PNG per function with the points
 * and the network's curve.
 */
public final class UniversalApproximationDemo {

  /** Points per function. */
  public static final int POINTS = 50;
  /** Epochs of full-batch Adam. */
  public static final int EPOCHS = 4000;

  /** The four functions. */
  public enum Target {
    ABS("|x|", "abs", Math::abs),
    SQUARE("x^2", "square", x -> x * x),
    SINE("sin(x)", "sine", Math::sin),
    STEP("1{x > 0}", "step", x -> x > 0 ? 1 : 0);

    private final String formula;
    private final String fileName;
    private final DoubleUnaryOperator function;

    Target(String formula, String fileName, DoubleUnaryOperator function) {
      this.formula = formula;
      this.fileName = fileName;
      this.function = function;
    }

    /** How the function is written. */
    public String formula() {
      return formula;
    }

    /** The value at {@code x}. */
    public double apply(double x) {
      return function.applyAsDouble(x);
    }
  }

  /**
   * One function's fit.
   *
   * @param target the function
   * @param net the trained network
   * @param mse the mean squared error over the 50 points
   */
  public record Fit(Target target, ThreeTanhNet net, double mse) {}

  private UniversalApproximationDemo() {}

  /** The {@value #POINTS} points {@code -1 + 2 i / 49} and the function's values there. */
  public static Dataset points(Target target) {
    float[][] x = new float[POINTS][1];
    float[][] y = new float[POINTS][1];
    for (int i = 0; i < POINTS; i++) {
      x[i][0] = (float) (-1 + 2.0 * i / (POINTS - 1));
      y[i][0] = (float) target.apply(x[i][0]);
    }
    return Dataset.of(x, y);
  }

  /** Fits a network drawn from {@code seed} to the points of {@code target}. */
  public static Fit fit(Target target, long seed) {
    Dataset data = points(target);
    Trainer trainer = new Trainer(new ThreeTanhNet(seed), new Adam(0.05f))
        .epochs(EPOCHS)
        .batchSize(POINTS)
        .shuffle(false)
        .schedule(LearningRateSchedule.cosine(EPOCHS, 0.01f))
        .quiet();
    trainer.fit(data);
    double mse = Evaluation.of(trainer.model(), data, Metrics.MSE).get("mse");
    return new Fit(target, (ThreeTanhNet) trainer.model(), mse);
  }

  /** Fits every function and writes its PNG into {@code folder}; returns the fits. */
  public static List<Fit> run(Path folder, boolean print) throws IOException {
    List<Fit> fits = new ArrayList<>();
    for (Target target : Target.values()) {
      Fit fit = fit(target, 1);
      Dataset data = points(target);
      float[] x = new float[POINTS];
      float[] y = new float[POINTS];
      for (int i = 0; i < POINTS; i++) {
        x[i] = data.features(i)[0];
        y[i] = data.targets(i)[0];
      }
      Path file = folder.resolve(target.fileName + ".png");
      FittedCurve.writePng(fit.net(), x, y, String.format(Locale.ROOT,
          "%s with 3 tanh units: mean squared error %.2e", target.formula(), fit.mse()), file);
      if (print) {
        System.out.printf(Locale.ROOT, "%-9s mean squared error %.2e   %s%n", target.formula(),
            fit.mse(), file);
      }
      fits.add(fit);
    }
    return fits;
  }

  /** Runs the sample, writing the PNGs into {@code target/universal-approximation}. */
  public static void main(String[] args) throws IOException {
    System.out.println(new ThreeTanhNet(1).summary());
    run(SampleFiles.folder("universal-approximation"), true);
  }
}
