package dev.dendrite.benchmarks;

import dev.dendrite.optim.Adam;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The large network, 784 -> 256 ReLU -> 128 ReLU -> 10 softmax with categorical cross-entropy
 * and Adam: a training step at batch 128, a prediction of 1000 samples, a single-sample
 * prediction, of the generated network on {@code threads} threads; {@link DigitsEjmlBenchmark}
 * is the same for EJML, {@link DigitsEpochBenchmark} the epoch over 60,000 samples.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class DigitsBenchmark {

  static final int BATCH = 128;
  static final int PREDICT_BATCH = 1000;

  @Param({"1", "2"})
  public int threads;

  private DigitsNet net;
  private Adam adam;
  private DigitsData data;
  private float[][] batch;
  private float[][] batchTargets;
  private float[][] predictions;
  private float[] single;
  private float[] singleOut;

  @Setup(Level.Trial)
  public void setUp() {
    net = new DigitsNet(1);
    net.setThreads(threads);
    adam = new Adam();
    data = new DigitsData(PREDICT_BATCH, 2);
    batch = new float[BATCH][];
    batchTargets = new float[BATCH][];
    for (int s = 0; s < BATCH; s++) {
      batch[s] = data.images[s];
      batchTargets[s] = data.labels[s];
    }
    predictions = new float[PREDICT_BATCH][DigitsData.CLASSES];
    single = data.images[0];
    singleOut = new float[DigitsData.CLASSES];
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    net.setThreads(1);
  }

  @Benchmark
  public float trainStepDendrite() {
    net.forward(batch, BATCH, true);
    float loss = net.backward(batchTargets);
    net.step(adam);
    return loss;
  }



  /**
   * The training forward pass alone at batch 128: {@link #forwardBackwardDendrite} less this is
   * the backward pass.
   */
  @Benchmark
  public float[][] forwardDendrite() {
    return net.forward(batch, BATCH, true);
  }

  /**
   * Forward and backward pass at batch 128 without the optimizer step: loss, gradients through
   * the layers and every parameter gradient, most of it the first layer's weight gradient.
   */
  @Benchmark
  public float forwardBackwardDendrite() {
    net.forward(batch, BATCH, true);
    return net.backward(batchTargets);
  }

  @Benchmark
  public float[][] predictBatchDendrite() {
    net.predict(data.images, PREDICT_BATCH, predictions);
    return predictions;
  }



  @Benchmark
  public float[] predictSingleDendrite() {
    net.predict(single, singleOut);
    return singleOut;
  }


}
