package dev.dendrite.train.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dendrite.train.History;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainingCurvesTest {

  static History history(double scale) {
    Map<String, List<Double>> values = new LinkedHashMap<>();
    values.put("loss", List.of(1.0 * scale, 0.6 * scale, 0.4 * scale, 0.3 * scale));
    values.put("accuracy", List.of(0.5, 0.7, 0.8, 0.9));
    values.put("val_loss", List.of(1.1 * scale, 0.7 * scale, 0.6 * scale, 0.65 * scale));
    values.put("val_accuracy", List.of(0.45, 0.65, 0.75, 0.7));
    values.put("lr", List.of(0.1, 0.1, 0.1, 0.1));
    return History.of(values);
  }

  @Test
  void oneChartPerNumberWithItsValidationCurve() {
    var charts = TrainingCurves.charts(history(1), 300, 200);
    assertEquals(2, charts.size(), "loss and accuracy; lr is not drawn");
    assertEquals("loss", charts.get(0).getTitle());
    assertEquals(List.of("training", "validation"),
        List.copyOf(charts.get(0).getSeriesMap().keySet()));
    assertEquals("accuracy", charts.get(1).getTitle());
  }

  @Test
  void writesAPngWithTheChartsSideBySide(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("curves.png");
    TrainingCurves.writePng(history(1), file, 300, 200);
    BufferedImage image = ImageIO.read(file.toFile());
    assertEquals(600, image.getWidth());
    assertEquals(200, image.getHeight());
    assertTrue(distinctColors(image) > 10, "something is drawn");
    try (Stream<Path> files = Files.list(dir)) {
      assertEquals(List.of(file), files.toList(), "no temporary file is left behind");
    }
  }

  @Test
  void theCurvesDependOnTheNumbers(@TempDir Path dir) throws IOException {
    Path a = dir.resolve("a.png");
    Path b = dir.resolve("b.png");
    TrainingCurves.writePng(history(1), a, 300, 200);
    TrainingCurves.writePng(history(3), b, 300, 200);
    assertFalse(java.util.Arrays.equals(Files.readAllBytes(a), Files.readAllBytes(b)));
  }

  @Test
  void anExistingFileIsReplaced(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("curves.png");
    Files.writeString(file, "old");
    TrainingCurves.writePng(history(1), file);
    BufferedImage image = ImageIO.read(file.toFile());
    assertEquals(2 * TrainingCurves.WIDTH, image.getWidth());
  }

  @Test
  void aFailedWriteLeavesThePreviousFile(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("curves.png");
    Files.writeString(file, "old");
    History empty = History.of(Map.of("loss", List.of()));
    assertThrows(IllegalArgumentException.class, () -> TrainingCurves.writePng(empty, file));
    assertThrows(IOException.class,
        () -> TrainingCurves.writePng(history(1), dir.resolve("missing/curves.png")));
    assertEquals("old", Files.readString(file));
  }

  private static int distinctColors(BufferedImage image) {
    java.util.Set<Integer> colors = new java.util.HashSet<>();
    for (int x = 0; x < image.getWidth(); x += 3) {
      for (int y = 0; y < image.getHeight(); y += 3) {
        colors.add(image.getRGB(x, y));
      }
    }
    return colors.size();
  }
}
