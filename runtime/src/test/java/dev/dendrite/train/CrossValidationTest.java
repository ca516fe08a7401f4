package dev.dendrite.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dendrite.data.Dataset;
import dev.dendrite.optim.Sgd;
import java.util.List;
import org.junit.jupiter.api.Test;

class CrossValidationTest {

  @Test
  void foldsPartitionTheSamplesExactly() {
    for (int[] sizeAndK : new int[][] {{10, 2}, {23, 5}, {100, 10}, {7, 7}}) {
      int size = sizeAndK[0];
      int k = sizeAndK[1];
      List<CrossValidation.Fold> folds = CrossValidation.folds(size, k, 3);
      assertEquals(k, folds.size());
      int[] heldOut = new int[size];
      for (CrossValidation.Fold fold : folds) {
        assertEquals(size, fold.train().length + fold.validation().length);
        int expected = size / k + (fold.index() < size % k ? 1 : 0);
        assertEquals(expected, fold.validation().length, "fold sizes differ by at most one");
        boolean[] inFold = new boolean[size];
        for (int i : fold.validation()) {
          heldOut[i]++;
          inFold[i] = true;
        }
        for (int i : fold.train()) {
          assertTrue(!inFold[i], "sample " + i + " both trained on and held out");
          inFold[i] = true;
        }
        for (boolean covered : inFold) {
          assertTrue(covered, "every sample is in the fold's training or validation part");
        }
      }
      for (int i = 0; i < size; i++) {
        assertEquals(1, heldOut[i], "sample " + i + " held out exactly once");
      }
    }
  }

  @Test
  void foldsDependOnTheSeedOnly() {
    List<CrossValidation.Fold> a = CrossValidation.folds(30, 3, 1);
    List<CrossValidation.Fold> b = CrossValidation.folds(30, 3, 1);
    List<CrossValidation.Fold> c = CrossValidation.folds(30, 3, 2);
    assertArrayEquals(a.get(0).validation(), b.get(0).validation());
    assertNotEquals(java.util.Arrays.toString(a.get(0).validation()),
        java.util.Arrays.toString(c.get(0).validation()));
    assertThrows(IllegalArgumentException.class, () -> CrossValidation.folds(5, 1, 0));
    assertThrows(IllegalArgumentException.class, () -> CrossValidation.folds(5, 6, 0));
  }

  @Test
  void runTrainsAFreshNetworkPerFoldAndEvaluatesItOnTheHeldOutFold() {
    Dataset data = TrainerTest.blobs(50, 4);
    int[] made = new int[1];
    CrossValidation.Result result = CrossValidation.run(data, 5, 7, fold -> {
      made[0]++;
      return new Trainer(TinyNet.classifier(fold), Sgd.plain(0.5f)).epochs(10).batchSize(5)
          .metrics(Metrics.ACCURACY).quiet();
    });
    assertEquals(5, made[0]);
    assertEquals(5, result.evaluations().size());
    int samples = 0;
    double sum = 0;
    for (Evaluation e : result.evaluations()) {
      samples += e.samples();
      sum += e.get("accuracy");
    }
    assertEquals(50, samples, "the held-out folds cover the data once");
    assertEquals(sum / 5, result.mean("accuracy"), 1e-12);
    assertTrue(result.mean("accuracy") > 0.9, result.toString());
    assertTrue(result.standardDeviation("accuracy") >= 0);
    assertEquals(10, result.histories().get(0).epochs());
  }
}
