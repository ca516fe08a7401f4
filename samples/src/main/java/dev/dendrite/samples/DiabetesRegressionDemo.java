package dev.dendrite.samples;

import dev.dendrite.data.CsvTable;
import dev.dendrite.data.Dataset;
import dev.dendrite.data.Standardizer;
import dev.dendrite.optim.Adam;
import dev.dendrite.train.EarlyStopping;
import dev.dendrite.train.History;
import dev.dendrite.train.Trainer;
import dev.dendrite.train.Verbosity;
import dev.dendrite.train.ui.TrainingCurves;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * Regression on tabular data: the progression of diabetes a year after a baseline visit,
 * predicted from ten measurements of 442 patients ({@code diabetes.csv.gz}, see DIABETES.md
 * beside it). The patients are split from a seed into 60% training, 20% validation (early
 * stopping) and 20% test; features and target are standardized with the training set's mean and
 * deviation. It reports the test set's root mean squared error and mean absolute error, in the
 * target's own units, against the baseline that predicts the training mean for everyone.
 */
public final class DiabetesRegressionDemo {

  static final String RESOURCE = "diabetes.csv.gz";
  /** The column names, the target last. */
  public static final List<String> COLUMNS = List.of(
      "age", "sex", "bmi", "bp", "s1", "s2", "s3", "s4", "s5", "s6", "progression");
  /** The seed of the split, the weights and the order of training. */
  public static final long SEED = 7;

  private DiabetesRegressionDemo() {}

  /**
   * Test errors, in units of the progression measure.
   *
   * @param rmse the network's root mean squared error
   * @param mae the network's mean absolute error
   * @param baselineRmse the root mean squared error of predicting the training mean
   * @param baselineMae the mean absolute error of predicting the training mean
   * @param history the training history (on standardized targets)
   */
  public record Result(double rmse, double mae, double baselineRmse, double baselineMae,
      History history) {}

  /** The patients' ten measurements and their progression, as in the file. */
  public static Dataset load() {
    CsvTable table = SampleData.csv(RESOURCE, true, COLUMNS.size());
    if (!table.header().equals(COLUMNS)) {
      throw new IllegalStateException(RESOURCE + " has columns " + table.header() + ", not "
          + COLUMNS);
    }
    float[][] rows = table.rows();
    float[][] features = new float[rows.length][];
    float[][] targets = new float[rows.length][];
    for (int i = 0; i < rows.length; i++) {
      features[i] = Arrays.copyOf(rows[i], COLUMNS.size() - 1);
      targets[i] = new float[] {rows[i][COLUMNS.size() - 1]};
    }
    return Dataset.of(features, targets);
  }

  /** Runs the sample, writing the training curves into {@code target/diabetes}. */
  public static void main(String[] args) throws IOException {
    Result result = run(System.out, Verbosity.EPOCH_LINES);
    Path curves = SampleFiles.folder("diabetes").resolve("training-curves.png");
    TrainingCurves.writePng(result.history(), curves);
    System.out.println("written: " + curves);
  }

  /** Trains, evaluates and prints to {@code out}. */
  public static Result run(PrintStream out, Verbosity verbosity) {
    Dataset.Splits splits = load().split(0.6, 0.2, SEED);
    Standardizer features = splits.train().standardizer();
    Standardizer target = targetsOf(splits.train()).standardizer();
    Dataset train = scaled(splits.train(), features, target);
    Dataset validation = scaled(splits.validation(), features, target);
    out.printf("%d patients for training, %d for validation, %d for testing%n",
        splits.train().size(), splits.validation().size(), splits.test().size());

    DiabetesProgressionNet net = new DiabetesProgressionNet(SEED);
    out.println(net.summary());
    EarlyStopping earlyStopping =
        EarlyStopping.onValidationLoss().patience(20).restoreBestWeights(true);
    Trainer trainer = new Trainer(net, new Adam(0.005f))
        .epochs(300)
        .batchSize(16)
        .seed(SEED)
        .validationData(validation)
        .listeners(earlyStopping)
        .verbosity(verbosity)
        .output(out);
    History history = trainer.fit(train);
    out.printf("the weights of epoch %d kept%n%n", earlyStopping.bestEpoch());

    Dataset test = splits.test();
    float mean = target.mean()[0];
    float std = target.std()[0];
    double[] network = errors(test, row -> {
      float[] x = features.apply(row);
      return net.predict(x)[0] * std + mean;
    });
    double[] baseline = errors(test, row -> mean);
    Result result = new Result(network[0], network[1], baseline[0], baseline[1], history);
    out.printf(Locale.ROOT, "test set (%d patients)      RMSE %6.2f   MAE %6.2f%n", test.size(),
        result.rmse(), result.mae());
    out.printf(Locale.ROOT, "baseline: the training mean  RMSE %6.2f   MAE %6.2f%n",
        result.baselineRmse(), result.baselineMae());
    out.printf(Locale.ROOT, "(progression ranges from 25 to 346; the training mean is %.1f)%n",
        mean);
    return result;
  }

  /** A dataset whose features are the targets of {@code data}, to standardize them with. */
  private static Dataset targetsOf(Dataset data) {
    return Dataset.of(data.targets(), data.targets());
  }

  private static Dataset scaled(Dataset data, Standardizer features, Standardizer target) {
    float[][] x = new float[data.size()][];
    float[][] y = new float[data.size()][];
    for (int i = 0; i < data.size(); i++) {
      x[i] = features.apply(data.features(i));
      y[i] = target.apply(data.targets(i));
    }
    return Dataset.of(x, y);
  }

  /** {root mean squared error, mean absolute error} of {@code predictor} over {@code data}. */
  static double[] errors(Dataset data, ToDoubleFunction<float[]> predictor) {
    double squares = 0;
    double absolute = 0;
    for (int i = 0; i < data.size(); i++) {
      double error = predictor.applyAsDouble(data.features(i)) - data.targets(i)[0];
      squares += error * error;
      absolute += Math.abs(error);
    }
    return new double[] {Math.sqrt(squares / data.size()), absolute / data.size()};
  }
}
