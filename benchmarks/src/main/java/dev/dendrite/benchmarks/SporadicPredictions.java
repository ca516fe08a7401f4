package dev.dendrite.benchmarks;

import java.util.Arrays;
import java.util.concurrent.locks.LockSupport;

/**
 * One prediction of the 784-256-128-10 network when predictions come far apart, as requests to a
 * service do: the calling thread sleeps for the gap before each of 1,000 predictions, and only the
 * prediction is timed; the median and the 90th percentile, three rounds after 20,000 predictions
 * of warm-up. With a gap longer than the 200 us a waiting thread spins, the network's other
 * threads have parked by the time each prediction starts.
 *
 * <pre>
 * java [--add-modules jdk.incubator.vector -Ddendrite.vector=true] \
 *   -cp benchmarks/target/benchmarks.jar dev.dendrite.benchmarks.SporadicPredictions threads gapMicros
 * </pre>
 */
public final class SporadicPredictions {

  private static final int PREDICTIONS = 1_000;

  private SporadicPredictions() {}

  public static void main(String[] args) {
    int threads = args.length > 0 ? Integer.parseInt(args[0]) : 2;
    long gapMicros = args.length > 1 ? Long.parseLong(args[1]) : 1000;
    DigitsNet net = new DigitsNet(1);
    net.setThreads(threads);
    float[] input = DigitsInternals.sample();
    float[] output = new float[DigitsNet.OUTPUT_SIZE];
    for (int i = 0; i < 20_000; i++) {
      net.predict(input, output);
    }
    for (int round = 0; round < 3; round++) {
      long[] times = new long[PREDICTIONS];
      for (int i = 0; i < times.length; i++) {
        LockSupport.parkNanos(gapMicros * 1000);
        long start = System.nanoTime();
        net.predict(input, output);
        times[i] = System.nanoTime() - start;
      }
      Arrays.sort(times);
      System.out.printf("%d thread(s), predictions %d us apart: median %.1f us, 90th percentile"
          + " %.1f us%n", threads, gapMicros, times[PREDICTIONS / 2] / 1e3,
          times[PREDICTIONS * 9 / 10] / 1e3);
    }
  }
}
