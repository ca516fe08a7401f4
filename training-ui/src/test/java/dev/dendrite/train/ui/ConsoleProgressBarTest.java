package dev.dendrite.train.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dendrite.data.Dataset;
import dev.dendrite.optim.Sgd;
import dev.dendrite.train.Metrics;
import dev.dendrite.train.Trainer;
import dev.dendrite.train.Verbosity;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConsoleProgressBarTest {

  /** The lines as a terminal shows them: each carriage return starts the line again. */
  static List<String> screen(String printed) {
    return Arrays.stream(printed.split("\n"))
        .map(line -> {
          String[] parts = line.split("\r");
          return parts.length == 0 ? "" : parts[parts.length - 1].stripTrailing();
        })
        .filter(line -> !line.isEmpty())
        .toList();
  }

  static String train(int width) {
    float[][] x = new float[40][1];
    float[][] y = new float[40][1];
    Dataset data = Dataset.of(x, y);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    new Trainer(new FunctionModel(1, 1, p -> new float[] {0.9f}), Sgd.plain(0.1f))
        .epochs(2)
        .batchSize(10)
        .metrics(Metrics.ACCURACY)
        .validationData(data)
        .verbosity(Verbosity.QUIET)
        .listeners(new ConsoleProgressBar(out, width))
        .fit(data);
    return bytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void aWideLineHoldsTheBarAndTheEpochsNumbers() {
    List<String> lines = screen(train(160));
    assertEquals(2, lines.size(), String.join("\n", lines));
    String first = lines.get(0);
    assertTrue(first.startsWith("Epoch 1/2 100% ["), first);
    assertTrue(first.contains("40/40 samples"), first);
    assertTrue(first.endsWith("loss: 0.5000 - accuracy: 0.0000 - val_loss: 2.3026"
        + " - val_accuracy: 0.0000"), first);
    assertTrue(first.length() <= 160, first.length() + " characters");
  }

  @Test
  void aNarrowLinePutsTheNumbersOnALineOfTheirOwn() {
    List<String> lines = screen(train(80));
    assertEquals(4, lines.size(), String.join("\n", lines));
    String bar = lines.get(0);
    assertTrue(bar.startsWith("Epoch 1/2 100% ["), bar);
    assertTrue(bar.endsWith(")"), "the counts and times, not cut: " + bar);
    assertFalse(bar.contains("loss"), bar);
    assertTrue(bar.length() <= 80, bar.length() + " characters");
    assertEquals("  loss: 0.5000 - accuracy: 0.0000 - val_loss: 2.3026 - val_accuracy: 0.0000",
        lines.get(1));
    assertTrue(lines.get(2).startsWith("Epoch 2/2 100% ["), lines.get(2));
  }
}
