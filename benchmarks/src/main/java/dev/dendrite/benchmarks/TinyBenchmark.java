package dev.dendrite.benchmarks;

import dev.dendrite.optim.Sgd;
import java.util.concurrent.TimeUnit;
import org.ejml.data.FMatrixRMaj;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The tiny network, 2 -> 20 ReLU -> 1 sigmoid with binary cross-entropy: one single-sample SGD
 * training step and one single-sample prediction, generated against EJML.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class TinyBenchmark {

  private static final float RATE = 0.05f;

  private final TinyNet net = new TinyNet(1);
  private final Sgd sgd = Sgd.plain(RATE);
  private final EjmlMlp ejml = new EjmlMlp(new int[] {2, 20, 1}, false, 1, 1);
  private final float[][] input = {{0.3f, -0.7f}};
  private final float[][] target = {{1f}};
  private final float[] point = input[0];
  private final float[] prediction = new float[1];
  private final FMatrixRMaj ejmlInput = new FMatrixRMaj(input);
  private final FMatrixRMaj ejmlTarget = new FMatrixRMaj(target);

  @Setup
  public void setUp() {
    net.setThreads(1);
  }

  @Benchmark
  public float trainStepDendrite() {
    net.forward(input, 1, true);
    float loss = net.backward(target);
    sgd.step(net.parameters());
    return loss;
  }

  @Benchmark
  public float trainStepEjml() {
    ejml.forward(ejmlInput);
    float loss = ejml.backward(ejmlTarget);
    ejml.sgd(RATE);
    return loss;
  }

  @Benchmark
  public float[] predictDendrite() {
    net.predict(point, prediction);
    return prediction;
  }

  @Benchmark
  public FMatrixRMaj predictEjml() {
    return ejml.forward(ejmlInput);
  }
}
