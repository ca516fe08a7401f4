package dev.dendrite.samples;

import dev.dendrite.data.Dataset;
import dev.dendrite.optim.Adam;
import dev.dendrite.train.EarlyStopping;
import dev.dendrite.train.Evaluation;
import dev.dendrite.train.History;
import dev.dendrite.train.Metrics;
import dev.dendrite.train.Trainer;
import dev.dendrite.train.Verbosity;
import dev.dendrite.train.ui.ImageGrid;
import dev.dendrite.train.ui.TrainingCurves;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The main demo, {@code mvn -q -pl samples -am compile exec:java}: a network learns the UCI
 * handwritten digits that ship with the samples. It prints the network's summary, trains with a
 * progress bar, prints the test accuracy and the confusion matrix, and writes the training
 * curves and a page of test digits with their predictions as PNGs. Then it tells how to run the
 * larger Fashion-MNIST sample.
 *
 * <p>The 1,797 digits are split from a fixed seed into 70% training, 15% validation (for early
 * stopping) and 15% test.
 */
public final class Demo {

  /** The seed of the split, the network's weights and the order of training. */
  public static final long SEED = 42;
  /** The most epochs to train; early stopping usually ends sooner. */
  public static final int EPOCHS = 60;
  /** The batch size. */
  public static final int BATCH_SIZE = 32;
  /** Test digits drawn in {@value #PREDICTIONS_FILE}. */
  static final int DIGITS_DRAWN = 40;

  static final String CURVES_FILE = "training-curves.png";
  static final String PREDICTIONS_FILE = "test-predictions.png";

  private Demo() {}

  /**
   * What the demo found.
   *
   * @param testAccuracy the fraction of test digits classified right
   * @param evaluation the test evaluation, with its confusion matrix
   * @param history the training history
   * @param files the PNG files written
   */
  public record Result(double testAccuracy, Evaluation evaluation, History history,
      List<Path> files) {}

  /** Runs the demo with a progress bar, writing its PNGs into {@code target/demo}. */
  public static void main(String[] args) throws IOException {
    run(System.out, SampleFiles.folder("demo"), Verbosity.PROGRESS_BAR);
  }

  /** Runs the demo, printing to {@code out} and writing the PNGs into {@code folder}. */
  public static Result run(PrintStream out, Path folder, Verbosity verbosity) throws IOException {
    out.println("Dendrite demo: a network learns handwritten digits");
    out.println("(UCI, 1,797 images of 8 x 8 pixels, shipped with the samples)");
    out.println();
    Dataset.Splits splits = Digits.scaled(Digits.load()).split(0.70, 0.15, SEED);
    out.printf(Locale.ROOT, "%d training, %d validation and %d test images%n%n", splits.train().size(),
        splits.validation().size(), splits.test().size());

    DigitsClassifierNet net = new DigitsClassifierNet(SEED);
    out.println(net.summary());
    EarlyStopping earlyStopping =
        EarlyStopping.onValidationLoss().patience(8).restoreBestWeights(true);
    Trainer trainer = new Trainer(net, new Adam(0.002f))
        .epochs(EPOCHS)
        .batchSize(BATCH_SIZE)
        .seed(SEED)
        .metrics(Metrics.ACCURACY)
        .validationData(splits.validation())
        .listeners(earlyStopping)
        .verbosity(verbosity)
        .output(out);
    History history = trainer.fit(splits.train());
    if (earlyStopping.stoppedEpoch() > 0) {
      out.printf(Locale.ROOT, "early stopping after epoch %d; weights of epoch %d restored%n",
          earlyStopping.stoppedEpoch(), earlyStopping.bestEpoch());
    }

    Evaluation test = trainer.evaluate(splits.test());
    double accuracy = test.get("accuracy");
    out.printf(Locale.ROOT, "%ntest accuracy %.4f (%d of %d digits)%n%n", accuracy,
        Math.round(accuracy * splits.test().size()), splits.test().size());
    out.println("confusion matrix of the test digits:");
    out.println(test.confusion());

    List<Path> files = new ArrayList<>();
    Path curves = folder.resolve(CURVES_FILE);
    TrainingCurves.writePng(history, curves);
    files.add(curves);
    Path predictions = folder.resolve(PREDICTIONS_FILE);
    writePredictions(trainer, splits.test(), predictions);
    files.add(predictions);
    out.println("written: " + curves);
    out.println("         " + predictions + " (wrong predictions first, framed in red)");
    out.println();
    out.println(FashionMnistDemo.invitation());
    return new Result(accuracy, test, history, files);
  }

  /**
   * Test digits with their predicted digits: every wrong prediction first (marked, with the
   * true digit), then right ones, {@value #DIGITS_DRAWN} in all.
   */
  static void writePredictions(Trainer trainer, Dataset test, Path file) throws IOException {
    int[] predicted = Dataset.classes(trainer.predict(test.features()), test.size());
    int[] actual = test.labels();
    List<Integer> shown = new ArrayList<>();
    for (int pass = 0; pass < 2; pass++) {
      for (int i = 0; i < test.size() && shown.size() < DIGITS_DRAWN; i++) {
        if ((predicted[i] != actual[i]) == (pass == 0)) {
          shown.add(i);
        }
      }
    }
    float[][] images = new float[shown.size()][];
    String[] captions = new String[shown.size()];
    boolean[] wrong = new boolean[shown.size()];
    for (int k = 0; k < shown.size(); k++) {
      int i = shown.get(k);
      images[k] = test.features(i);
      wrong[k] = predicted[i] != actual[i];
      captions[k] = wrong[k] ? predicted[i] + " (is " + actual[i] + ")" : "" + predicted[i];
    }
    ImageGrid.writePng(images, 8, 8, captions, wrong, 10, file);
  }
}
