package dev.dendrite.train.ui;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FittedCurveTest {

  static final FunctionModel SQUARE = new FunctionModel(1, 1, p -> new float[] {p[0] * p[0]});

  @Test
  void theCurveIsTheNetworksOutputAcrossThePoints() {
    float[] x = {-1f, 0f, 2f};
    float[] y = {1f, 0f, 4f};
    var chart = FittedCurve.chart(SQUARE, x, y, "x^2", 300, 200);
    var data = chart.getSeriesMap().get("data");
    assertArrayEquals(new double[] {-1, 0, 2}, data.getXData());
    assertArrayEquals(new double[] {1, 0, 4}, data.getYData());
    var curve = chart.getSeriesMap().get("network");
    double[] cx = curve.getXData();
    double[] cy = curve.getYData();
    assertEquals(FittedCurve.CURVE_POINTS, cx.length);
    assertEquals(-1, cx[0], 1e-12);
    assertEquals(2, cx[cx.length - 1], 1e-12);
    for (int i = 0; i < cx.length; i++) {
      assertEquals(cx[i] * cx[i], cy[i], 1e-5);
    }
  }

  @Test
  void writesAPng(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("curve.png");
    FittedCurve.writePng(SQUARE, new float[] {0, 1}, new float[] {0, 1}, "x^2", file);
    var image = ImageIO.read(file.toFile());
    assertNotNull(image);
    assertEquals(FittedCurve.WIDTH, image.getWidth());
    assertEquals(FittedCurve.HEIGHT, image.getHeight());
  }

  @Test
  void refusesOtherShapesAndCounts() {
    FunctionModel two = new FunctionModel(2, 1, p -> new float[] {p[0]});
    assertThrows(IllegalArgumentException.class,
        () -> FittedCurve.chart(two, new float[] {0, 1}, new float[] {0, 1}, "t", 100, 100));
    assertThrows(IllegalArgumentException.class,
        () -> FittedCurve.chart(SQUARE, new float[] {0, 1}, new float[] {0}, "t", 100, 100));
  }
}
