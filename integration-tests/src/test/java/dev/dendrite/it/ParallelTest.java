package dev.dendrite.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.management.ThreadMXBean;
import dev.dendrite.DoubleModel;
import dev.dendrite.Model;
import dev.dendrite.Tensor;
import dev.dendrite.optim.Adam;
import dev.dendrite.random.Rng;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A batch split over threads gives bit-identical results to the same batch on one thread, for
 * any number of threads, and a warm split training step allocates nothing on any thread.
 */
class ParallelTest {

  /** Larger than the network's split threshold, and not a multiple of any block size. */
  private static final int BATCH = 301;

  private static final ThreadMXBean THREADS =
      (ThreadMXBean) ManagementFactory.getThreadMXBean();

  @Test
  void batchIsLargeEnoughToBeSplit() {
    assertTrue(ParallelNets_WideNet.PARALLEL_MIN_BATCH <= BATCH,
        "PARALLEL_MIN_BATCH " + ParallelNets_WideNet.PARALLEL_MIN_BATCH);
    assertTrue(ParallelNets_WideNet.PARALLEL_MIN_BATCH > 1);
  }

  @Test
  void trainingIsBitIdenticalForAnyNumberOfThreads() {
    float[][] reference = train(1);
    for (int threads : new int[] {2, 3}) {
      float[][] parallel = train(threads);
      for (int t = 0; t < reference.length; t++) {
        assertArrayEquals(reference[t], parallel[t], "tensor " + t + " with " + threads
            + " threads");
      }
    }
  }

  /**
   * Below the split threshold a product in two parts (with the Vector API's kernels) still goes to
   * whichever threads are free; one call after another, as here, keeps the helpers spinning, so
   * that they take parts.
   */
  @Test
  void batchesTooSmallToSplitAndSingleSamplesAreBitIdenticalForAnyNumberOfThreads() {
    float[][] reference = trainAndPredictSmall(1);
    for (int threads : new int[] {2, 3}) {
      float[][] parallel = trainAndPredictSmall(threads);
      assertEquals(reference.length, parallel.length);
      for (int t = 0; t < reference.length; t++) {
        assertArrayEquals(reference[t], parallel[t], "value set " + t + " with " + threads
            + " threads");
      }
    }
  }

  @Test
  void doublePrecisionTwinIsBitIdenticalForAnyNumberOfThreads() {
    double[] one = gradientsOfDouble(new ParallelNets_WideNetDouble(7), 1);
    double[] two = gradientsOfDouble(new ParallelNets_WideNetDouble(7), 2);
    assertArrayEquals(one, two);
  }

  @Test
  void preluSlopeAndNoBiasGradientsAreBitIdenticalForAnyNumberOfThreads() {
    assertTrue(ParallelNets_WidePreluNet.PARALLEL_MIN_BATCH <= BATCH);
    for (int threads : new int[] {2, 3}) {
      float[][] reference = train(() -> new ParallelNets_WidePreluNet(3), 1);
      float[][] parallel = train(() -> new ParallelNets_WidePreluNet(3), threads);
      for (int t = 0; t < reference.length; t++) {
        assertArrayEquals(reference[t], parallel[t], "tensor " + t + " with " + threads
            + " threads");
      }
    }
    double[] one = gradientsOfDouble(new ParallelNets_WidePreluNetDouble(7), 1);
    double[] three = gradientsOfDouble(new ParallelNets_WidePreluNetDouble(7), 3);
    assertArrayEquals(one, three);
    assertTrue(java.util.Arrays.stream(one).anyMatch(v -> v != 0), "some gradient is not 0");
  }

  @Test
  void batchNormNetworkGivesTheSameResultsForAnyThreadCount() {
    float[][] reference = train(() -> new ParallelNets_WideNormNet(3), 1);
    float[][] other = train(() -> new ParallelNets_WideNormNet(3), 3);
    for (int t = 0; t < reference.length; t++) {
      assertArrayEquals(reference[t], other[t], "tensor " + t);
    }
  }

  @Test
  void threadCountMustBePositive() {
    Model model = new ParallelNets_WideNet(1);
    assertThrows(IllegalArgumentException.class, () -> model.setThreads(0));
    model.setThreads(3);
    assertEquals(3, model.threads());
  }

  @Test
  void warmSplitTrainingStepAllocatesNothingOnAnyThread() {
    Model model = new ParallelNets_WideNet(5);
    model.setThreads(2);
    Rng rng = new Rng(6);
    float[][] input = Batches.toFloat(Batches.gaussian(BATCH, model.inputSize(), rng));
    float[][] target =
        Batches.toFloat(Batches.targets(model.loss(), BATCH, model.outputSize(), rng));
    float[][] output = new float[BATCH][model.outputSize()];
    Adam adam = new Adam();
    Runnable work = () -> {
      model.forward(input, BATCH, true);
      model.backward(target);
      model.step(adam);
      model.predict(input, BATCH, output);
    };
    for (int i = 0; i < 1_000; i++) {
      work.run();
    }
    long[] workers = workerIds();
    assertTrue(workers.length >= 1, "at least one worker thread");
    long self = Thread.currentThread().getId();
    // Five rounds of 100 steps; per thread, the fewest bytes of any round counts: a compilation
    // or deoptimization can allocate a few bytes once on the thread that triggers it (see
    // SteadyState), while a step that allocates shows in every round.
    long selfFewest = Long.MAX_VALUE;
    long[] workersFewest = new long[workers.length];
    Arrays.fill(workersFewest, Long.MAX_VALUE);
    for (int round = 0; round < 5; round++) {
      long[] workersBefore = allocated(workers);
      long selfBefore = THREADS.getThreadAllocatedBytes(self);
      for (int i = 0; i < 100; i++) {
        work.run();
      }
      selfFewest = Math.min(selfFewest, THREADS.getThreadAllocatedBytes(self) - selfBefore);
      long[] workersAfter = allocated(workers);
      for (int i = 0; i < workers.length; i++) {
        workersFewest[i] = Math.min(workersFewest[i], workersAfter[i] - workersBefore[i]);
      }
    }
    assertEquals(0, selfFewest, "bytes allocated by the caller in 100 warm split steps");
    for (int i = 0; i < workers.length; i++) {
      assertEquals(0, workersFewest[i],
          "bytes allocated by worker thread " + workers[i] + " in 100 warm split steps");
    }
  }

  /**
   * Trains a fresh network on batches too small to split on {@code threads} threads, predicting
   * one sample after each step; the losses, the predictions and the final parameters.
   */
  private static float[][] trainAndPredictSmall(int threads) {
    Model model = new ParallelNets_LargeFirstNet(3);
    model.setThreads(threads);
    int samples = ParallelNets_LargeFirstNet.PARALLEL_MIN_BATCH - 1;
    assertTrue(samples >= 1, "PARALLEL_MIN_BATCH " + ParallelNets_LargeFirstNet.PARALLEL_MIN_BATCH);
    Rng rng = new Rng(6);
    float[][] input = Batches.toFloat(Batches.gaussian(samples, model.inputSize(), rng));
    float[][] target =
        Batches.toFloat(Batches.targets(model.loss(), samples, model.outputSize(), rng));
    Adam adam = new Adam(0.01f);
    List<float[]> values = new ArrayList<>();
    int steps = 300;
    float[] losses = new float[steps];
    for (int step = 0; step < steps; step++) {
      int n = 1 + step % samples;
      model.forward(input, n, true);
      losses[step] = model.backward(target);
      model.step(adam);
      float[] single = new float[model.outputSize()];
      model.predict(input[step % samples], single);
      values.add(single);
    }
    values.add(losses);
    for (Tensor tensor : model.parameters()) {
      for (float[] row : tensor.values()) {
        values.add(row.clone());
      }
    }
    return values.toArray(new float[0][]);
  }

  /** Trains a fresh network for a few steps on {@code threads} threads; its parameters. */
  private static float[][] train(int threads) {
    return train(() -> new ParallelNets_WideNet(3), threads);
  }

  /** Trains a network from {@code network} for a few steps on {@code threads} threads. */
  private static float[][] train(java.util.function.Supplier<Model> network, int threads) {
    Model model = network.get();
    model.setThreads(threads);
    Rng rng = new Rng(4);
    float[][] input = Batches.toFloat(Batches.gaussian(BATCH, model.inputSize(), rng));
    float[][] target =
        Batches.toFloat(Batches.targets(model.loss(), BATCH, model.outputSize(), rng));
    Adam adam = new Adam(0.01f);
    List<float[]> values = new ArrayList<>();
    float[] losses = new float[5];
    for (int step = 0; step < losses.length; step++) {
      model.forward(input, BATCH, true);
      losses[step] = model.backward(target);
      model.step(adam);
    }
    values.add(losses);
    values.add(model.forward(input, BATCH, false)[BATCH - 1].clone());
    for (Tensor tensor : model.parameters()) {
      for (float[] row : tensor.values()) {
        values.add(row.clone());
      }
      for (float[] row : tensor.gradients()) {
        values.add(row.clone());
      }
    }
    return values.toArray(new float[0][]);
  }

  private static double[] gradientsOfDouble(DoubleModel model, int threads) {
    model.setThreads(threads);
    Rng rng = new Rng(8);
    double[][] input = Batches.gaussian(BATCH, model.inputSize(), rng);
    double[][] target = Batches.targets(model.loss(), BATCH, model.outputSize(), rng);
    model.forward(input, BATCH, true);
    double loss = model.backward(target);
    List<Double> all = new ArrayList<>();
    all.add(loss);
    model.parameters().forEach(t -> {
      for (double[] row : t.gradients()) {
        for (double v : row) {
          all.add(v);
        }
      }
    });
    return all.stream().mapToDouble(Double::doubleValue).toArray();
  }

  /** The ids of the networks' worker threads. */
  private static long[] workerIds() {
    List<Long> ids = new ArrayList<>();
    for (Thread thread : Thread.getAllStackTraces().keySet()) {
      if (thread.getName().startsWith("dendrite-worker-")) {
        ids.add(thread.getId());
      }
    }
    return ids.stream().mapToLong(Long::longValue).toArray();
  }

  private static long[] allocated(long[] ids) {
    long[] bytes = new long[ids.length];
    for (int i = 0; i < ids.length; i++) {
      bytes[i] = THREADS.getThreadAllocatedBytes(ids[i]);
    }
    return bytes;
  }
}
