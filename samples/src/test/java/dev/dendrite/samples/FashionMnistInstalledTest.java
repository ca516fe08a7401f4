package dev.dendrite.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

/**
 * The real Fashion-MNIST files, where they are installed: the counts of the distribution. The
 * sample's code path itself is tested on synthetic files in {@link FashionMnistDemoTest}.
 */
@EnabledIf("installed")
class FashionMnistInstalledTest {

  static boolean installed() {
    return FashionMnist.isInstalled(Path.of(FashionMnist.DEFAULT_FOLDER));
  }

  @Test
  void sixtyThousandTrainingAndTenThousandTestImagesOfTenBalancedClasses() throws IOException {
    FashionMnist.Data data = FashionMnist.load(Path.of(FashionMnist.DEFAULT_FOLDER));
    assertEquals(60_000, data.train().size());
    assertEquals(10_000, data.test().size());
    assertEquals(784, data.train().featureCount());
    int[] train = new int[10];
    for (int label : data.train().labels()) {
      train[label]++;
    }
    int[] test = new int[10];
    for (int label : data.test().labels()) {
      test[label]++;
    }
    for (int c = 0; c < 10; c++) {
      assertEquals(6_000, train[c], FashionMnist.CLASSES.get(c));
      assertEquals(1_000, test[c], FashionMnist.CLASSES.get(c));
    }
  }
}
