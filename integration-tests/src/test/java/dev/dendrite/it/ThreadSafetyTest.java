package dev.dendrite.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dendrite.Model;
import dev.dendrite.Parameters;
import dev.dendrite.optim.Adam;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The documented contract (see {@link Model}): one instance per thread, the trained parameters
 * copied into each. Several threads predicting at once get exactly the sequential results.
 */
class ThreadSafetyTest {

  private static final int THREADS = 4;
  private static final int ROUNDS = 200;
  private static final int BATCH = 25;

  @Test
  void perThreadInstancesPredictLikeOneThread() throws Exception {
    Model trained = new PersistenceNets_ClassifierNet(21);
    new TrainingFixture(12, 4, 2, 3).train(trained, new Adam(0.01f), 0, 3);

    // Each thread gets its own inputs; the expected outputs come from one thread.
    float[][][] inputs = new float[THREADS][][];
    float[][][] expectedBatches = new float[THREADS][][];
    float[][][] expectedSingles = new float[THREADS][][];
    for (int t = 0; t < THREADS; t++) {
      inputs[t] = ModelFilesRoundTripTest.inputs(BATCH, 12, 100 + t);
      expectedBatches[t] = new float[BATCH][4];
      trained.predict(inputs[t], BATCH, expectedBatches[t]);
      expectedSingles[t] = new float[BATCH][];
      for (int s = 0; s < BATCH; s++) {
        expectedSingles[t][s] = trained.predict(inputs[t][s]);
      }
    }

    List<Model> instances = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      Model copy = new PersistenceNets_ClassifierNet(t);
      Parameters.copy(trained, copy);
      instances.add(copy);
    }

    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<Integer>> results = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        int thread = t;
        results.add(pool.submit(() -> {
          Model model = instances.get(thread);
          float[][] batchOut = new float[BATCH][4];
          float[] single = new float[4];
          start.await();
          int checked = 0;
          for (int round = 0; round < ROUNDS; round++) {
            model.predict(inputs[thread], BATCH, batchOut);
            assertArrayEquals(expectedBatches[thread], batchOut, "batch, round " + round);
            int s = round % BATCH;
            model.predict(inputs[thread][s], single);
            assertArrayEquals(expectedSingles[thread][s], single, "sample " + s);
            checked++;
          }
          return checked;
        }));
      }
      start.countDown();
      for (Future<Integer> result : results) {
        assertEquals(ROUNDS, result.get(60, TimeUnit.SECONDS));
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
