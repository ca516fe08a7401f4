package dev.dendrite.benchmarks;

import dev.dendrite.optim.Adam;
import java.util.concurrent.TimeUnit;
import org.ejml.data.FMatrixRMaj;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Baseline A for the large network: {@link DigitsBenchmark}'s measurements and one epoch, on the
 * plain EJML implementation (single-threaded, as EJML's dense products are). Each epoch batch is
 * copied into EJML's matrix as a Java developer would.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class DigitsEjmlBenchmark {

  private EjmlMlp ejml;
  private DigitsData data;
  private FMatrixRMaj batch;
  private FMatrixRMaj targets;
  private FMatrixRMaj predictBatch;
  private FMatrixRMaj single;
  private DigitsData epochData;
  private FMatrixRMaj epochBatch;
  private FMatrixRMaj epochTargets;

  @Setup(Level.Trial)
  public void setUp() {
    ejml = new EjmlMlp(new int[] {784, 256, 128, 10}, true, DigitsBenchmark.PREDICT_BATCH, 1);
    data = new DigitsData(DigitsBenchmark.PREDICT_BATCH, 2);
    float[][] images = new float[DigitsBenchmark.BATCH][];
    float[][] labels = new float[DigitsBenchmark.BATCH][];
    for (int s = 0; s < DigitsBenchmark.BATCH; s++) {
      images[s] = data.images[s];
      labels[s] = data.labels[s];
    }
    batch = new FMatrixRMaj(images);
    targets = new FMatrixRMaj(labels);
    predictBatch = new FMatrixRMaj(data.images);
    single = new FMatrixRMaj(new float[][] {data.images[0]});
    epochData = new DigitsData(DigitsEpochBenchmark.SAMPLES, 3);
    epochBatch = new FMatrixRMaj(DigitsBenchmark.BATCH, DigitsData.INPUTS);
    epochTargets = new FMatrixRMaj(DigitsBenchmark.BATCH, DigitsData.CLASSES);
  }

  @Benchmark
  public float trainStepEjml() {
    ejml.forward(batch);
    float loss = ejml.backward(targets);
    ejml.adam(Adam.DEFAULT_LEARNING_RATE);
    return loss;
  }

  @Benchmark
  public FMatrixRMaj predictBatchEjml() {
    return ejml.forward(predictBatch);
  }

  @Benchmark
  public FMatrixRMaj predictSingleEjml() {
    return ejml.forward(single);
  }

  /** One epoch; a single shot of several seconds, so timed once per iteration. */
  @Benchmark
  @BenchmarkMode(Mode.SingleShotTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  @Warmup(iterations = 1)
  @Measurement(iterations = 3)
  public float epochEjml() {
    float loss = 0f;
    int samples = DigitsEpochBenchmark.SAMPLES;
    int size = DigitsBenchmark.BATCH;
    for (int start = 0; start < samples; start += size) {
      int n = Math.min(size, samples - start);
      epochBatch.reshape(n, DigitsData.INPUTS);
      epochTargets.reshape(n, DigitsData.CLASSES);
      for (int s = 0; s < n; s++) {
        System.arraycopy(epochData.images[start + s], 0, epochBatch.data, s * DigitsData.INPUTS,
            DigitsData.INPUTS);
        System.arraycopy(epochData.labels[start + s], 0, epochTargets.data,
            s * DigitsData.CLASSES, DigitsData.CLASSES);
      }
      ejml.forward(epochBatch);
      loss = ejml.backward(epochTargets);
      ejml.adam(Adam.DEFAULT_LEARNING_RATE);
    }
    return loss;
  }
}
