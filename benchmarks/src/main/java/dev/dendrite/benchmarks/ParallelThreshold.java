package dev.dendrite.benchmarks;

import dev.dendrite.Model;
import dev.dendrite.parallel.Workers;
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
 * The two costs behind the planner's {@code PARALLEL_MIN_FLOPS}: what handing an empty task to
 * a second thread and waiting for it costs ({@code handOff}), and what a forward and backward
 * pass of the large network costs on one thread at small batches ({@code step}, 1.4 MFLOP per
 * sample). A split training step makes three hand-offs (forward, backward, parameter gradients)
 * and saves about half the step; it pays once half the step is well above three hand-offs.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ParallelThreshold {

  @Param({"1", "2", "4", "8"})
  public int batch;

  private Model net;
  private float[][] input;
  private float[][] target;
  private Workers workers;
  private final int[] counter = new int[2];
  private final Workers.Task task = (part, parts) -> counter[part]++;

  @Setup(Level.Trial)
  public void setUp() {
    net = new DigitsNet(1);
    net.setThreads(1);
    DigitsData data = new DigitsData(batch, 4);
    input = data.images;
    target = data.labels;
    workers = new Workers(2);
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    workers.close();
  }

  @Benchmark
  public int handOff() {
    workers.run(task);
    return counter[0];
  }

  @Benchmark
  public float step() {
    net.forward(input, batch, true);
    return net.backward(target);
  }
}
