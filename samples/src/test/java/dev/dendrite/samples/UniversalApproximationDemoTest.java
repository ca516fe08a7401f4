package dev.dendrite.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dendrite.samples.UniversalApproximationDemo.Target;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UniversalApproximationDemoTest {

  @Test
  void fiftyEvenlySpacedPointsInMinusOneToOne() {
    var points = UniversalApproximationDemo.points(Target.STEP);
    assertEquals(50, points.size());
    assertEquals(-1f, points.features(0)[0]);
    assertEquals(1f, points.features(49)[0]);
    assertEquals(0f, points.targets(24)[0], "x = -1/49 is not above 0");
    assertEquals(1f, points.targets(25)[0], "x = 1/49 is");
  }

  @Test
  void threeTanhUnitsFitEachFunction(@TempDir Path dir) throws IOException {
    List<UniversalApproximationDemo.Fit> fits = UniversalApproximationDemo.run(dir, false);
    assertEquals(4, fits.size());
    // The variance of each target over the 50 points, for scale: |x| 0.089, x^2 0.089,
    // sin(x) 0.27, the step 0.25; the bounds are 1% of that or less.
    double[] bounds = {3e-3, 1e-4, 1e-5, 5e-3};
    for (int f = 0; f < fits.size(); f++) {
      var fit = fits.get(f);
      assertEquals(Target.values()[f], fit.target());
      assertTrue(fit.mse() < bounds[f], fit.target().formula() + ": mse " + fit.mse());
    }
    for (String name : List.of("abs", "square", "sine", "step")) {
      assertNotNull(ImageIO.read(dir.resolve(name + ".png").toFile()), name + ".png");
    }
  }
}
