package dev.dendrite.spark;

import dev.dendrite.Model;
import dev.dendrite.Tensor;
import dev.dendrite.data.Dataset;
import dev.dendrite.optim.Optimizer;
import dev.dendrite.random.Rng;
import dev.dendrite.train.LossFunctions;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;

/** The work of one partition in one training job, and what it sends back to the driver. */
final class Tasks {

  private Tasks() {}

  /**
   * The one shard of a partition. The iterator is drained so that Spark releases its lock on
   * the cached block now rather than at the end of the task.
   */
  static Shard only(Iterator<Shard> shards) {
    Shard shard = shards.next();
    while (shards.hasNext()) {
      shards.next();
    }
    return shard;
  }

  /** The parameters, then the buffers, of {@code model}: what travels as its state. */
  static List<Tensor> state(Model model) {
    List<Tensor> all = new ArrayList<>(model.parameters());
    all.addAll(model.buffers());
    return all;
  }

  /** Counts right answers as {@code Metrics.ACCURACY} does: per sample, or per output. */
  static long correct(float[][] outputs, float[][] targets, int n, boolean perOutput) {
    long correct = 0;
    for (int s = 0; s < n; s++) {
      if (perOutput) {
        float[] a = outputs[s];
        float[] y = targets[s];
        for (int j = 0; j < a.length; j++) {
          if ((a[j] >= 0.5f) == (y[j] >= 0.5f)) {
            correct++;
          }
        }
      } else if (Dataset.classOf(outputs[s]) == Dataset.classOf(targets[s])) {
        correct++;
      }
    }
    return correct;
  }

  /**
   * What one partition returns from a job.
   *
   * @param count the samples it trained on or evaluated; 0 when it had none
   * @param steps the optimizer steps it took (average mode)
   * @param lossSum the sum over its samples of the loss (the batch mean loss times the batch
   *     size, as the single-JVM trainer sums it)
   * @param correct right answers, for accuracy
   * @param judged answers judged, for accuracy (samples, or samples times outputs)
   * @param values gradients (gradients mode, scaled by the partition's share of the batch) or
   *     parameters and buffers (average mode); null when there are none
   * @param buffers the buffers after the step (gradients mode); null when there are none
   * @param optimizerState the optimizer's state, flat (average mode)
   * @param randomState the dropout generator's state after the job
   * @param nonFinite a description of a non-finite loss, or null
   * @param stepLosses each local step's loss times its batch size, in order (average mode), for
   *     the driver to sum in the single-JVM trainer's order
   */
  record Result(int count, int steps, double lossSum, long correct, long judged, float[] values,
      float[] buffers, float[] optimizerState, long randomState, String nonFinite,
      double[] stepLosses) implements Serializable {

    Result(int count, int steps, double lossSum, long correct, long judged, float[] values,
        float[] buffers, float[] optimizerState, long randomState, String nonFinite) {
      this(count, steps, lossSum, correct, judged, values, buffers, optimizerState, randomState,
          nonFinite, null);
    }
  }

  /**
   * Gradients mode: the samples of global batch {@code [start, start + n)} of the epoch's order
   * that this partition holds, one forward and backward pass, the gradients scaled by the
   * partition's share of the batch.
   */
  static final class GradientStep implements FlatMapFunction<Iterator<Shard>, Result> {
    private static final long serialVersionUID = 1L;
    private final String networkClass;
    private final Broadcast<int[]> order;
    private final Broadcast<float[]> state;
    private final long[] randomStates;
    private final int start;
    private final int n;
    private final boolean perOutput;

    GradientStep(String networkClass, Broadcast<int[]> order, Broadcast<float[]> state,
        long[] randomStates, int start, int n, boolean perOutput) {
      this.networkClass = networkClass;
      this.order = order;
      this.state = state;
      this.randomStates = randomStates;
      this.start = start;
      this.n = n;
      this.perOutput = perOutput;
    }

    @Override
    public Iterator<Result> call(Iterator<Shard> shards) {
      Shard shard = only(shards);
      int partition = TaskContext.getPartitionId();
      int[] positions = order.value();
      float[][] x = new float[n][];
      float[][] y = new float[n][];
      int k = 0;
      for (int pos = start; pos < start + n; pos++) {
        int i = positions[pos];
        if (shard.owns(i)) {
          x[k] = shard.x()[i - shard.start()];
          y[k] = shard.y()[i - shard.start()];
          k++;
        }
      }
      long random = randomStates[partition];
      if (k == 0) {
        return List.of(new Result(0, 0, 0, 0, 0, null, null, null, random, null)).iterator();
      }
      Model model = Networks.borrow(networkClass);
      try {
        List<Tensor> tensors = state(model);
        Flat.into(state.value(), tensors, false);
        model.setRandomState(random);
        float[][] outputs = model.forward(x, k, true);
        long correct = correct(outputs, y, k, perOutput);
        long judged = perOutput ? (long) k * model.outputSize() : k;
        float loss = model.backward(y);
        String nonFinite = Float.isFinite(loss) ? null
            : "the loss is " + loss + " on partition " + partition;
        float[] gradients = Flat.of(model.parameters(), true);
        if (k != n) {
          float share = (float) k / n;
          for (int j = 0; j < gradients.length; j++) {
            gradients[j] *= share;
          }
        }
        float[] buffers = model.buffers().isEmpty() ? null : Flat.of(model.buffers(), false);
        return List.of(new Result(k, 1, (double) loss * k, correct, judged, gradients, buffers,
            null, model.randomState(), nonFinite)).iterator();
      } finally {
        Networks.giveBack(networkClass, model);
      }
    }
  }

  /**
   * Average mode: up to {@code steps} local optimizer steps over this partition's samples in the
   * epoch's local order, from local step {@code firstStep}, starting from the broadcast
   * parameters, buffers and optimizer state.
   */
  static final class LocalSteps implements FlatMapFunction<Iterator<Shard>, Result> {
    private static final long serialVersionUID = 1L;
    private final String networkClass;
    private final String optimizer;
    private final float learningRate;
    private final int iterations;
    private final Broadcast<float[][]> start;
    private final long[] shuffleStates;
    private final long[] randomStates;
    private final int localBatch;
    private final int firstStep;
    private final int steps;
    private final boolean shuffle;
    private final boolean perOutput;

    LocalSteps(String networkClass, String optimizer, float learningRate, int iterations,
        Broadcast<float[][]> start, long[] shuffleStates, long[] randomStates, int localBatch,
        int firstStep, int steps, boolean shuffle, boolean perOutput) {
      this.networkClass = networkClass;
      this.optimizer = optimizer;
      this.learningRate = learningRate;
      this.iterations = iterations;
      this.start = start;
      this.shuffleStates = shuffleStates;
      this.randomStates = randomStates;
      this.localBatch = localBatch;
      this.firstStep = firstStep;
      this.steps = steps;
      this.shuffle = shuffle;
      this.perOutput = perOutput;
    }

    @Override
    public Iterator<Result> call(Iterator<Shard> shards) {
      Shard shard = only(shards);
      int partition = TaskContext.getPartitionId();
      int m = shard.size();
      int b = Math.min(localBatch, m);
      int first = firstStep * b;
      long random = randomStates[partition];
      if (first >= m) {
        return List.of(new Result(0, 0, 0, 0, 0, null, null, null, random, null)).iterator();
      }
      int[] order = new int[m];
      for (int i = 0; i < m; i++) {
        order[i] = i;
      }
      if (shuffle) {
        Dataset.shuffle(order, m, new Rng(shuffleStates[partition]));
      }
      Model model = Networks.borrow(networkClass);
      try {
        float[][] from = start.value();
        List<Tensor> tensors = state(model);
        Flat.into(from[0], tensors, false);
        model.setRandomState(random);
        Optimizer opt = Optimizers.create(optimizer, learningRate);
        List<Tensor> parameters = model.parameters();
        opt.bind(parameters);
        Flat.into(from[1], optimizerState(opt, parameters.size()));
        opt.setIterations(iterations);
        float[][] x = new float[b][];
        float[][] y = new float[b][];
        double lossSum = 0;
        double[] stepLosses = new double[steps];
        long correct = 0;
        long judged = 0;
        int count = 0;
        int taken = 0;
        String nonFinite = null;
        for (int s = firstStep; s < firstStep + steps && s * b < m; s++) {
          int at = s * b;
          int n = Math.min(b, m - at);
          for (int j = 0; j < n; j++) {
            x[j] = shard.x()[order[at + j]];
            y[j] = shard.y()[order[at + j]];
          }
          float[][] outputs = model.forward(x, n, true);
          correct += correct(outputs, y, n, perOutput);
          judged += perOutput ? (long) n * model.outputSize() : n;
          float loss = model.backward(y);
          if (!Float.isFinite(loss)) {
            nonFinite = "the loss is " + loss + " in local step " + (s + 1) + " on partition "
                + partition;
            break;
          }
          model.step(opt);
          stepLosses[taken] = (double) loss * n;
          lossSum += stepLosses[taken];
          count += n;
          taken++;
        }
        return List.of(new Result(count, taken, lossSum, correct, judged,
            Flat.of(tensors, false), null, Flat.of(optimizerState(opt, parameters.size())),
            model.randomState(), nonFinite, java.util.Arrays.copyOf(stepLosses, taken)))
            .iterator();
      } finally {
        Networks.giveBack(networkClass, model);
      }
    }
  }

  /** Every state array of {@code optimizer}: state 0 of each tensor, then state 1, ... */
  static float[][][] optimizerState(Optimizer optimizer, int tensors) {
    int slots = optimizer.stateNames().size();
    float[][][] arrays = new float[slots * tensors][][];
    for (int k = 0; k < slots; k++) {
      for (int t = 0; t < tensors; t++) {
        arrays[k * tensors + t] = optimizer.state(k, t);
      }
    }
    return arrays;
  }

  /**
   * Validation: the loss summed over this partition's samples (without weight penalties) and the
   * right answers, in inference mode, in batches of {@code batch}.
   */
  static final class Validate implements FlatMapFunction<Iterator<Shard>, Result> {
    private static final long serialVersionUID = 1L;
    private final String networkClass;
    private final Broadcast<float[]> state;
    private final int batch;
    private final boolean perOutput;

    Validate(String networkClass, Broadcast<float[]> state, int batch, boolean perOutput) {
      this.networkClass = networkClass;
      this.state = state;
      this.batch = batch;
      this.perOutput = perOutput;
    }

    @Override
    public Iterator<Result> call(Iterator<Shard> shards) {
      Shard shard = only(shards);
      int m = shard.size();
      if (m == 0) {
        return List.of(new Result(0, 0, 0, 0, 0, null, null, null, 0, null)).iterator();
      }
      Model model = Networks.borrow(networkClass);
      try {
        Flat.into(state.value(), state(model), false);
        float[][] x = new float[Math.min(batch, m)][];
        float[][] y = new float[x.length][];
        double lossSum = 0;
        long correct = 0;
        long judged = 0;
        for (int at = 0; at < m; at += x.length) {
          int n = Math.min(x.length, m - at);
          for (int j = 0; j < n; j++) {
            x[j] = shard.x()[at + j];
            y[j] = shard.y()[at + j];
          }
          float[][] outputs = model.forward(x, n, false);
          for (int j = 0; j < n; j++) {
            lossSum += LossFunctions.sample(model.loss(), outputs[j], y[j]);
          }
          correct += correct(outputs, y, n, perOutput);
          judged += perOutput ? (long) n * model.outputSize() : n;
        }
        return List.of(new Result(m, 0, lossSum, correct, judged, null, null, null, 0, null))
            .iterator();
      } finally {
        Networks.giveBack(networkClass, model);
      }
    }
  }
}
