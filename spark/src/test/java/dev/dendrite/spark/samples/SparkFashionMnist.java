package dev.dendrite.spark.samples;

import dev.dendrite.Model;
import dev.dendrite.data.CsvReader;
import dev.dendrite.data.CsvTable;
import dev.dendrite.data.Dataset;
import dev.dendrite.data.IdxFile;
import dev.dendrite.data.IdxReader;
import dev.dendrite.optim.Adam;
import dev.dendrite.optim.LearningRateSchedule;
import dev.dendrite.spark.DendriteEstimator;
import dev.dendrite.spark.DendriteModel;
import dev.dendrite.train.EarlyStopping;
import dev.dendrite.train.History;
import dev.dendrite.train.Metrics;
import dev.dendrite.train.Trainer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;

/**
 * Fashion-MNIST on Spark in local mode, next to the single-JVM trainer on the same machine: the
 * network and recipe of the samples' {@code FashionMnistDemo} (784-512-256-10 with dropout 0.3,
 * pixels scaled to [-1, 1], Adam at 0.001 decayed by 0.93 per epoch, batches of 128, early
 * stopping on the validation accuracy with patience 8 over the last 10% of the training images),
 * trained three times: by the single-JVM {@code Trainer}, and by {@link DendriteEstimator} in
 * {@code gradients} and in {@code average} mode on {@code local[2]}. It prints each run's test
 * accuracy and time per epoch, then the scoring throughput of {@link DendriteModel#transform}
 * against the single-JVM {@code predict}.
 *
 * <p>Without Fashion-MNIST (Debian's {@code dataset-fashion-mnist} puts it in {@value
 * #FASHION_FOLDER}) it uses the UCI handwritten digits shipped with the samples and the main
 * demo's network and settings instead.
 *
 * <p>Options: {@code --data FOLDER}, {@code --epochs N}, {@code --limit N} (train on the first N
 * training images), {@code --partitions N} (2), {@code --averaging-steps K} (8), {@code --modes
 * single,gradients,average}.
 */
public final class SparkFashionMnist {

  /** Where Debian's package puts Fashion-MNIST. */
  public static final String FASHION_FOLDER = "/usr/share/datasets/fashion-mnist";

  private static final String DIGITS = "/dev/dendrite/samples/digits.csv.gz";

  private SparkFashionMnist() {}

  /** How one data set is trained. */
  record Settings(String name, String networkClass, Supplier<Model> network, int epochs,
      int batchSize, float learningRate, float decay, int patience, double validation,
      long seed, String monitor) {}

  public static void main(String[] args) throws IOException {
    Path data = Path.of(FASHION_FOLDER);
    int epochs = 0;
    int limit = 0;
    int partitions = 2;
    int averagingSteps = 8;
    List<String> modes = List.of("single", "gradients", "average");
    for (int i = 0; i + 1 < args.length; i += 2) {
      String value = args[i + 1];
      switch (args[i]) {
        case "--data" -> data = Path.of(value);
        case "--epochs" -> epochs = Integer.parseInt(value);
        case "--limit" -> limit = Integer.parseInt(value);
        case "--partitions" -> partitions = Integer.parseInt(value);
        case "--averaging-steps" -> averagingSteps = Integer.parseInt(value);
        case "--modes" -> modes = List.of(value.split(","));
        default -> throw new IllegalArgumentException("unknown option " + args[i]
            + "; options: --data FOLDER, --epochs N, --limit N, --partitions N,"
            + " --averaging-steps K, --modes single,gradients,average");
      }
    }
    if (args.length % 2 != 0) {
      throw new IllegalArgumentException("option " + args[args.length - 1] + " needs a value");
    }

    Dataset train;
    Dataset test;
    Settings settings;
    if (Files.isRegularFile(data.resolve("train-images-idx3-ubyte.gz"))
        || Files.isRegularFile(data.resolve("train-images-idx3-ubyte"))) {
      System.out.println("Fashion-MNIST from " + data);
      train = images(data, "train").scaledImages().shuffled(1);
      test = images(data, "t10k").scaledImages();
      settings = new Settings("Fashion-MNIST", SampleNets_FashionNet.class.getName(),
          () -> new SampleNets_FashionNet(1), 40, 128, 1e-3f, 0.93f, 8, 0.1, 1, "val_accuracy");
    } else {
      System.out.println("Fashion-MNIST is not in " + data + " (sudo apt-get install"
          + " dataset-fashion-mnist); using the UCI digits shipped with the samples");
      Dataset.Splits splits = digits().split(0.85, 0, 42);
      train = splits.train();
      test = splits.test();
      settings = new Settings("UCI digits", SampleNets_DigitsNet.class.getName(),
          () -> new SampleNets_DigitsNet(42), 60, 32, 2e-3f, 1f, 8, 0.15 / 0.85, 42,
          "val_loss");
    }
    if (epochs > 0) {
      settings = new Settings(settings.name(), settings.networkClass(), settings.network(),
          epochs, settings.batchSize(), settings.learningRate(), settings.decay(),
          settings.patience(), settings.validation(), settings.seed(), settings.monitor());
    }
    if (limit > 0 && limit < train.size()) {
      train = train.range(0, limit);
    }
    System.out.printf(Locale.ROOT, "%d training images (the last %.0f%% for validation), %d test"
        + " images; at most %d epochs, batches of %d%n%n", train.size(),
        100 * settings.validation(), test.size(), settings.epochs(), settings.batchSize());

    List<String[]> table = new ArrayList<>();
    double singleRowsPerSecond = Double.NaN;
    if (modes.contains("single")) {
      Model net = settings.network().get();
      Trainer trainer = new Trainer(net, new Adam(settings.learningRate()))
          .epochs(settings.epochs())
          .batchSize(settings.batchSize())
          .seed(settings.seed())
          .metrics(Metrics.ACCURACY)
          .validationSplit(settings.validation())
          .listeners(EarlyStopping.monitor(settings.monitor()).patience(settings.patience())
              .restoreBestWeights(true))
          .quiet();
      if (settings.decay() != 1f) {
        trainer.schedule(LearningRateSchedule.exponential(settings.decay()));
      }
      long start = System.nanoTime();
      History history = trainer.fit(train);
      double seconds = (System.nanoTime() - start) / 1e9;
      double accuracy = trainer.evaluate(test).get("accuracy");
      float[][] features = test.features();
      double best = 0;
      for (int round = 0; round < 3; round++) {
        long t0 = System.nanoTime();
        trainer.predict(features);
        best = Math.max(best, features.length / ((System.nanoTime() - t0) / 1e9));
      }
      singleRowsPerSecond = best;
      table.add(row("single JVM (" + net.threads() + " threads)", history, seconds, accuracy));
      System.out.println("single JVM: " + last(table));
    }

    SparkSession spark = SparkSession.builder()
        .appName("SparkFashionMnist")
        .master("local[" + partitions + "]")
        .config("spark.ui.enabled", "false")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1")
        // Gradients and parameters of this network are 2 MB: sent straight back with the task's
        // status rather than through the block manager (the default limit is 1 MB).
        .config("spark.task.maxDirectResultSize", "64m")
        .getOrCreate();
    spark.sparkContext().setLogLevel("ERROR");
    try {
      // Both frames are cached first, as data read from files would be before training.
      org.apache.spark.sql.Dataset<Row> trainFrame = frame(spark, train, partitions)
          .persist(StorageLevel.MEMORY_ONLY());
      trainFrame.count();
      org.apache.spark.sql.Dataset<Row> testFrame = frame(spark, test, partitions)
          .persist(StorageLevel.MEMORY_ONLY());
      testFrame.count();
      DendriteModel last = null;
      for (String mode : modes) {
        if (mode.equals("single")) {
          continue;
        }
        DendriteEstimator estimator = new DendriteEstimator()
            .setNetworkClass(settings.networkClass())
            .setEpochs(settings.epochs())
            .setBatchSize(settings.batchSize())
            .setOptimizer("adam")
            .setLearningRate(settings.learningRate())
            .setLearningRateDecay(settings.decay())
            .setSeed(settings.seed())
            .setNumPartitions(partitions)
            .setMode(mode)
            .setAveragingSteps(averagingSteps)
            .setValidationFraction(settings.validation())
            .setPatience(settings.patience())
            .setMonitor(settings.monitor())
            .setProgress(System.out);
        System.out.println(mode + " mode:");
        long start = System.nanoTime();
        DendriteModel model = estimator.fit(trainFrame);
        double total = (System.nanoTime() - start) / 1e9;
        double seconds = Arrays.stream(model.epochSeconds()).sum();
        System.out.printf(Locale.ROOT, "laying out the data on the executors took %.1f s%n",
            total - seconds);
        List<Row> scored = model.transform(testFrame).select("label", "prediction")
            .collectAsList();
        long right = scored.stream().filter(r -> r.getDouble(0) == r.getDouble(1)).count();
        String name = mode + (mode.equals("average") ? " every " + averagingSteps + " steps" : "")
            + ", local[" + partitions + "]";
        table.add(row(name, model.history(), seconds, (double) right / scored.size()));
        System.out.println(mode + ": " + last(table));
        last = model;
      }
      System.out.println();
      System.out.printf(Locale.ROOT, "%-34s %9s %7s %14s%n", settings.name(), "accuracy",
          "epochs", "s per epoch");
      for (String[] r : table) {
        System.out.printf(Locale.ROOT, "%-34s %9s %7s %14s%n", (Object[]) r);
      }
      if (last != null) {
        double best = 0;
        for (int round = 0; round < 3; round++) {
          long t0 = System.nanoTime();
          last.transform(testFrame).write().format("noop").mode("overwrite").save();
          best = Math.max(best, test.size() / ((System.nanoTime() - t0) / 1e9));
        }
        System.out.printf(Locale.ROOT, "%nscoring %d test images: transform on local[%d] %,.0f"
            + " rows/s; single-JVM predict %,.0f rows/s%n", test.size(), partitions, best,
            singleRowsPerSecond);
      }
    } finally {
      spark.stop();
    }
  }

  private static String last(List<String[]> table) {
    String[] r = table.get(table.size() - 1);
    return "test accuracy " + r[1] + " after " + r[2] + (r[2].equals("1") ? " epoch, " : " epochs, ")
        + r[3] + " s per epoch";
  }

  private static String[] row(String name, History history, double seconds, double accuracy) {
    return new String[] {name, String.format(Locale.ROOT, "%.4f", accuracy),
        Integer.toString(history.epochs()),
        String.format(Locale.ROOT, "%.2f", seconds / history.epochs())};
  }

  /** Images and labels of one part of Fashion-MNIST, one-hot. */
  private static Dataset images(Path folder, String part) throws IOException {
    IdxFile images = IdxReader.read(find(folder, part + "-images-idx3-ubyte"));
    IdxFile labels = IdxReader.read(find(folder, part + "-labels-idx1-ubyte"));
    return Dataset.ofLabels(images.rows(), labels.labels(), 10, false);
  }

  private static Path find(Path folder, String name) {
    Path gz = folder.resolve(name + ".gz");
    return Files.isRegularFile(gz) ? gz : folder.resolve(name);
  }

  /** The UCI digits, pixels scaled from 0..16 to [-1, 1], one-hot. */
  private static Dataset digits() throws IOException {
    CsvTable table;
    try (InputStream in = SparkFashionMnist.class.getResourceAsStream(DIGITS)) {
      if (in == null) {
        throw new IOException(DIGITS + " is missing from the class path");
      }
      table = CsvReader.numeric().read(DIGITS, in);
    }
    float[][] rows = table.rows();
    float[][] pixels = new float[rows.length][];
    int[] digits = new int[rows.length];
    for (int i = 0; i < rows.length; i++) {
      pixels[i] = Arrays.copyOf(rows[i], 64);
      for (int j = 0; j < 64; j++) {
        pixels[i][j] = (pixels[i][j] - 8f) / 8f;
      }
      digits[i] = (int) rows[i][64];
    }
    return Dataset.ofLabels(pixels, digits, 10, false);
  }

  /** A DataFrame of the dataset's features and class labels, in order, in {@code parts}. */
  private static org.apache.spark.sql.Dataset<Row> frame(SparkSession spark, Dataset data,
      int parts) {
    StructType schema = DataTypes.createStructType(List.of(
        DataTypes.createStructField("features", SQLDataTypes.VectorType(), false),
        DataTypes.createStructField("label", DataTypes.DoubleType, false)));
    List<Row> rows = new ArrayList<>(data.size());
    for (int i = 0; i < data.size(); i++) {
      float[] x = data.features(i);
      double[] d = new double[x.length];
      for (int j = 0; j < x.length; j++) {
        d[j] = x[j];
      }
      rows.add(RowFactory.create(Vectors.dense(d), (double) Dataset.classOf(data.targets(i))));
    }
    return spark.createDataFrame(new org.apache.spark.api.java.JavaSparkContext(
        spark.sparkContext()).parallelize(rows, parts), schema);
  }
}
