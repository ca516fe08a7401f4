package dev.dendrite.spark;

import dev.dendrite.Model;
import dev.dendrite.Tensor;
import dev.dendrite.data.Dataset;
import dev.dendrite.io.ModelFiles;
import dev.dendrite.optim.LearningRateSchedule;
import dev.dendrite.optim.Optimizer;
import dev.dendrite.random.Rng;
import dev.dendrite.train.History;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import scala.Tuple2;

/** One {@link DendriteEstimator#fit}: the data laid out on the executors, then the epochs. */
final class DistributedTraining {

  /** The estimator's params, read once. */
  record Settings(String networkClass, String featuresCol, String labelCol, int epochs,
      int batchSize, String optimizer, float learningRate, float learningRateDecay, long seed,
      int numPartitions, String mode, int averagingSteps, double validationFraction,
      int patience, String monitor, boolean shuffle) {}

  /** A row's features and target, or, for a bad row, the column and the error. */
  record Sample(float[] x, float[] y, String column, String error)
      implements java.io.Serializable {}

  /** What a fit gives: the class, the trained weights as safetensors bytes, the history. */
  record Outcome(String networkClass, byte[] weights, History history, double[] epochSeconds) {}

  private static final long PARTITION_GAMMA = 0x9E3779B97F4A7C15L;
  private static final long SHUFFLE_GAMMA = 0xD1B54A32D192ED03L;

  private final Settings settings;
  private final PrintStream progress;

  DistributedTraining(Settings settings, PrintStream progress) {
    this.settings = settings;
    this.progress = progress;
  }

  Outcome run(org.apache.spark.sql.Dataset<?> dataset) {
    Settings s = settings;
    StructType schema = dataset.schema();
    Rows.vectorColumn(schema, s.featuresCol(), "features");
    Rows.labelColumn(schema, s.labelCol());
    Class<? extends Model> type = Networks.load(s.networkClass());
    Model model = Networks.create(type, s.seed());
    String networkClass = type.getName();
    Output output = Output.of(model);
    boolean perOutput = output == Output.SIGMOIDS;
    int inputs = model.inputSize();
    int outputs = model.outputSize();
    JavaSparkContext jsc =
        JavaSparkContext.fromSparkContext(dataset.sparkSession().sparkContext());
    int parts = s.numPartitions() > 0 ? s.numPartitions() : jsc.defaultParallelism();

    // Every row with its position in the DataFrame's order, converted and checked.
    String fc = s.featuresCol();
    String lc = s.labelCol();
    JavaRDD<Row> rows = dataset.toDF().select(functions.col(fc), functions.col(lc)).javaRDD();
    // A bad row becomes a sample that carries its error, so that the error reaches the driver
    // as data rather than as a failed task.
    JavaPairRDD<Long, Sample> samples = rows.zipWithIndex().mapToPair(t -> {
      long i = t._2();
      String where = "row " + i;
      try {
        float[] x = Rows.features(t._1(), 0, inputs, fc, i, where);
        float[] y = Rows.target(t._1(), 1, output, outputs, lc, i, where);
        return new Tuple2<>(i, new Sample(x, y, null, null));
      } catch (InvalidInputException e) {
        return new Tuple2<>(i, new Sample(null, null, e.column(), e.getMessage()));
      }
    });
    samples.persist(StorageLevel.MEMORY_AND_DISK());
    JavaRDD<Shard> train = null;
    JavaRDD<Shard> validation = null;
    try {
      long total = samples.count();
      if (total == 0) {
        throw new InvalidInputException(null, -1, "the DataFrame has no rows to train on");
      }
      List<Tuple2<Long, Sample>> bad = samples.filter(t -> t._2().error() != null).take(1);
      if (!bad.isEmpty()) {
        Tuple2<Long, Sample> first = bad.get(0);
        throw new InvalidInputException(first._2().column(), first._1(), first._2().error());
      }
      if (total > Integer.MAX_VALUE) {
        throw new InvalidInputException(null, -1, "the DataFrame has " + total + " rows; at most "
            + Integer.MAX_VALUE + " are supported");
      }
      int held = (int) Math.floor(total * s.validationFraction());
      if (s.validationFraction() > 0 && (held == 0 || held == total)) {
        throw new InvalidInputException(null, -1, String.format(Locale.ROOT,
            "a validation fraction of %s leaves %d of %d rows for validation; give more data or"
                + " another fraction", s.validationFraction(), held, total));
      }
      int count = (int) total - held;
      train = shards(samples.filter(t -> t._1() < count), 0, count, parts);
      train.count();
      if (held > 0) {
        validation = shards(samples.filter(t -> t._1() >= count), count, held, parts);
        validation.count();
      }
      samples.unpersist(false);
      Epochs epochs = new Epochs(jsc, model, networkClass, output, perOutput, train,
          validation, count, held, parts);
      History history = epochs.run();
      return new Outcome(networkClass, ModelFiles.toBytes(model), history,
          epochs.seconds.stream().mapToDouble(Double::doubleValue).toArray());
    } finally {
      samples.unpersist(false);
      if (train != null) {
        train.unpersist(false);
      }
      if (validation != null) {
        validation.unpersist(false);
      }
    }
  }

  /**
   * The rows of positions {@code [offset, offset + count)} in {@code parts} shards of contiguous
   * positions (relative to {@code offset}), cached.
   */
  private static JavaRDD<Shard> shards(JavaPairRDD<Long, Sample> rows, long offset, int count,
      int parts) {
    return rows.mapToPair(t -> new Tuple2<>(t._1() - offset, t._2()))
        .partitionBy(new RangePartitioner(count, parts))
        .mapPartitionsWithIndex((p, it) -> {
          int start = RangePartitioner.start(count, p, parts);
          int end = RangePartitioner.start(count, p + 1, parts);
          float[][] x = new float[end - start][];
          float[][] y = new float[end - start][];
          while (it.hasNext()) {
            Tuple2<Long, Sample> t = it.next();
            int i = (int) (long) t._1() - start;
            x[i] = t._2().x();
            y[i] = t._2().y();
          }
          return List.of(new Shard(start, x, y)).iterator();
        }, true)
        .persist(StorageLevel.MEMORY_AND_DISK());
  }

  /** The epochs of one fit. */
  private final class Epochs {
    private final JavaSparkContext jsc;
    private final Model model;
    private final String networkClass;
    private final Output output;
    private final boolean perOutput;
    private final JavaRDD<Shard> train;
    private final JavaRDD<Shard> validation;
    private final int count;
    private final int held;
    private final int parts;
    private final Optimizer optimizer;
    private final long[] randomStates;
    private final long[] shuffleStates;
    private final int[] order;
    private final Rng shuffler;
    /** The wall time of each epoch, validation included. */
    final List<Double> seconds = new ArrayList<>();

    Epochs(JavaSparkContext jsc, Model model, String networkClass, Output output,
        boolean perOutput, JavaRDD<Shard> train, JavaRDD<Shard> validation, int count, int held,
        int parts) {
      this.jsc = jsc;
      this.model = model;
      this.networkClass = networkClass;
      this.output = output;
      this.perOutput = perOutput;
      this.train = train;
      this.validation = validation;
      this.count = count;
      this.held = held;
      this.parts = parts;
      this.optimizer = Optimizers.create(settings.optimizer(), settings.learningRate());
      this.optimizer.bind(model.parameters());
      // Partition 0 continues the network's own dropout generator and the trainer's shuffling
      // seed, so that one partition replays the single-JVM trainer; the others get their own.
      long r0 = model.randomState();
      this.randomStates = new long[parts];
      this.shuffleStates = new long[parts];
      for (int p = 0; p < parts; p++) {
        randomStates[p] = p == 0 ? r0 : new Rng(r0 ^ (p * PARTITION_GAMMA)).nextLong();
        shuffleStates[p] = p == 0 ? settings.seed()
            : new Rng(settings.seed() ^ (p * SHUFFLE_GAMMA)).nextLong();
      }
      this.order = new int[count];
      this.shuffler = new Rng(settings.seed());
    }

    History run() {
      Settings s = settings;
      List<String> names = new ArrayList<>();
      names.add("loss");
      if (output.classifies()) {
        names.add("accuracy");
      }
      if (validation != null) {
        names.add("val_loss");
        if (output.classifies()) {
          names.add("val_accuracy");
        }
      }
      names.add("lr");
      boolean earlyStopping = s.patience() > 0;
      if (earlyStopping && !names.contains(s.monitor())) {
        throw new IllegalArgumentException("early stopping monitors '" + s.monitor()
            + "', but the epochs log only " + names
            + (s.monitor().startsWith("val_") ? "; set a validationFraction" : ""));
      }
      boolean higher = s.monitor().endsWith("accuracy");
      Map<String, List<Double>> values = new LinkedHashMap<>();
      names.forEach(n -> values.put(n, new ArrayList<>()));
      float initialRate = optimizer.learningRate();
      LearningRateSchedule schedule = s.learningRateDecay() == 1f ? null
          : LearningRateSchedule.exponential(s.learningRateDecay());
      float[] best = null;
      double bestValue = Double.NaN;
      int bestEpoch = 0;
      int wait = 0;
      for (int epoch = 1; epoch <= s.epochs(); epoch++) {
        long started = System.nanoTime();
        if (schedule != null) {
          optimizer.setLearningRate(schedule.learningRate(epoch - 1, initialRate));
        }
        double[] trained = "average".equals(s.mode()) ? averageEpoch(epoch) : gradientEpoch(epoch);
        checkParameters(epoch);
        Map<String, Double> logs = new LinkedHashMap<>();
        logs.put("loss", trained[0]);
        if (output.classifies()) {
          logs.put("accuracy", trained[1]);
        }
        if (validation != null) {
          double[] validated = validate();
          logs.put("val_loss", validated[0]);
          if (output.classifies()) {
            logs.put("val_accuracy", validated[1]);
          }
        }
        logs.put("lr", (double) optimizer.learningRate());
        logs.forEach((k, v) -> values.get(k).add(v));
        seconds.add((System.nanoTime() - started) / 1e9);
        if (progress != null) {
          StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "Epoch %d/%d",
              epoch, s.epochs()));
          logs.forEach((k, v) -> line.append(String.format(Locale.ROOT, " - %s: %.4f", k, v)));
          line.append(String.format(Locale.ROOT, " (%.1f s)", seconds.get(seconds.size() - 1)));
          progress.println(line);
        }
        if (earlyStopping) {
          double value = logs.get(s.monitor());
          boolean improves = !Double.isNaN(value)
              && (bestEpoch == 0 || (higher ? value > bestValue : value < bestValue));
          if (improves) {
            bestValue = value;
            bestEpoch = epoch;
            wait = 0;
            best = Flat.of(Tasks.state(model), false);
          } else if (++wait >= s.patience()) {
            if (progress != null) {
              progress.printf(Locale.ROOT, "early stopping after epoch %d; weights of epoch %d"
                  + " restored%n", epoch, bestEpoch);
            }
            break;
          }
        }
      }
      if (best != null) {
        Flat.into(best, Tasks.state(model), false);
      }
      return History.of(values);
    }

    /** One epoch in gradients mode; returns the mean loss and the accuracy. */
    private double[] gradientEpoch(int epoch) {
      for (int i = 0; i < count; i++) {
        order[i] = i;
      }
      if (settings.shuffle()) {
        Dataset.shuffle(order, count, shuffler);
      }
      Broadcast<int[]> epochOrder = jsc.broadcast(order.clone());
      int batch = Math.min(settings.batchSize(), count);
      double lossSum = 0;
      long correct = 0;
      long judged = 0;
      int step = 0;
      List<Tensor> state = Tasks.state(model);
      List<Tensor> parameters = model.parameters();
      List<Tensor> buffers = model.buffers();
      try {
        for (int start = 0; start < count; start += batch) {
          step++;
          int n = Math.min(batch, count - start);
          Broadcast<float[]> current = jsc.broadcast(Flat.of(state, false));
          List<Tasks.Result> results;
          try {
            results = train.mapPartitions(new Tasks.GradientStep(networkClass, epochOrder,
                current, randomStates.clone(), start, n, perOutput)).collect();
          } finally {
            current.destroy();
          }
          float[] gradients = null;
          float[] running = null;
          for (int p = 0; p < results.size(); p++) {
            Tasks.Result r = results.get(p);
            randomStates[p] = r.randomState();
            if (r.count() == 0) {
              continue;
            }
            if (r.nonFinite() != null) {
              throw new TrainingException("training stopped in epoch " + epoch + ", step "
                  + step + ": " + r.nonFinite());
            }
            lossSum += r.lossSum();
            correct += r.correct();
            judged += r.judged();
            gradients = add(gradients, r.values(), 1f);
            if (r.buffers() != null) {
              running = add(running, r.buffers(), (float) r.count() / n);
            }
          }
          Flat.into(gradients, parameters, true);
          if (running != null) {
            Flat.into(running, buffers, false);
          }
          model.step(optimizer);
        }
      } finally {
        epochOrder.destroy();
      }
      return new double[] {lossSum / count, (double) correct / judged};
    }

    /** One epoch in average mode; returns the mean loss and the accuracy. */
    private double[] averageEpoch(int epoch) {
      int[] sizes = shardSizes();
      int localBatch = (settings.batchSize() + parts - 1) / parts;
      int maxSteps = 0;
      for (int m : sizes) {
        if (m > 0) {
          int b = Math.min(localBatch, m);
          maxSteps = Math.max(maxSteps, (m + b - 1) / b);
        }
      }
      int k = settings.averagingSteps();
      List<Tensor> state = Tasks.state(model);
      int tensors = model.parameters().size();
      double lossSum = 0;
      long correct = 0;
      long judged = 0;
      for (int first = 0; first < maxSteps; first += k) {
        Broadcast<float[][]> current = jsc.broadcast(new float[][] {Flat.of(state, false),
            Flat.of(Tasks.optimizerState(optimizer, tensors))});
        List<Tasks.Result> results;
        try {
          results = train.mapPartitions(new Tasks.LocalSteps(networkClass,
              settings.optimizer(), optimizer.learningRate(), optimizer.iterations(), current,
              shuffleStates.clone(), randomStates.clone(), localBatch, first, k,
              settings.shuffle(), perOutput)).collect();
        } finally {
          current.destroy();
        }
        float[] values = null;
        float[] moments = null;
        int averaged = 0;
        int steps = 0;
        for (int p = 0; p < results.size(); p++) {
          Tasks.Result r = results.get(p);
          randomStates[p] = r.randomState();
          if (r.nonFinite() != null) {
            throw new TrainingException("training stopped in epoch " + epoch + ": "
                + r.nonFinite());
          }
          if (r.steps() == 0) {
            continue;
          }
          for (double loss : r.stepLosses()) {
            lossSum += loss;
          }
          correct += r.correct();
          judged += r.judged();
          values = add(values, r.values(), 1f);
          moments = add(moments, r.optimizerState(), 1f);
          averaged++;
          steps = Math.max(steps, r.steps());
        }
        if (averaged > 1) {
          scale(values, averaged);
          scale(moments, averaged);
        }
        Flat.into(values, state, false);
        Flat.into(moments, Tasks.optimizerState(optimizer, tensors));
        optimizer.setIterations(optimizer.iterations() + steps);
      }
      if (settings.shuffle()) {
        // Each partition shuffled its rows from its generator's state; advance it as they did.
        for (int p = 0; p < parts; p++) {
          int[] ignored = new int[sizes[p]];
          Rng rng = new Rng(shuffleStates[p]);
          Dataset.shuffle(ignored, ignored.length, rng);
          shuffleStates[p] = rng.state();
        }
      }
      return new double[] {lossSum / count, (double) correct / judged};
    }

    private int[] shardSizes() {
      int[] sizes = new int[parts];
      for (int p = 0; p < parts; p++) {
        sizes[p] = RangePartitioner.start(count, p + 1, parts)
            - RangePartitioner.start(count, p, parts);
      }
      return sizes;
    }

    /** The validation loss (with weight penalties) and accuracy. */
    private double[] validate() {
      Broadcast<float[]> current = jsc.broadcast(Flat.of(Tasks.state(model), false));
      List<Tasks.Result> results;
      try {
        results = validation.mapPartitions(new Tasks.Validate(networkClass, current,
            Math.min(settings.batchSize(), count), perOutput)).collect();
      } finally {
        current.destroy();
      }
      double lossSum = 0;
      long correct = 0;
      long judged = 0;
      for (Tasks.Result r : results) {
        lossSum += r.lossSum();
        correct += r.correct();
        judged += r.judged();
      }
      return new double[] {lossSum / held + model.penaltyLoss(), (double) correct / judged};
    }

    private void checkParameters(int epoch) {
      for (Tensor t : model.parameters()) {
        for (float[] row : t.values()) {
          for (float v : row) {
            if (!Float.isFinite(v)) {
              throw new TrainingException("training stopped in epoch " + epoch + ": a value of "
                  + t.name() + " is not finite after the epoch");
            }
          }
        }
      }
    }
  }

  /** {@code sum + weight * values}, into {@code sum}; {@code values} itself (scaled) if null. */
  private static float[] add(float[] sum, float[] values, float weight) {
    if (sum == null) {
      if (weight != 1f) {
        for (int j = 0; j < values.length; j++) {
          values[j] *= weight;
        }
      }
      return values;
    }
    for (int j = 0; j < values.length; j++) {
      sum[j] += weight * values[j];
    }
    return sum;
  }

  private static void scale(float[] values, int count) {
    float n = count;
    for (int j = 0; j < values.length; j++) {
      values[j] /= n;
    }
  }
}
