package dev.dendrite.spark;

import dev.dendrite.Model;
import dev.dendrite.io.ModelFiles;
import dev.dendrite.train.History;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.apache.spark.ml.Estimator;
import org.apache.spark.ml.param.BooleanParam;
import org.apache.spark.ml.param.DoubleParam;
import org.apache.spark.ml.param.IntParam;
import org.apache.spark.ml.param.LongParam;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.util.Identifiable;
import org.apache.spark.sql.types.StructType;

/**
 * Trains a generated network on a DataFrame with Spark: a Spark ML {@link Estimator} whose
 * {@link #fit} returns a {@link DendriteModel} with the trained weights and the training {@link
 * History}.
 *
 * <pre>{@code
 * DendriteModel model = new DendriteEstimator()
 *     .setNetworkClass("example.DigitsClassifierNet")
 *     .setEpochs(20).setBatchSize(64).setOptimizer("adam").setLearningRate(1e-3)
 *     .setNumPartitions(4).setMode("gradients")
 *     .fit(train);                       // columns "features" (Vector) and "label"
 * model.transform(test).show();
 * }</pre>
 *
 * <p><b>Data.</b> {@code featuresCol} holds ML vectors of the network's input size; {@code
 * labelCol} a class index (one-hot encoded for a softmax network), a 0/1 (or probability) for
 * one sigmoid unit, a number for one linear output, or an ML vector of the output size. Rows
 * are numbered in the DataFrame's order (partition by partition); the last {@code
 * validationFraction} of them are held out for validation, as the single-JVM {@code Trainer}'s
 * {@code validationSplit} does, and the rest are spread over {@code numPartitions} partitions in
 * contiguous ranges, cached on the executors for the whole fit.
 *
 * <p><b>Modes.</b> In {@code "gradients"} mode each step's global batch of {@code batchSize} rows
 * is drawn from one shuffled order of all training rows, as the single-JVM trainer draws it;
 * each partition computes the gradients of the rows of the batch it holds, and the driver sums
 * them (each weighted by its share of the batch) in partition order and takes the optimizer step;
 * the optimizer's state lives on the driver only. One Spark job per step. In {@code "average"}
 * mode each partition shuffles its own rows and takes {@code averagingSteps} local steps with
 * batches of {@code batchSize / numPartitions} rows (rounded up), then the driver averages the
 * parameters and the optimizer state, in partition order: one job per {@code averagingSteps}
 * steps.
 *
 * <p><b>Determinism.</b> Every random draw comes from {@code seed}: the initial weights (from the
 * generated class's seeded constructor), the orders of the rows and the dropout masks (partition
 * 0 continues the network's own generator, partition {@code p} starts one derived from it).
 * Results are collected in partition order. So a fixed seed, data order, {@code numPartitions}
 * and settings give bit-identical weights; with one partition, either mode gives bit for bit
 * the weights the single-JVM {@code Trainer} gives with the same settings.
 *
 * <p><b>Bad input</b> ({@link InvalidInputException}): a missing column, a vector of the wrong
 * size, a null or NaN feature or label, a label out of range, a network class that is absent.
 * Each names the column and the row's position, and leaves the SparkContext running.
 */
public final class DendriteEstimator extends Estimator<DendriteModel> {

  private static final long serialVersionUID = 1L;

  /** The names of the two modes. */
  public static final List<String> MODES = List.of("gradients", "average");

  private final String uid;
  private transient PrintStream progress;

  private final Param<String> networkClass;
  private final Param<String> featuresCol;
  private final Param<String> labelCol;
  private final Param<String> predictionCol;
  private final Param<String> probabilityCol;
  private final IntParam epochs;
  private final IntParam batchSize;
  private final Param<String> optimizer;
  private final DoubleParam learningRate;
  private final DoubleParam learningRateDecay;
  private final LongParam seed;
  private final IntParam numPartitions;
  private final Param<String> mode;
  private final IntParam averagingSteps;
  private final DoubleParam validationFraction;
  private final IntParam patience;
  private final Param<String> monitor;
  private final BooleanParam shuffle;

  /** An estimator with the defaults below. */
  public DendriteEstimator() {
    this(Identifiable.randomUID("dendriteEstimator"));
  }

  /** An estimator with the given uid (Spark's copy mechanism calls this). */
  public DendriteEstimator(String uid) {
    this.uid = uid;
    networkClass = new Param<>(this, "networkClass",
        "the generated network class, e.g. example.XorNet");
    featuresCol = new Param<>(this, "featuresCol", "the features column, an ML Vector");
    labelCol = new Param<>(this, "labelCol", "the label column: a number or an ML Vector");
    predictionCol = new Param<>(this, "predictionCol", "the model's prediction column");
    probabilityCol = new Param<>(this, "probabilityCol", "the model's probability column");
    epochs = new IntParam(this, "epochs", "the most epochs to train");
    batchSize = new IntParam(this, "batchSize", "the rows of one global step");
    optimizer = new Param<>(this, "optimizer", "the optimizer: one of " + Optimizers.NAMES);
    learningRate = new DoubleParam(this, "learningRate", "the initial learning rate");
    learningRateDecay = new DoubleParam(this, "learningRateDecay",
        "the factor the learning rate is multiplied by after every epoch, in (0, 1]");
    seed = new LongParam(this, "seed", "the seed of the weights, the orders and dropout");
    numPartitions = new IntParam(this, "numPartitions",
        "the partitions training runs on; 0 for Spark's default parallelism");
    mode = new Param<>(this, "mode", "how partitions synchronise: gradients or average");
    averagingSteps = new IntParam(this, "averagingSteps",
        "local steps between two averagings, in average mode");
    validationFraction = new DoubleParam(this, "validationFraction",
        "the last fraction of the rows held out for validation, in [0, 1)");
    patience = new IntParam(this, "patience",
        "epochs without improvement of monitor before stopping; 0 for no early stopping");
    monitor = new Param<>(this, "monitor", "the logged value early stopping watches");
    shuffle = new BooleanParam(this, "shuffle", "whether to shuffle the rows every epoch");
    setDefault(featuresCol, "features");
    setDefault(labelCol, "label");
    setDefault(predictionCol, "prediction");
    setDefault(probabilityCol, "probability");
    setDefault(epochs, 1);
    setDefault(batchSize, 32);
    setDefault(optimizer, "adam");
    setDefault(learningRate, 1e-3);
    setDefault(learningRateDecay, 1.0);
    setDefault(seed, 0L);
    setDefault(numPartitions, 0);
    setDefault(mode, "gradients");
    setDefault(averagingSteps, 8);
    setDefault(validationFraction, 0.0);
    setDefault(patience, 0);
    setDefault(monitor, "val_loss");
    setDefault(shuffle, true);
  }

  @Override
  public String uid() {
    return uid;
  }

  // ---------------------------------------------------------------- params

  /** The network class param. */
  public Param<String> networkClass() {
    return networkClass;
  }

  /** The features column param. */
  public Param<String> featuresCol() {
    return featuresCol;
  }

  /** The label column param. */
  public Param<String> labelCol() {
    return labelCol;
  }

  /** The prediction column param, passed to the model. */
  public Param<String> predictionCol() {
    return predictionCol;
  }

  /** The probability column param, passed to the model. */
  public Param<String> probabilityCol() {
    return probabilityCol;
  }

  /** The epochs param. */
  public IntParam epochs() {
    return epochs;
  }

  /** The batch size param. */
  public IntParam batchSize() {
    return batchSize;
  }

  /** The optimizer param. */
  public Param<String> optimizer() {
    return optimizer;
  }

  /** The learning rate param. */
  public DoubleParam learningRate() {
    return learningRate;
  }

  /** The learning rate decay param. */
  public DoubleParam learningRateDecay() {
    return learningRateDecay;
  }

  /** The seed param. */
  public LongParam seed() {
    return seed;
  }

  /** The partitions param. */
  public IntParam numPartitions() {
    return numPartitions;
  }

  /** The mode param. */
  public Param<String> mode() {
    return mode;
  }

  /** The averaging steps param. */
  public IntParam averagingSteps() {
    return averagingSteps;
  }

  /** The validation fraction param. */
  public DoubleParam validationFraction() {
    return validationFraction;
  }

  /** The patience param. */
  public IntParam patience() {
    return patience;
  }

  /** The monitor param. */
  public Param<String> monitor() {
    return monitor;
  }

  /** The shuffle param. */
  public BooleanParam shuffle() {
    return shuffle;
  }

  /** The generated network class's binary name, e.g. {@code example.XorNet}; required. */
  public DendriteEstimator setNetworkClass(String value) {
    set(networkClass, value);
    return this;
  }

  /** The features column, ML vectors of the network's input size; {@code features}. */
  public DendriteEstimator setFeaturesCol(String value) {
    set(featuresCol, value);
    return this;
  }

  /** The label column; {@code label}. */
  public DendriteEstimator setLabelCol(String value) {
    set(labelCol, value);
    return this;
  }

  /** The model's prediction column; {@code prediction}. */
  public DendriteEstimator setPredictionCol(String value) {
    set(predictionCol, value);
    return this;
  }

  /** The model's probability column; {@code probability}. */
  public DendriteEstimator setProbabilityCol(String value) {
    set(probabilityCol, value);
    return this;
  }

  /** The most epochs; 1 by default. */
  public DendriteEstimator setEpochs(int value) {
    require(value >= 1, "epochs must be at least 1, was " + value);
    set(epochs, value);
    return this;
  }

  /** The rows of one global step; 32 by default. */
  public DendriteEstimator setBatchSize(int value) {
    require(value >= 1, "batchSize must be at least 1, was " + value);
    set(batchSize, value);
    return this;
  }

  /**
   * The optimizer, by name: {@code sgd}, {@code momentum}, {@code nesterov} (momentum 0.9),
   * {@code adam} (the default), {@code adamw}, {@code rmsprop}, {@code adagrad}, {@code
   * adadelta}, each with the runtime's defaults besides the learning rate.
   */
  public DendriteEstimator setOptimizer(String value) {
    Optimizers.create(value, 0.01f);
    set(optimizer, value);
    return this;
  }

  /** The initial learning rate; 0.001 by default. */
  public DendriteEstimator setLearningRate(double value) {
    require(value > 0 && Double.isFinite(value), "learningRate must be positive, was " + value);
    set(learningRate, value);
    return this;
  }

  /**
   * The factor the learning rate is multiplied by after every epoch, as the single-JVM {@code
   * LearningRateSchedule.exponential}; 1 (constant) by default.
   */
  public DendriteEstimator setLearningRateDecay(double value) {
    require(value > 0 && value <= 1, "learningRateDecay must be in (0, 1], was " + value);
    set(learningRateDecay, value);
    return this;
  }

  /** The seed of the weights, the row orders and the dropout masks; 0 by default. */
  public DendriteEstimator setSeed(long value) {
    set(seed, value);
    return this;
  }

  /** The partitions training runs on; 0 (the default) for Spark's default parallelism. */
  public DendriteEstimator setNumPartitions(int value) {
    require(value >= 0, "numPartitions must not be negative, was " + value);
    set(numPartitions, value);
    return this;
  }

  /** {@code gradients} (the default) or {@code average}; see the class documentation. */
  public DendriteEstimator setMode(String value) {
    require(MODES.contains(value), "mode must be one of " + MODES + ", was " + value);
    set(mode, value);
    return this;
  }

  /** Local steps between two averagings in {@code average} mode; 8 by default. */
  public DendriteEstimator setAveragingSteps(int value) {
    require(value >= 1, "averagingSteps must be at least 1, was " + value);
    set(averagingSteps, value);
    return this;
  }

  /** The last fraction of the rows held out for validation, in [0, 1); 0 by default. */
  public DendriteEstimator setValidationFraction(double value) {
    require(value >= 0 && value < 1, "validationFraction must be in [0, 1), was " + value);
    set(validationFraction, value);
    return this;
  }

  /**
   * Early stopping: training stops after this many epochs in a row without an improvement of
   * {@link #setMonitor monitor}, and the network keeps the weights of its best epoch, as the
   * single-JVM {@code EarlyStopping.monitor(monitor).patience(p).restoreBestWeights(true)}; 0
   * (the default) for none.
   */
  public DendriteEstimator setPatience(int value) {
    require(value >= 0, "patience must not be negative, was " + value);
    set(patience, value);
    return this;
  }

  /** The logged value early stopping watches, e.g. {@code val_accuracy}; {@code val_loss}. */
  public DendriteEstimator setMonitor(String value) {
    set(monitor, Objects.requireNonNull(value, "monitor"));
    return this;
  }

  /** Whether to shuffle the rows before every epoch; true by default. */
  public DendriteEstimator setShuffle(boolean value) {
    set(shuffle, value);
    return this;
  }

  /** Prints one line per epoch to {@code out} (null, the default, for none). */
  public DendriteEstimator setProgress(PrintStream out) {
    this.progress = out;
    return this;
  }

  private static void require(boolean ok, String message) {
    if (!ok) {
      throw new IllegalArgumentException(message);
    }
  }

  String getNetworkClass() {
    return isDefined(networkClass) ? $(networkClass) : null;
  }

  // ---------------------------------------------------------------- fitting

  @Override
  public StructType transformSchema(StructType schema) {
    Rows.vectorColumn(schema, $(featuresCol), "features");
    Rows.labelColumn(schema, $(labelCol));
    Class<? extends Model> type = Networks.load(getNetworkClass());
    DendriteModel probe = new DendriteModel(type.getName(),
        ModelFiles.toBytes(Networks.create(type, null)));
    probe.setFeaturesCol($(featuresCol)).setPredictionCol($(predictionCol))
        .setProbabilityCol($(probabilityCol));
    return probe.transformSchema(schema);
  }

  /**
   * Trains a network of {@code networkClass} on {@code dataset}.
   *
   * @throws InvalidInputException for bad input, see the class documentation
   * @throws IllegalStateException if the loss turns NaN or infinite, naming epoch and step
   */
  @Override
  public DendriteModel fit(org.apache.spark.sql.Dataset<?> dataset) {
    DistributedTraining.Settings settings = new DistributedTraining.Settings(
        getNetworkClass(), $(featuresCol), $(labelCol), (Integer) $(epochs),
        (Integer) $(batchSize), $(optimizer), ((Double) $(learningRate)).floatValue(),
        ((Double) $(learningRateDecay)).floatValue(), (Long) $(seed),
        (Integer) $(numPartitions), $(mode), (Integer) $(averagingSteps),
        (Double) $(validationFraction), (Integer) $(patience), $(monitor),
        (Boolean) $(shuffle));
    DistributedTraining.Outcome outcome;
    try {
      outcome = new DistributedTraining(settings, progress).run(dataset);
    } catch (Exception e) {
      throw Failures.unwrap(e);
    }
    DendriteModel model = new DendriteModel(Identifiable.randomUID("dendrite"),
        outcome.networkClass(), outcome.weights(), outcome.history());
    model.epochSeconds = outcome.epochSeconds();
    model.setFeaturesCol($(featuresCol)).setPredictionCol($(predictionCol))
        .setProbabilityCol($(probabilityCol));
    model.setParent(this);
    return model;
  }

  @Override
  public DendriteEstimator copy(ParamMap extra) {
    DendriteEstimator copy = copyValues(new DendriteEstimator(uid), extra);
    copy.progress = progress;
    return copy;
  }

  @Override
  public String toString() {
    List<String> set = new ArrayList<>();
    for (Param<?> p : List.of(networkClass, epochs, batchSize, optimizer, learningRate, mode,
        numPartitions)) {
      if (isDefined(p)) {
        set.add(p.name() + "=" + $(p));
      }
    }
    return String.format(Locale.ROOT, "DendriteEstimator(%s, %s)", uid, String.join(", ", set));
  }
}
