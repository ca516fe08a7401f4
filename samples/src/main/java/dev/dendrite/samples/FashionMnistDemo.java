package dev.dendrite.samples;

import dev.dendrite.data.Dataset;
import dev.dendrite.io.ModelFiles;
import dev.dendrite.io.OnnxFiles;
import dev.dendrite.optim.Adam;
import dev.dendrite.optim.LearningRateSchedule;
import dev.dendrite.train.ConfusionMatrix;
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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Fashion-MNIST with the course's recipe: pixels scaled to [-1, 1] by {@code (x - 127.5) /
 * 127.5}, one-hot labels, a softmax output with categorical cross-entropy ({@link
 * FashionClassifier}: 784-512-256-10, ReLU, dropout 0.3), Adam with a decaying learning rate, and
 * early stopping on the accuracy over a validation split of the training set, restoring the best
 * epoch's weights.
 * It prints the test accuracy and the confusion matrix, and writes the training curves, a page of
 * test images with their predictions, the confusion matrix, the trained weights (safetensors,
 * loadable with {@link ModelFiles#load}) and the trained network as an ONNX model ({@link
 * OnnxFiles}, for ONNX Runtime and other ONNX tools).
 *
 * <pre>
 * mvn -q -pl samples -am compile exec:java -Dexec.mainClass=dev.dendrite.samples.FashionMnistDemo
 * mvn -q -pl samples -am compile exec:java -Dexec.mainClass=dev.dendrite.samples.FashionMnistDemo \
 *     -Dexec.args="--data /path/to/fashion-mnist --epochs 10"
 * </pre>
 */
public final class FashionMnistDemo {

  /** The command that runs this sample. */
  static final String COMMAND = "mvn -q -pl samples -am compile exec:java"
      + " -Dexec.mainClass=dev.dendrite.samples.FashionMnistDemo";

  static final String CURVES_FILE = "training-curves.png";
  static final String PREDICTIONS_FILE = "test-predictions.png";
  static final String CONFUSION_FILE = "confusion-matrix.txt";
  static final String WEIGHTS_FILE = "fashion-classifier.safetensors";
  static final String ONNX_FILE = "fashion-classifier.onnx";

  private FashionMnistDemo() {}

  /**
   * How a run trains.
   *
   * @param epochs the most epochs; early stopping may end sooner
   * @param batchSize samples per optimizer step
   * @param learningRate Adam's initial learning rate
   * @param decay the factor the learning rate is multiplied by after every epoch
   * @param patience epochs without a better validation accuracy before stopping
   * @param validation the fraction of the training images held out for validation
   * @param seed the seed of the weights, the shuffling and the dropout masks
   * @param limit train on the first this many training images only; 0 for all
   */
  public record Settings(int epochs, int batchSize, float learningRate, float decay, int patience,
      double validation, long seed, int limit) {

    /** The settings of the recorded run. */
    public static Settings defaults() {
      return new Settings(40, 128, 1e-3f, 0.93f, 8, 0.1, 1, 0);
    }

    Settings withEpochs(int value) {
      return new Settings(value, batchSize, learningRate, decay, patience, validation, seed,
          limit);
    }

    Settings withLimit(int value) {
      return new Settings(epochs, batchSize, learningRate, decay, patience, validation, seed,
          value);
    }
  }

  /**
   * What a run found.
   *
   * @param testAccuracy the fraction of test images classified right
   * @param evaluation the test evaluation, with the confusion matrix
   * @param history the training history
   * @param bestEpoch the epoch whose weights the network ends with
   * @param files the files written
   */
  public record Result(double testAccuracy, Evaluation evaluation, History history,
      int bestEpoch, List<Path> files) {}

  /**
   * Runs the sample. Options: {@code --data FOLDER} (default {@value FashionMnist#DEFAULT_FOLDER}),
   * {@code --epochs N}, {@code --limit N} (train on the first N training images, for a quick
   * look). Without the data set it prints where it looked and how to install it, and exits with
   * status 2.
   */
  public static void main(String[] args) throws IOException {
    Settings settings = Settings.defaults();
    Path data = Path.of(FashionMnist.DEFAULT_FOLDER);
    for (int i = 0; i < args.length; i++) {
      String option = args[i];
      if (i + 1 == args.length) {
        throw new IllegalArgumentException(usage("option " + option + " needs a value"));
      }
      String value = args[++i];
      switch (option) {
        case "--data" -> data = Path.of(value);
        case "--epochs" -> settings = settings.withEpochs(positive(option, value));
        case "--limit" -> settings = settings.withLimit(positive(option, value));
        default -> throw new IllegalArgumentException(usage("unknown option " + option));
      }
    }
    try {
      FashionMnist.requireInstalled(data);
    } catch (FashionMnist.MissingDataException e) {
      System.err.println(e.getMessage());
      System.exit(2);
    }
    run(settings, data, SampleFiles.folder("fashion-mnist"), System.out, Verbosity.PROGRESS_BAR);
  }

  private static int positive(String option, String value) {
    try {
      int n = Integer.parseInt(value);
      if (n > 0) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException(usage(option + " needs a positive whole number, not "
        + value));
  }

  private static String usage(String problem) {
    return problem + "; options: --data FOLDER (default " + FashionMnist.DEFAULT_FOLDER
        + "), --epochs N, --limit N";
  }

  /** Trains and evaluates as {@code settings} say, on the data in {@code data}. */
  public static Result run(Settings settings, Path data, Path folder, PrintStream out,
      Verbosity verbosity) throws IOException {
    out.println("Fashion-MNIST from " + data.toAbsolutePath());
    FashionMnist.Data raw = FashionMnist.load(data);
    Dataset train = raw.train().scaledImages().shuffled(settings.seed());
    if (settings.limit() > 0 && settings.limit() < train.size()) {
      train = train.range(0, settings.limit());
    }
    Dataset test = raw.test().scaledImages();
    int held = (int) Math.floor(train.size() * settings.validation());
    out.printf("%d training images (%d of them held out for validation), %d test images%n%n",
        train.size(), held, test.size());

    FashionClassifierNet net = new FashionClassifierNet(settings.seed());
    out.println(net.summary());
    // Accuracy, not loss: on this data the validation loss levels off while the accuracy still
    // climbs for several epochs.
    EarlyStopping earlyStopping = EarlyStopping.monitor("val_accuracy")
        .patience(settings.patience())
        .restoreBestWeights(true);
    Trainer trainer = new Trainer(net, new Adam(settings.learningRate()))
        .epochs(settings.epochs())
        .batchSize(settings.batchSize())
        .seed(settings.seed())
        .metrics(Metrics.ACCURACY)
        .validationSplit(settings.validation())
        .schedule(LearningRateSchedule.exponential(settings.decay()))
        .listeners(earlyStopping)
        .verbosity(verbosity)
        .output(out);
    long start = System.nanoTime();
    History history = trainer.fit(train);
    double minutes = (System.nanoTime() - start) / 60e9;
    int bestEpoch = earlyStopping.bestEpoch();
    out.printf(Locale.ROOT, "trained %d epochs in %.1f minutes; the weights of epoch %d (best"
        + " validation accuracy %.4f) kept%n", history.epochs(), minutes, bestEpoch,
        earlyStopping.bestValue());

    Evaluation evaluation = trainer.evaluate(test);
    double accuracy = evaluation.get("accuracy");
    out.printf(Locale.ROOT, "%ntest accuracy %.4f (%d of %d images)%n%n", accuracy,
        Math.round(accuracy * test.size()), test.size());
    String confusion = confusionTable(evaluation.confusion());
    out.println(confusion);

    List<Path> files = new ArrayList<>();
    Path curves = folder.resolve(CURVES_FILE);
    TrainingCurves.writePng(history, curves);
    files.add(curves);
    Path predictions = folder.resolve(PREDICTIONS_FILE);
    writePredictions(trainer, raw.test(), test, predictions);
    files.add(predictions);
    Path confusionFile = folder.resolve(CONFUSION_FILE);
    Files.writeString(confusionFile, confusion, StandardCharsets.UTF_8);
    files.add(confusionFile);
    Path weights = folder.resolve(WEIGHTS_FILE);
    ModelFiles.save(net, weights);
    files.add(weights);
    Path onnx = folder.resolve(ONNX_FILE);
    OnnxFiles.save(net, onnx);
    files.add(onnx);
    out.println("written:");
    for (Path file : files) {
      out.println("  " + file);
    }
    return new Result(accuracy, evaluation, history, bestEpoch, files);
  }

  /** The confusion matrix with the class names, and the recall of each class. */
  static String confusionTable(ConfusionMatrix matrix) {
    StringBuilder table = new StringBuilder("confusion matrix of the test images (rows: actual,"
        + " columns: predicted)\n");
    table.append(String.format(Locale.ROOT, "%-13s", ""));
    for (int p = 0; p < matrix.classes(); p++) {
      table.append(String.format(Locale.ROOT, "%6d", p));
    }
    table.append("  recall\n");
    for (int a = 0; a < matrix.classes(); a++) {
      table.append(String.format(Locale.ROOT, "%d %-11s", a, FashionMnist.CLASSES.get(a)));
      for (int p = 0; p < matrix.classes(); p++) {
        table.append(String.format(Locale.ROOT, "%6d", matrix.count(a, p)));
      }
      table.append(String.format(Locale.ROOT, "  %.4f%n", matrix.recall(a)));
    }
    table.append(String.format(Locale.ROOT, "accuracy %.4f over %d images%n", matrix.accuracy(),
        matrix.total()));
    return table.toString();
  }

  /** The first test images with their predicted class, wrong ones marked. */
  private static void writePredictions(Trainer trainer, Dataset rawTest, Dataset test, Path file)
      throws IOException {
    int n = Math.min(40, test.size());
    int[] predicted = Dataset.classes(trainer.predict(test.range(0, n).features()), n);
    int[] actual = test.range(0, n).labels();
    String[] captions = new String[n];
    boolean[] wrong = new boolean[n];
    for (int i = 0; i < n; i++) {
      wrong[i] = predicted[i] != actual[i];
      captions[i] = FashionMnist.CLASSES.get(predicted[i]);
    }
    ImageGrid.writePng(rawTest.range(0, n).features(), FashionMnist.SIDE, FashionMnist.SIDE,
        captions, wrong, 10, file);
  }

  /** What the main demo says about this sample: how to run it, or how to install the data. */
  static String invitation() {
    if (FashionMnist.isInstalled(Path.of(FashionMnist.DEFAULT_FOLDER))) {
      return "Fashion-MNIST is installed in " + FashionMnist.DEFAULT_FOLDER + ". For the larger"
          + " run (70,000 images of clothing, a 784-512-256-10 network), try:\n  " + COMMAND;
    }
    return "The larger sample trains on Fashion-MNIST (70,000 images of clothing). Install the"
        + " data with\n  sudo apt-get install dataset-fashion-mnist\nand run\n  " + COMMAND;
  }
}
