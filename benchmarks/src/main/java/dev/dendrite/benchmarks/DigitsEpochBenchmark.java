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
import org.openjdk.jmh.annotations.Warmup;

/**
 * One epoch of the large network over 60,000 samples in batches of 128 with Adam (468 full
 * batches and one of 96), generated on {@code threads} threads; {@link DigitsEjmlBenchmark} has
 * EJML's epoch. Batches are taken in order; the generated network reads rows in place.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class DigitsEpochBenchmark {

  static final int SAMPLES = 60_000;
  static final int BATCH = DigitsBenchmark.BATCH;

  @Param({"1", "2"})
  public int threads;

  private DigitsData data;
  private DigitsNet net;
  private Adam adam;
  private float[][] batch;
  private float[][] batchTargets;

  @Setup(Level.Trial)
  public void setUp() {
    data = new DigitsData(SAMPLES, 3);
    net = new DigitsNet(1);
    net.setThreads(threads);
    adam = new Adam();
    batch = new float[BATCH][];
    batchTargets = new float[BATCH][];
  }

  @Benchmark
  public float epochDendrite() {
    float loss = 0f;
    for (int start = 0; start < SAMPLES; start += BATCH) {
      int n = Math.min(BATCH, SAMPLES - start);
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
