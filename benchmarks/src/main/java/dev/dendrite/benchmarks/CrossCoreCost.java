package dev.dendrite.benchmarks;

import java.util.Arrays;

/**
 * What it costs when the two cores take turns with the same cache lines, as the threads of a
 * split training step do with the weights: a sample split has both threads read every weight in
 * the forward pass, and the optimizer's step then writes each row on one of them. Times, on an
 * array the size of half the large network's first-layer weights (100,352 floats, 392 KB):
 * <ul>
 *   <li>one thread writing every value, then reading every line, again and again;
 *   <li>the calling thread writing every value while the other core holds the lines from its last
 *       read, and the other core then reading every line the caller has just written.
 * </ul>
 * The medians over 2,000 rounds after 2,000 rounds of warm-up. A loop harness, not JMH: the
 * point is the ratio between the two, in the same run.
 *
 * <p>{@code java -cp benchmarks/target/benchmarks.jar dev.dendrite.benchmarks.CrossCoreCost}
 */
public final class CrossCoreCost {

  private static final int VALUES = 784 * 256 / 2;
  private static final int FLOATS_PER_LINE = 16;
  private static final int ROUNDS = 2_000;

  private static volatile int turn;
  private static float sink;

  private CrossCoreCost() {}

  public static void main(String[] args) throws InterruptedException {
    float[] values = new float[VALUES];
    for (int repeat = 0; repeat < 3; repeat++) {
      long[][] alone = alone(values);
      long[][] shared = shared(values);
      System.out.printf("%d KB, median in us: one core writes %.1f, reads back %.1f; "
              + "writes lines the other core read %.1f, the other core reads them %.1f%n",
          VALUES * 4 / 1024, median(alone[0]), median(alone[1]), median(shared[0]),
          median(shared[1]));
    }
  }

  /** Write and read times, in ns per round, with one thread. */
  private static long[][] alone(float[] values) {
    long[] write = new long[ROUNDS];
    long[] read = new long[ROUNDS];
    for (int round = -ROUNDS; round < ROUNDS; round++) {
      long t0 = System.nanoTime();
      writeAll(values);
      long t1 = System.nanoTime();
      sink += readLines(values);
      long t2 = System.nanoTime();
      if (round >= 0) {
        write[round] = t1 - t0;
        read[round] = t2 - t1;
      }
    }
    return new long[][] {write, read};
  }

  /**
   * Write times on the calling thread and read times on the other, in ns per round, the two
   * threads taking turns through a volatile counter.
   */
  private static long[][] shared(float[] values) throws InterruptedException {
    long[] write = new long[ROUNDS];
    long[] read = new long[ROUNDS];
    turn = 0;
    Thread reader = new Thread(() -> {
      for (int round = -ROUNDS; round < ROUNDS; round++) {
        int mine = 2 * (round + ROUNDS) + 1;
        while (turn != mine) {
          Thread.onSpinWait();
        }
        long t0 = System.nanoTime();
        float sum = readLines(values);
        long t1 = System.nanoTime();
        sink += sum;
        if (round >= 0) {
          read[round] = t1 - t0;
        }
        turn = mine + 1;
      }
    });
    reader.start();
    for (int round = -ROUNDS; round < ROUNDS; round++) {
      int mine = 2 * (round + ROUNDS);
      while (turn != mine) {
        Thread.onSpinWait();
      }
      long t0 = System.nanoTime();
      writeAll(values);
      long t1 = System.nanoTime();
      if (round >= 0) {
        write[round] = t1 - t0;
      }
      turn = mine + 1;
    }
    reader.join();
    return new long[][] {write, read};
  }

  private static void writeAll(float[] values) {
    for (int i = 0; i < values.length; i++) {
      values[i] += 1e-7f;
    }
  }

  private static float readLines(float[] values) {
    float sum = 0f;
    for (int i = 0; i < values.length; i += FLOATS_PER_LINE) {
      sum += values[i];
    }
    return sum;
  }

  private static double median(long[] nanos) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2] / 1000.0;
  }
}
