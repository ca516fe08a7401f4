package dev.dendrite.parallel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WorkersTest {

  /** Counts how often each part ran, and checks that every call saw the pool's thread count. */
  private static final class Counting implements Workers.Task {
    final AtomicIntegerArray runs;
    final int expectedParts;

    Counting(int parts) {
      runs = new AtomicIntegerArray(parts);
      expectedParts = parts;
    }

    @Override
    public void run(int part, int parts) {
      assertEquals(expectedParts, parts);
      runs.incrementAndGet(part);
    }

    int[] counts() {
      int[] counts = new int[runs.length()];
      for (int p = 0; p < counts.length; p++) {
        counts[p] = runs.get(p);
      }
      return counts;
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3, 4})
  void runAndShareRunEveryPartOnceEachTimeTheyAreInterleaved(int threads) {
    int rounds = 5_000;
    Counting fixed = new Counting(threads);
    Counting shared = new Counting(threads);
    try (Workers workers = new Workers(threads)) {
      for (int round = 0; round < rounds; round++) {
        // two shared tasks in a row, then a fixed one: a helper that comes late to a shared task
        // must neither take a part of the next one nor run the fixed one twice
        workers.share(shared);
        workers.share(shared);
        workers.run(fixed);
      }
    }
    int[] twice = new int[threads];
    int[] once = new int[threads];
    for (int p = 0; p < threads; p++) {
      twice[p] = 2 * rounds;
      once[p] = rounds;
    }
    assertArrayEquals(twice, shared.counts());
    assertArrayEquals(once, fixed.counts());
  }

  @Test
  void shareFinishesEveryPartAfterTheHelpersHaveParked() {
    Counting shared = new Counting(2);
    try (Workers workers = new Workers(2)) {
      for (int round = 0; round < 20; round++) {
        // well past the 200 us a waiting helper spins
        LockSupport.parkNanos(2_000_000L);
        workers.share(shared);
        assertEquals(round + 1, shared.runs.get(0));
        assertEquals(round + 1, shared.runs.get(1));
      }
    }
  }

  @Test
  void everyPartSeesTheValuesWrittenBeforeShareAndTheCallerSeesTheirResults() {
    int[] input = new int[2];
    int[] output = new int[2];
    try (Workers workers = new Workers(2)) {
      for (int round = 1; round <= 10_000; round++) {
        input[0] = round;
        input[1] = -round;
        workers.share((part, parts) -> output[part] = 3 * input[part]);
        assertEquals(3 * round, output[0]);
        assertEquals(-3 * round, output[1]);
      }
    }
  }

  @Test
  void aFailingSharedPartIsRethrownOnTheCaller() {
    IllegalArgumentException failure = new IllegalArgumentException("part 1 failed");
    try (Workers workers = new Workers(2)) {
      IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class,
          () -> workers.share((part, parts) -> {
            if (part == 1) {
              throw failure;
            }
          }));
      assertSame(failure, thrown);
      // the pool still works afterwards
      Counting shared = new Counting(2);
      workers.share(shared);
      assertArrayEquals(new int[] {1, 1}, shared.counts());
    }
  }

  @Test
  void aCheckedFailureIsWrapped() {
    try (Workers workers = new Workers(2)) {
      Exception checked = new Exception("checked");
      IllegalStateException thrown = assertThrows(IllegalStateException.class,
          () -> workers.share((part, parts) -> {
            if (part == 0) {
              sneakyThrow(checked);
            }
          }));
      assertSame(checked, thrown.getCause());
    }
  }

  @Test
  void closedWorkersRefuseBothKindsOfTask() {
    Workers workers = new Workers(2);
    workers.close();
    Counting task = new Counting(2);
    assertThrows(IllegalStateException.class, () -> workers.share(task));
    assertThrows(IllegalStateException.class, () -> workers.run(task));
    assertArrayEquals(new int[] {0, 0}, task.counts());
  }

  @Test
  void workersOwnedByAnObjectStopTheirHelpersOnceItIsGarbage() throws InterruptedException {
    Object owner = new Object();
    Workers workers = Workers.ownedBy(owner, 2);
    Thread[] helper = new Thread[1];
    workers.run((part, parts) -> {
      if (part == 1) {
        helper[0] = Thread.currentThread();
      }
    });
    assertNotSame(Thread.currentThread(), helper[0]);
    assertTrue(helper[0].isAlive());
    owner = null;
    long deadline = System.nanoTime() + 20_000_000_000L;
    while (helper[0].isAlive() && System.nanoTime() < deadline) {
      System.gc();
      helper[0].join(100);
    }
    assertFalse(helper[0].isAlive(), "the helper still runs after its owner became garbage");
    assertThrows(IllegalStateException.class, () -> workers.run((part, parts) -> { }));
  }

  @SuppressWarnings("unchecked")
  private static <T extends Throwable> void sneakyThrow(Throwable t) throws T {
    throw (T) t;
  }
}
