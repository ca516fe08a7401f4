package dev.dendrite.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dendrite.train.Verbosity;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoTest {

  @Test
  void theShippedDigitsAreTheWholeUciTestSet() {
    var digits = Digits.load();
    assertEquals(1797, digits.size());
    assertEquals(64, digits.featureCount());
    int[] perDigit = new int[10];
    for (int label : digits.labels()) {
      perDigit[label]++;
    }
    for (int d = 0; d < 10; d++) {
      assertTrue(perDigit[d] >= 174 && perDigit[d] <= 183, "digit " + d + ": " + perDigit[d]);
    }
  }

  @Test
  void learnsTheDigitsAndWritesItsPlots(@TempDir Path dir) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    Demo.Result result;
    try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
      result = Demo.run(out, dir, Verbosity.QUIET);
    }
    String printed = bytes.toString(StandardCharsets.UTF_8);

    assertTrue(result.testAccuracy() >= 0.95, "test accuracy " + result.testAccuracy());
    assertEquals(271, result.evaluation().confusion().total(), "15% of 1,797 digits");
    assertEquals(result.testAccuracy(), result.evaluation().confusion().accuracy(), 1e-9);

    assertTrue(printed.contains("Total params: 4,810"), "the summary");
    assertTrue(printed.contains(String.format(Locale.ROOT, "test accuracy %.4f", result.testAccuracy())),
        printed);
    assertTrue(printed.contains("actual\\pred"), "the confusion matrix");
    assertTrue(printed.contains(FashionMnistDemo.COMMAND), "how to run the larger sample");

    assertEquals(List.of(dir.resolve("training-curves.png"), dir.resolve("test-predictions.png")),
        result.files());
    for (Path file : result.files()) {
      assertNotNull(ImageIO.read(file.toFile()), file + " is a PNG");
      assertTrue(printed.contains(file.toString()), "the demo names " + file);
    }
  }

  @Test
  void theSameSeedGivesTheSameResult(@TempDir Path dir) throws IOException {
    PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    Demo.Result first = Demo.run(quiet, dir, Verbosity.QUIET);
    Demo.Result second = Demo.run(quiet, dir, Verbosity.QUIET);
    assertEquals(first.history().get("loss"), second.history().get("loss"));
    assertEquals(first.testAccuracy(), second.testAccuracy());
  }
}
