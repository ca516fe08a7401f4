package dev.dendrite.train.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dendrite.data.Dataset;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DecisionBoundaryTest {

  /** Class 1 inside the circle of radius 0.5. */
  static final FunctionModel DISC = new FunctionModel(2, 1,
      p -> new float[] {p[0] * p[0] + p[1] * p[1] < 0.25f ? 0.9f : 0.1f});

  static Dataset points() {
    float[][] x = {{-1, -1}, {1, 1}, {-1, 1}, {1, -1}, {0, 0}, {0.1f, 0.2f}};
    float[][] y = {{0}, {0}, {0}, {0}, {1}, {1}};
    return Dataset.of(x, y);
  }

  @Test
  void theBoxIsThePointsWithATenthMoreOnEachSide() {
    double[] box = DecisionBoundary.box(points().features());
    assertEquals(-1.2, box[0], 1e-9);
    assertEquals(1.2, box[1], 1e-9);
    assertEquals(-1.2, box[2], 1e-9);
    assertEquals(1.2, box[3], 1e-9);
  }

  @Test
  void theGridHoldsTheClassPredictedAtEachCell() {
    int[] classes = DecisionBoundary.gridClasses(DISC, new double[] {-1, 1, -1, 1});
    int g = DecisionBoundary.GRID;
    assertEquals(g * g, classes.length);
    assertEquals(0, classes[0], "a corner is outside the disc");
    assertEquals(1, classes[(g / 2) * g + g / 2], "the centre is inside");
    int inside = 0;
    for (int c : classes) {
      inside += c;
    }
    // The disc covers pi/16 of the square.
    assertEquals(Math.PI / 16, (double) inside / classes.length, 0.01);
  }

  @Test
  void aSoftmaxNetworkPredictsItsLargestOutput() {
    FunctionModel threeWays = new FunctionModel(2, 3,
        p -> p[0] < -0.3f ? new float[] {0.8f, 0.1f, 0.1f}
            : p[0] < 0.3f ? new float[] {0.1f, 0.8f, 0.1f} : new float[] {0.1f, 0.1f, 0.8f});
    int[] classes = DecisionBoundary.gridClasses(threeWays, new double[] {-1, 1, -1, 1});
    int g = DecisionBoundary.GRID;
    assertEquals(0, classes[0]);
    assertEquals(1, classes[g / 2]);
    assertEquals(2, classes[g - 1]);
  }

  @Test
  void theChartHasTheRegionsThenThePointsByClass() {
    var chart = DecisionBoundary.chart(DISC, points(), "disc", 400, 400);
    assertEquals(List.of("predicted 0", "predicted 1", "class 0", "class 1"),
        List.copyOf(chart.getSeriesMap().keySet()));
    assertEquals(4, chart.getSeriesMap().get("class 0").getXData().length);
  }

  @Test
  void thePngIsColouredByRegion(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("boundary.png");
    DecisionBoundary.writePng(DISC, points(), file, "disc", 400, 400);
    BufferedImage image = ImageIO.read(file.toFile());
    assertEquals(400, image.getWidth());
    // The plot is roughly centred: sample a band across its middle and find both region colours.
    int y = image.getHeight() / 2 + 25;
    boolean inner = false;
    boolean outer = false;
    for (int x = 0; x < image.getWidth(); x++) {
      Color c = new Color(image.getRGB(x, y));
      inner |= c.getRed() > c.getBlue() + 20 && c.getGreen() > 150;
      outer |= c.getBlue() > c.getRed() + 20 && c.getGreen() > 150;
    }
    assertTrue(inner, "a light red region inside the disc");
    assertTrue(outer, "a light blue region outside");
  }

  @Test
  void refusesNetworksWithoutTwoInputs() {
    FunctionModel line = new FunctionModel(1, 1, p -> p);
    var e = assertThrows(IllegalArgumentException.class,
        () -> DecisionBoundary.chart(line, points(), "t", 100, 100));
    assertTrue(e.getMessage().contains("two inputs"), e.getMessage());
  }

  @Test
  void refusesPointsOnALine() {
    Dataset line = Dataset.of(new float[][] {{0, 0}, {1, 0}}, new float[][] {{0}, {1}});
    var e = assertThrows(IllegalArgumentException.class,
        () -> DecisionBoundary.chart(DISC, line, "t", 100, 100));
    assertTrue(e.getMessage().contains("do not span an area"), e.getMessage());
  }

  @Test
  void theColoursOfTheClassesDiffer() {
    assertNotEquals(DecisionBoundary.color(0), DecisionBoundary.color(1));
  }
}
