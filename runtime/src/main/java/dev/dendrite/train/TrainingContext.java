package dev.dendrite.train;

import dev.dendrite.Model;
import dev.dendrite.optim.Optimizer;
import dev.dendrite.random.Rng;
import java.util.List;

/** What a {@link TrainingListener} can see of a {@link Trainer#fit} run, and its stop switch. */
public final class TrainingContext {

  private final Model model;
  private final Optimizer optimizer;
  private final int epochs;
  private final int batchSize;
  private final int trainingSamples;
  private final int validationSamples;
  private final List<String> logNames;
  private final List<Metric> metrics;
  private final List<String> metricNames;
  private final Metric.Accumulator[] running;
  private final Rng shuffler;
  private boolean stopRequested;

  TrainingContext(Model model, Optimizer optimizer, int epochs, int batchSize,
      int trainingSamples, int validationSamples, List<String> logNames,
      List<Metric> metrics, Metric.Accumulator[] running, Rng shuffler) {
    this.model = model;
    this.optimizer = optimizer;
    this.epochs = epochs;
    this.batchSize = batchSize;
    this.trainingSamples = trainingSamples;
    this.validationSamples = validationSamples;
    this.logNames = List.copyOf(logNames);
    this.metrics = List.copyOf(metrics);
    this.metricNames = metrics.stream().map(Metric::name).toList();
    this.running = running;
    this.shuffler = shuffler;
  }

  /** A context without metrics, for tests of listeners. */
  TrainingContext(Model model, Optimizer optimizer, int epochs, int batchSize,
      int trainingSamples, int validationSamples, List<String> logNames) {
    this(model, optimizer, epochs, batchSize, trainingSamples, validationSamples, logNames,
        List.of(), new Metric.Accumulator[0], new Rng(0));
  }

  /** The network being trained. */
  public Model model() {
    return model;
  }

  /** The optimizer that steps it. */
  public Optimizer optimizer() {
    return optimizer;
  }

  /** The number of epochs planned. */
  public int epochs() {
    return epochs;
  }

  /** The batch size. */
  public int batchSize() {
    return batchSize;
  }

  /** The number of training samples per epoch. */
  public int trainingSamples() {
    return trainingSamples;
  }

  /** The number of validation samples; 0 without validation. */
  public int validationSamples() {
    return validationSamples;
  }

  /** The number of batches per epoch. */
  public int batchesPerEpoch() {
    return (trainingSamples + batchSize - 1) / batchSize;
  }

  /** The names each epoch's logs will have, in order. */
  public List<String> logNames() {
    return logNames;
  }

  /** The names of the training metrics, in the order they were given to the trainer. */
  public List<String> metricNames() {
    return metricNames;
  }

  /**
   * The value of training metric {@code index} over the batches of the current epoch so far,
   * e.g. for a progress display; NaN before the first batch of an epoch.
   */
  public double runningMetric(int index) {
    return running[index].value();
  }

  /**
   * Whether larger values of the logged number {@code name} are better: as the metric says for a
   * metric or its {@code val_} twin; for other names, true for accuracies and false otherwise.
   */
  public boolean higherIsBetter(String name) {
    String base = name.startsWith("val_") ? name.substring(4) : name;
    for (Metric metric : metrics) {
      if (metric.name().equals(base)) {
        return metric.higherIsBetter();
      }
    }
    return Metrics.higherIsBetter(name);
  }

  /**
   * The state of the generator that shuffles the samples. Read after an epoch and given to
   * {@link Trainer#seed} of a trainer that resumes with {@link Trainer#initialEpoch}, it makes
   * the following epochs visit the samples in the orders this run would have used.
   */
  public long shuffleState() {
    return shuffler.state();
  }

  /** Stops training after the current epoch. */
  public void requestStop() {
    stopRequested = true;
  }

  /** Whether a listener has asked to stop. */
  public boolean isStopRequested() {
    return stopRequested;
  }
}
