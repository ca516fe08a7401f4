package dev.dendrite.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dendrite.random.Rng;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DatasetTest {

  /** Sample i has features {i, 2i} and target {i}, so every row names its sample. */
  static Dataset numbered(int n) {
    float[][] x = new float[n][];
    float[][] y = new float[n][];
    for (int i = 0; i < n; i++) {
      x[i] = new float[] {i, 2 * i};
      y[i] = new float[] {i};
    }
    return Dataset.of(x, y);
  }

  private static Set<Integer> ids(Dataset d) {
    Set<Integer> ids = new HashSet<>();
    for (int i = 0; i < d.size(); i++) {
      assertEquals(d.features(i)[0], d.targets(i)[0], "features and targets stay paired");
      ids.add((int) d.targets(i)[0]);
    }
    return ids;
  }

  @Test
  void oneHotPutsAOneAtEachLabel() {
    assertArrayEquals(new float[][] {{0, 1, 0}, {1, 0, 0}, {0, 0, 1}},
        Dataset.oneHot(new int[] {1, 0, 2}, 3));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Dataset.oneHot(new int[] {0, 3}, 3));
    assertTrue(e.getMessage().contains("label 1 is 3, outside [0, 3)"), e.getMessage());
  }

  @Test
  void labelsComeBackFromTargets() {
    Dataset hot = Dataset.ofLabels(new float[][] {{0}, {0}, {0}}, new int[] {2, 0, 1}, 3, false);
    assertArrayEquals(new int[] {2, 0, 1}, hot.labels());
    Dataset binary = Dataset.ofLabels(new float[][] {{0}, {0}}, new int[] {1, 0}, 2, true);
    assertEquals(1, binary.targetCount());
    assertArrayEquals(new int[] {1, 0}, binary.labels());
    assertEquals(1, Dataset.classOf(new float[] {0.5f}));
    assertEquals(0, Dataset.classOf(new float[] {0.49f}));
  }

  @Test
  void splitPartitionsTheShuffledSamples() {
    Dataset data = numbered(100);
    Dataset.Splits splits = data.split(0.7, 0.2, 5);
    assertEquals(70, splits.train().size());
    assertEquals(20, splits.validation().size());
    assertEquals(10, splits.test().size());
    Set<Integer> all = new HashSet<>();
    all.addAll(ids(splits.train()));
    all.addAll(ids(splits.validation()));
    all.addAll(ids(splits.test()));
    assertEquals(100, all.size(), "every sample in exactly one part");
    assertEquals(ids(data.split(0.7, 0.2, 5).train()), ids(splits.train()), "same seed");
    assertNotEquals(ids(data.split(0.7, 0.2, 6).train()), ids(splits.train()), "another seed");
    Dataset.Splits two = data.split(0.8, 0.2, 1);
    assertEquals(80, two.train().size());
    assertNull(two.test());
    assertThrows(IllegalArgumentException.class, () -> data.split(0.9, 0.2, 1));
    assertThrows(IllegalArgumentException.class, () -> numbered(3).split(0.5, 0.2, 1));
  }

  @Test
  void shuffledIsAPermutationFromTheSeed() {
    Dataset data = numbered(50);
    Dataset a = data.shuffled(9);
    assertEquals(ids(data), ids(a));
    float[] first = new float[50];
    for (int i = 0; i < 50; i++) {
      first[i] = a.targets(i)[0];
      assertEquals(first[i], data.shuffled(9).targets(i)[0]);
    }
    float[] identity = new float[50];
    for (int i = 0; i < 50; i++) {
      identity[i] = i;
    }
    assertTrue(!Arrays.equals(identity, first));
    assertSame(data.features(3), data.select(new int[] {3}).features(0), "rows are shared");
  }

  @Test
  void bootstrapDrawsWithReplacement() {
    Dataset sample = numbered(200).bootstrap(new Rng(1));
    assertEquals(200, sample.size());
    int distinct = ids(sample).size();
    // About 1 - 1/e = 63% of the samples appear in a bootstrap sample.
    assertTrue(distinct > 100 && distinct < 150, "distinct samples: " + distinct);
  }

  @Test
  void standardizerUsesTheStatisticsOfItsReferenceData() {
    Dataset train = Dataset.of(new float[][] {{1, 5}, {3, 5}, {5, 5}}, new float[][] {{0}, {0},
        {0}});
    Standardizer standardizer = train.standardizer();
    assertArrayEquals(new float[] {3, 5}, standardizer.mean());
    assertEquals(Math.sqrt(8.0 / 3), standardizer.std()[0], 1e-6);
    assertEquals(0f, standardizer.std()[1], "a constant feature");
    Dataset scaled = standardizer.apply(train);
    assertEquals(-Math.sqrt(1.5), scaled.features(0)[0], 1e-6);
    assertEquals(0f, scaled.features(1)[0]);
    assertEquals(0f, scaled.features(2)[1], "a constant feature is only centred");
    Dataset test = Dataset.of(new float[][] {{7, 6}}, new float[][] {{1}});
    assertEquals(4 / Math.sqrt(8.0 / 3), standardizer.apply(test).features(0)[0], 1e-6);
    assertEquals(1f, standardizer.apply(test).features(0)[1]);
    assertEquals(1f, train.features(0)[0], "the original rows are left alone");
    Dataset wider = Dataset.of(new float[][] {{1, 2, 3}}, new float[][] {{0}});
    assertThrows(IllegalArgumentException.class, () -> standardizer.apply(wider));
  }

  @Test
  void imagesScaleFromBytesToMinusOneToOne() {
    Dataset images = Dataset.of(new float[][] {{0, 127.5f, 255, 63.75f}}, new float[][] {{1}});
    assertArrayEquals(new float[] {-1, 0, 1, -0.5f}, images.scaledImages().features(0));
    assertEquals(0f, images.features(0)[0]);
  }

  @Test
  void malformedRowsAreRejectedWithTheRow() {
    IllegalArgumentException ragged = assertThrows(IllegalArgumentException.class,
        () -> Dataset.of(new float[][] {{1, 2}, {3}}, new float[][] {{0}, {1}}));
    assertTrue(ragged.getMessage().contains("feature row 1 has 1 values, but row 0 has 2"),
        ragged.getMessage());
    IllegalArgumentException counts = assertThrows(IllegalArgumentException.class,
        () -> Dataset.of(new float[][] {{1}}, new float[][] {{0}, {1}}));
    assertTrue(counts.getMessage().contains("1 feature rows but 2 target rows"),
        counts.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> Dataset.of(new float[][] {{1}, null}, new float[][] {{0}, {1}}));
    assertThrows(IllegalArgumentException.class,
        () -> Dataset.of(new float[0][], new float[0][]));
  }
}
