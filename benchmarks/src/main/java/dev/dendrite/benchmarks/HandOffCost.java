package dev.dendrite.benchmarks;

import dev.dendrite.parallel.Workers;

/**
 * What handing an empty task to a second thread of {@link Workers} and waiting for it costs, after
 * the calling thread has been busy for a while on its own: as long as the other thread still
 * spins, the hand-off is one round trip between the cores; once it has parked, it includes waking
 * it. The mean over 2,000 hand-offs for each gap, after two rounds of warm-up. A loop harness, not
 * JMH: the gap is busy time on the calling thread, between the hand-offs.
 *
 * <p>{@code java -cp benchmarks/target/benchmarks.jar dev.dendrite.benchmarks.HandOffCost}
 */
public final class HandOffCost {

  private static final long[] GAPS_MICROS = {0, 5, 20, 50, 100, 300, 1000};
  private static final int HAND_OFFS = 2_000;

  private static double sink;

  private HandOffCost() {}

  public static void main(String[] args) {
    try (Workers workers = new Workers(2)) {
      Workers.Task empty = (part, parts) -> { };
      for (int round = 0; round < 3; round++) {
        StringBuilder line = new StringBuilder("hand-off after a gap of");
        for (long gap : GAPS_MICROS) {
          long total = 0;
          for (int i = 0; i < HAND_OFFS; i++) {
            busy(gap * 1000);
            long start = System.nanoTime();
            workers.run(empty);
            total += System.nanoTime() - start;
          }
          line.append(String.format(" %d us: %.1f us;", gap, total / 1000.0 / HAND_OFFS));
        }
        if (round == 2) {
          System.out.println(line);
        }
      }
    }
  }

  /** Keeps the calling thread busy for {@code nanos}. */
  private static void busy(long nanos) {
    long end = System.nanoTime() + nanos;
    double x = 1;
    while (System.nanoTime() < end) {
      x = x * 1.0000001 + 1e-9;
    }
    sink += x;
  }
}
