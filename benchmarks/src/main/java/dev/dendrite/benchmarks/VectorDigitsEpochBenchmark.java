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

/** {@link DigitsEpochBenchmark} with the Vector API kernels. */
@State(Scope.Thread)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "--add-modules", "jdk.incubator.vector",
    "-Ddendrite.vector=true"})
public class VectorDigitsEpochBenchmark {

  @Param({"1", "2"})
  public int threads;

  private DigitsData data;
  private DigitsNet net;
  private Adam adam;
  private float[][] batch;
  private float[][] batchTargets;

  @Setup(Level.Trial)
  public void setUp() {
    if (Kernels.VECTOR == null) {
      throw new IllegalStateException("expected the Vector API kernels: " + Kernels.describe());
    }
    data = new DigitsData(DigitsEpochBenchmark.SAMPLES, 3);
    net = new DigitsNet(1);
    net.setThreads(threads);
    adam = new Adam();
    batch = new float[DigitsEpochBenchmark.BATCH][];
    batchTargets = new float[DigitsEpochBenchmark.BATCH][];
  }

  @Benchmark
  public float epochVector() {
    float loss = 0f;
    int samples = DigitsEpochBenchmark.SAMPLES;
    int size = DigitsEpochBenchmark.BATCH;
    for (int start = 0; start < samples; start += size) {
      int n = Math.min(size, samples - start);
      for (int s = 0; s < n; s++) {
        batch[s] = data.images[start + s];
        batchTargets[s] = data.labels[start + s];
      }
      net.forward(batch, n, true);
      loss = net.backward(batchTargets);
      net.step(adam);
    }
    return loss;
  }
}
