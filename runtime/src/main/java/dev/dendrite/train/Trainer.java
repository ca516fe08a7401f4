package dev.dendrite.train;

import dev.dendrite.Layer;
import dev.dendrite.Model;
import dev.dendrite.Tensor;
import dev.dendrite.annotation.Loss;
import dev.dendrite.data.Dataset;
import dev.dendrite.optim.GradientClipping;
import dev.dendrite.optim.LearningRateSchedule;
import dev.dendrite.optim.Optimizer;
import dev.dendrite.random.Rng;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.ServiceLoader;

/**
 * Trains a network over mini-batches, evaluates it and predicts with it: Keras' {@code fit},
 * {@code evaluate} and {@code predict}.
 *
 * <pre>{@code
 * Trainer trainer = new Trainer(new CirclesNet(7), Sgd.plain(0.1f))
 *     .epochs(100)
 *     .batchSize(10)
 *     .seed(42)
 *     .metrics(Metrics.ACCURACY)
 *     .validationSplit(0.2)
 *     .listeners(EarlyStopping.onValidationLoss().patience(10).restoreBestWeights(true));
 * History history = trainer.fit(train);
 * Evaluation result = trainer.evaluate(test);
 * }</pre>
 *
 * <p>Each epoch visits every training sample once, in an order shuffled from the seed (the same
 * seed, network and data give bit-identical weights), in batches of {@link #batchSize} (the last
 * may be smaller). Each batch is a forward pass in training mode, the metrics on its outputs,
 * the backward pass, an optional gradient clipping and one optimizer step. The loss and metrics
 * of an epoch are the means over its samples as the network was while it trained on them (as in
 * Keras); validation runs at the end of the epoch in inference mode. After the first epoch a
 * training step allocates nothing; only the reporting at the end of an epoch does.
 *
 * <p>A loss that is NaN or infinite stops training with a {@link NonFiniteException} before the
 * optimizer step, naming the epoch, the batch, the samples of the batch that are not finite and
 * the layer where the non-finite value first appeared: the first layer with a non-finite
 * parameter; else, when a sample's features are not finite, the first layer with non-finite
 * gradients; else the first such layer in the order the backward pass computes them (from the
 * output back), which is where a non-finite target or an overflowing loss shows first. The
 * parameters are checked at the end of every epoch as well.
 *
 * <p>Settings change the trainer and return it. A trainer is not safe for use by several threads
 * at once, nor is its network.
 */
public final class Trainer {

  private final Model model;
  private final Optimizer optimizer;
  private int epochs = 1;
  private int initialEpoch;
  private int batchSize = 32;
  private long seed;
  private boolean shuffle = true;
  private double validationSplit;
  private Dataset validationData;
  private List<Metric> metrics = List.of();
  private LearningRateSchedule schedule;
  private GradientClipping clipping;
  private List<TrainingListener> listeners = List.of();
  private Verbosity verbosity = Verbosity.PROGRESS_BAR;
  private PrintStream out = System.out;

  /** A trainer of {@code model} with {@code optimizer}; one epoch of batches of 32 by default. */
  public Trainer(Model model, Optimizer optimizer) {
    this.model = Objects.requireNonNull(model, "model");
    this.optimizer = Objects.requireNonNull(optimizer, "optimizer");
  }

  /** The network. */
  public Model model() {
    return model;
  }

  /** The optimizer. */
  public Optimizer optimizer() {
    return optimizer;
  }

  /** The number of epochs; 1 by default. */
  public Trainer epochs(int epochs) {
    if (epochs < 1) {
      throw new IllegalArgumentException("epochs must be at least 1, was " + epochs);
    }
    this.epochs = epochs;
    return this;
  }

  /**
   * The number of epochs already done, to resume training: {@code fit} runs epochs {@code
   * initialEpoch + 1} to {@link #epochs}, as Keras' {@code initial_epoch}; 0 by default. To
   * continue a run exactly, restore the parameters, the optimizer's state and step count, the
   * network's random state, and the shuffling generator's state ({@link
   * TrainingContext#shuffleState()}, given to {@link #seed}); with a {@link #schedule}, give the
   * optimizer its initial learning rate, from which the schedule computes every epoch's.
   */
  public Trainer initialEpoch(int initialEpoch) {
    if (initialEpoch < 0) {
      throw new IllegalArgumentException(
          "initial epoch must not be negative, was " + initialEpoch);
    }
    this.initialEpoch = initialEpoch;
    return this;
  }

  /** The number of samples per step; 32 by default. */
  public Trainer batchSize(int batchSize) {
    if (batchSize < 1) {
      throw new IllegalArgumentException("batch size must be at least 1, was " + batchSize);
    }
    this.batchSize = batchSize;
    return this;
  }

  /**
   * The seed of the order of the samples in each epoch; 0 by default. The order of an epoch
   * depends only on the generator's state when it starts, so a state saved after an epoch
   * ({@link TrainingContext#shuffleState()}) continues the same sequence of orders.
   */
  public Trainer seed(long seed) {
    this.seed = seed;
    return this;
  }

  /** Whether to shuffle the samples before every epoch; true by default. */
  public Trainer shuffle(boolean shuffle) {
    this.shuffle = shuffle;
    return this;
  }

  /**
   * Holds out the last {@code fraction} of the samples given to {@link #fit} (before any
   * shuffling, as Keras does) for validation; 0 (none) by default. Replaces any {@link
   * #validationData}.
   */
  public Trainer validationSplit(double fraction) {
    if (!(fraction >= 0 && fraction < 1)) {
      throw new IllegalArgumentException("validation split must be in [0, 1), was " + fraction);
    }
    this.validationSplit = fraction;
    this.validationData = null;
    return this;
  }

  /** Validates on {@code data} after every epoch; replaces any {@link #validationSplit}. */
  public Trainer validationData(Dataset data) {
    this.validationData = Objects.requireNonNull(data, "validation data");
    this.validationSplit = 0;
    return this;
  }

  /** The metrics reported beside the loss, e.g. {@link Metrics#ACCURACY}. */
  public Trainer metrics(Metric... metrics) {
    List<Metric> list = List.of(metrics);
    List<String> names = new ArrayList<>();
    for (Metric metric : list) {
      if (metric.name().equals("loss") || metric.name().equals("lr")
          || names.contains(metric.name())) {
        throw new IllegalArgumentException("metric name '" + metric.name() + "' is taken");
      }
      names.add(metric.name());
    }
    this.metrics = list;
    return this;
  }

  /** Sets the learning rate before every epoch from {@code schedule}; none by default. */
  public Trainer schedule(LearningRateSchedule schedule) {
    this.schedule = schedule;
    return this;
  }

  /** Clips the gradients of every step by their global norm; no clipping by default. */
  public Trainer clipping(GradientClipping clipping) {
    this.clipping = clipping;
    return this;
  }

  /** The listeners called during {@link #fit}, in order, e.g. {@link EarlyStopping}. */
  public Trainer listeners(TrainingListener... listeners) {
    this.listeners = List.of(listeners);
    return this;
  }

  /** What {@link #fit} prints; {@link Verbosity#PROGRESS_BAR} by default. */
  public Trainer verbosity(Verbosity verbosity) {
    this.verbosity = Objects.requireNonNull(verbosity, "verbosity");
    return this;
  }

  /** Prints nothing: {@code verbosity(Verbosity.QUIET)}. */
  public Trainer quiet() {
    return verbosity(Verbosity.QUIET);
  }

  /** Where progress is printed; {@code System.out} by default. */
  public Trainer output(PrintStream out) {
    this.out = Objects.requireNonNull(out, "output");
    return this;
  }

  /** Trains on {@code features} and {@code targets}; see {@link #fit(Dataset)}. */
  public History fit(float[][] features, float[][] targets) {
    return fit(Dataset.of(features, targets));
  }

  /**
   * Trains on {@code data} for the configured epochs, or until a listener asks to stop.
   *
   * @return the loss, metrics and learning rate of every epoch
   * @throws IllegalArgumentException if the data's rows do not fit the network
   * @throws NonFiniteException if a loss or parameter turns NaN or infinite
   */
  public History fit(Dataset data) {
    if (initialEpoch >= epochs) {
      throw new IllegalArgumentException("initial epoch " + initialEpoch + " leaves nothing of "
          + epochs + " epochs to run");
    }
    Dataset train = data;
    Dataset validation = validationData;
    if (validationSplit > 0) {
      int held = (int) Math.floor(data.size() * validationSplit);
      if (held == 0 || held == data.size()) {
        throw new IllegalArgumentException(String.format(Locale.ROOT,
            "a validation split of %s leaves %d of %d samples for validation; give more data"
                + " or another split", validationSplit, held, data.size()));
      }
      train = data.range(0, data.size() - held);
      validation = data.range(data.size() - held, data.size());
    }
    checkFits(train, "training data");
    if (validation != null) {
      checkFits(validation, "validation data");
    }
    return new Run(train, validation).run();
  }

  /**
   * The loss and metrics of the network over {@code data} in inference mode, and for a
   * classifier its confusion matrix. The loss includes the weight penalties.
   */
  public Evaluation evaluate(Dataset data) {
    return evaluate(model, data, batchSize, metrics);
  }

  /** {@link Evaluation#of}, in batches of {@code batchSize}. */
  static Evaluation evaluate(Model model, Dataset data, int batchSize, List<Metric> metrics) {
    checkFits(model, data, "evaluation data");
    Metric.Accumulator[] accumulators = accumulators(model, metrics);
    float[][] x = new float[Math.min(batchSize, data.size())][];
    float[][] y = new float[x.length][];
    int classes = classes(model);
    ConfusionMatrix confusion = classes > 0 ? ConfusionMatrix.empty(classes) : null;
    double lossSum = 0;
    for (int start = 0; start < data.size(); start += x.length) {
      int n = Math.min(x.length, data.size() - start);
      for (int s = 0; s < n; s++) {
        x[s] = data.features(start + s);
        y[s] = data.targets(start + s);
      }
      float[][] outputs = model.forward(x, n, false);
      for (int s = 0; s < n; s++) {
        lossSum += LossFunctions.sample(model.loss(), outputs[s], y[s]);
        if (confusion != null) {
          confusion.add(Dataset.classOf(y[s]), Dataset.classOf(outputs[s]));
        }
      }
      for (Metric.Accumulator accumulator : accumulators) {
        accumulator.add(outputs, y, n);
      }
    }
    Map<String, Double> values = new LinkedHashMap<>();
    for (int m = 0; m < accumulators.length; m++) {
      values.put(metrics.get(m).name(), accumulators[m].value());
    }
    double loss = lossSum / data.size() + model.penaltyLoss();
    return new Evaluation(data.size(), loss, values, confusion);
  }

  /** The network's outputs for every row of {@code features}, in new rows. */
  public float[][] predict(float[][] features) {
    float[][] result = new float[features.length][model.outputSize()];
    float[][] x = new float[Math.min(batchSize, Math.max(1, features.length))][];
    float[][] y = new float[x.length][];
    for (int start = 0; start < features.length; start += x.length) {
      int n = Math.min(x.length, features.length - start);
      System.arraycopy(features, start, x, 0, n);
      System.arraycopy(result, start, y, 0, n);
      model.predict(x, n, y);
    }
    return result;
  }

  /** The number of classes for a confusion matrix; 0 if the network is not a classifier. */
  private static int classes(Model model) {
    if (model.loss() == Loss.BINARY_CROSS_ENTROPY && model.outputSize() == 1) {
      return 2;
    }
    if (model.loss() == Loss.CATEGORICAL_CROSS_ENTROPY) {
      return model.outputSize();
    }
    return 0;
  }

  private Metric.Accumulator[] accumulators() {
    return accumulators(model, metrics);
  }

  private static Metric.Accumulator[] accumulators(Model model, List<Metric> metrics) {
    Metric.Accumulator[] accumulators = new Metric.Accumulator[metrics.size()];
    for (int m = 0; m < accumulators.length; m++) {
      accumulators[m] = metrics.get(m).accumulator(model);
    }
    return accumulators;
  }

  private void checkFits(Dataset data, String what) {
    checkFits(model, data, what);
  }

  private static void checkFits(Model model, Dataset data, String what) {
    if (data.featureCount() != model.inputSize()) {
      throw new IllegalArgumentException(String.format(
          "%s has %d features per sample, but %s takes %d inputs", what, data.featureCount(),
          model.networkName(), model.inputSize()));
    }
    if (data.targetCount() != model.outputSize()) {
      throw new IllegalArgumentException(String.format(
          "%s has %d targets per sample, but %s has %d outputs%s", what, data.targetCount(),
          model.networkName(), model.outputSize(),
          model.loss() == Loss.CATEGORICAL_CROSS_ENTROPY && data.targetCount() == 1
              ? "; one-hot encode class labels with Dataset.oneHot" : ""));
    }
  }

  private TrainingListener display() {
    switch (verbosity) {
      case QUIET -> {
        return null;
      }
      case PROGRESS_BAR -> {
        for (ProgressBarFactory factory : ServiceLoader.load(ProgressBarFactory.class)) {
          return factory.create(out);
        }
        return new EpochLines(out);
      }
      default -> {
        return new EpochLines(out);
      }
    }
  }

  /** The state of one {@code fit}. */
  private final class Run {
    private final Dataset train;
    private final Dataset validation;
    private final List<Tensor> parameters = model.parameters();
    private final int[] order;
    private final float[][] x;
    private final float[][] y;
    private final Metric.Accumulator[] trainMetrics = accumulators();
    private final Metric.Accumulator[] validationMetrics = accumulators();
    private final List<TrainingListener> all = new ArrayList<>();
    private final Rng rng = new Rng(seed);

    Run(Dataset train, Dataset validation) {
      this.train = train;
      this.validation = validation;
      this.order = new int[train.size()];
      for (int i = 0; i < order.length; i++) {
        order[i] = i;
      }
      this.x = new float[Math.min(batchSize, train.size())][];
      this.y = new float[x.length][];
      TrainingListener display = display();
      if (display != null) {
        all.add(display);
      }
      all.addAll(listeners);
    }

    History run() {
      try {
        return train();
      } catch (RuntimeException failure) {
        for (TrainingListener listener : all) {
          try {
            listener.onTrainFailure(failure);
          } catch (RuntimeException e) {
            failure.addSuppressed(e);
          }
        }
        throw failure;
      }
    }

    private History train() {
      List<String> names = logNames();
      TrainingContext context = new TrainingContext(model, optimizer, epochs, batchSize,
          train.size(), validation == null ? 0 : validation.size(), names,
          metrics, trainMetrics, rng);
      History history = new History(names);
      float initialRate = optimizer.learningRate();
      for (TrainingListener listener : all) {
        listener.onTrainBegin(context);
      }
      for (int epoch = initialEpoch + 1; epoch <= epochs; epoch++) {
        if (schedule != null) {
          optimizer.setLearningRate(schedule.learningRate(epoch - 1, initialRate));
        }
        if (shuffle) {
          for (int i = 0; i < order.length; i++) {
            order[i] = i;
          }
          Dataset.shuffle(order, order.length, rng);
        }
        for (TrainingListener listener : all) {
          listener.onEpochBegin(epoch);
        }
        double loss = trainEpoch(epoch);
        checkParameters(epoch);
        Map<String, Double> logs = new LinkedHashMap<>();
        logs.put("loss", loss);
        for (int m = 0; m < trainMetrics.length; m++) {
          logs.put(metrics.get(m).name(), trainMetrics[m].value());
        }
        if (validation != null) {
          logs.put("val_loss", validate());
          for (int m = 0; m < validationMetrics.length; m++) {
            logs.put("val_" + metrics.get(m).name(), validationMetrics[m].value());
          }
        }
        logs.put("lr", (double) optimizer.learningRate());
        logs = Collections.unmodifiableMap(logs);
        history.add(logs);
        for (TrainingListener listener : all) {
          listener.onEpochEnd(epoch, logs);
        }
        if (context.isStopRequested()) {
          break;
        }
      }
      for (TrainingListener listener : all) {
        listener.onTrainEnd(history);
      }
      return history;
    }

    private List<String> logNames() {
      List<String> names = new ArrayList<>();
      names.add("loss");
      metrics.forEach(m -> names.add(m.name()));
      if (validation != null) {
        names.add("val_loss");
        metrics.forEach(m -> names.add("val_" + m.name()));
      }
      names.add("lr");
      return names;
    }

    /** One pass over the training samples; returns the mean loss. Allocates nothing. */
    private double trainEpoch(int epoch) {
      for (Metric.Accumulator accumulator : trainMetrics) {
        accumulator.reset();
      }
      double lossSum = 0;
      int batch = 0;
      int size = order.length;
      for (int start = 0; start < size; start += x.length) {
        batch++;
        int n = Math.min(x.length, size - start);
        for (int s = 0; s < n; s++) {
          int i = order[start + s];
          x[s] = train.features(i);
          y[s] = train.targets(i);
        }
        float[][] outputs = model.forward(x, n, true);
        for (Metric.Accumulator accumulator : trainMetrics) {
          accumulator.add(outputs, y, n);
        }
        float loss = model.backward(y);
        if (!Float.isFinite(loss)) {
          throw nonFinite("the loss is " + loss, epoch, batch, start, n);
        }
        if (clipping != null) {
          clipping.clip(parameters);
        }
        model.step(optimizer);
        lossSum += (double) loss * n;
        for (int l = 0, count = all.size(); l < count; l++) {
          all.get(l).onBatchEnd(epoch, batch, start + n, loss);
        }
      }
      return lossSum / size;
    }

    /** The validation loss; fills the validation metrics. */
    private double validate() {
      for (Metric.Accumulator accumulator : validationMetrics) {
        accumulator.reset();
      }
      double lossSum = 0;
      int size = validation.size();
      for (int start = 0; start < size; start += x.length) {
        int n = Math.min(x.length, size - start);
        for (int s = 0; s < n; s++) {
          x[s] = validation.features(start + s);
          y[s] = validation.targets(start + s);
        }
        float[][] outputs = model.forward(x, n, false);
        for (int s = 0; s < n; s++) {
          lossSum += LossFunctions.sample(model.loss(), outputs[s], y[s]);
        }
        for (Metric.Accumulator accumulator : validationMetrics) {
          accumulator.add(outputs, y, n);
        }
      }
      return lossSum / size + model.penaltyLoss();
    }

    private void checkParameters(int epoch) {
      for (Tensor tensor : parameters) {
        if (!allFinite(tensor.values())) {
          throw nonFinite("a parameter is not finite after the epoch", epoch, 0, 0, 0);
        }
      }
    }

    private NonFiniteException nonFinite(String what, int epoch, int batch, int start, int n) {
      int[] bad = new int[n];
      int count = 0;
      boolean badFeatures = false;
      for (int s = 0; s < n; s++) {
        int i = order[start + s];
        boolean features = !allFinite(train.features(i));
        if (features || !allFinite(train.targets(i))) {
          bad[count++] = i;
          badFeatures |= features;
        }
      }
      bad = Arrays.copyOf(bad, count);
      // Where the value appeared: a parameter (searched in layer order); else a gradient, in the
      // first layer when it came in with the features, otherwise in the first layer the backward
      // pass computes, from the output back.
      String[] found = find(false, model.layers());
      if (found == null && batch > 0) {
        List<Layer> layers = model.layers();
        if (!badFeatures) {
          layers = new ArrayList<>(layers);
          Collections.reverse(layers);
        }
        found = find(true, layers);
      }
      String layer = found == null ? null : found[0];
      String tensor = found == null ? null : found[1];
      StringBuilder message = new StringBuilder("training stopped in epoch ").append(epoch);
      if (batch > 0) {
        message.append(", batch ").append(batch);
      }
      message.append(": ").append(what).append("; ");
      if (layer != null) {
        message.append("the first non-finite value is in layer '").append(layer)
            .append("' (").append(found[2]).append(" of ").append(tensor).append(')');
      } else {
        message.append("every parameter and gradient is finite");
      }
      if (count > 0) {
        message.append("; training samples with non-finite features or targets: ")
            .append(Arrays.toString(bad));
      } else if (batch > 0) {
        message.append("; every sample of the batch is finite (try a smaller learning rate or"
            + " gradient clipping)");
      }
      return new NonFiniteException(message.toString(), epoch, batch, layer, tensor, bad);
    }

    /**
     * The first of {@code layers} with a non-finite parameter value (or gradient): {layer,
     * tensor, "values" or "gradients"}; null if there is none.
     */
    private String[] find(boolean gradients, List<Layer> layers) {
      for (Layer l : layers) {
        for (String name : l.parameterNames()) {
          for (Tensor t : parameters) {
            if (t.name().equals(name) && !allFinite(gradients ? t.gradients() : t.values())) {
              return new String[] {l.name(), name, gradients ? "gradients" : "values"};
            }
          }
        }
      }
      return null;
    }
  }

  private static boolean allFinite(float[][] rows) {
    for (float[] row : rows) {
      if (!allFinite(row)) {
        return false;
      }
    }
    return true;
  }

  private static boolean allFinite(float[] row) {
    for (float v : row) {
      if (!Float.isFinite(v)) {
        return false;
      }
    }
    return true;
  }
}
