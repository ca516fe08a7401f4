package dev.dendrite.benchmarks;

import dev.dendrite.kernel.Kernels;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@link DigitsBenchmark}'s measurements of the generated network with the Vector API kernels,
 * in a JVM started with {@code --add-modules jdk.incubator.vector -Ddendrite.vector=true}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector",
    "-Ddendrite.vector=true"})
public class VectorDigitsBenchmark {

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
    if (Kernels.VECTOR == null) {
      throw new IllegalStateException("expected the Vector API kernels: " + Kernels.describe());
    }
    net = new DigitsNet(1);
    net.setThreads(threads);
    adam = new Adam();
    data = new DigitsData(DigitsBenchmark.PREDICT_BATCH, 2);
    batch = new float[DigitsBenchmark.BATCH][];
    batchTargets = new float[DigitsBenchmark.BATCH][];
    for (int s = 0; s < DigitsBenchmark.BATCH; s++) {
      batch[s] = data.images[s];
      batchTargets[s] = data.labels[s];
    }
    predictions = new float[DigitsBenchmark.PREDICT_BATCH][DigitsData.CLASSES];
    single = data.images[0];
    singleOut = new float[DigitsData.CLASSES];
  }

  @Benchmark
  public float trainStepVector() {
    net.forward(batch, DigitsBenchmark.BATCH, true);
    float loss = net.backward(batchTargets);
    net.step(adam);
    return loss;
  }

  @Benchmark
  public float[][] predictBatchVector() {
    net.predict(data.images, DigitsBenchmark.PREDICT_BATCH, predictions);
    return predictions;
  }

  @Benchmark
  public float[] predictSingleVector() {
    net.predict(single, singleOut);
    return singleOut;
  }
}
