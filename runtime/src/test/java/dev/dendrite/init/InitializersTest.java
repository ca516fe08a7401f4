package dev.dendrite.init;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dendrite.random.Rng;
import org.junit.jupiter.api.Test;

class InitializersTest {

  private static final int FAN_IN = 50;
  private static final int FAN_OUT = 30;

  private static void assertWithin(double[][] w, double limit) {
    double sum = 0;
    double sumSquares = 0;
    boolean nearTop = false;
    for (double[] row : w) {
      for (double v : row) {
        assertTrue(v >= -limit && v < limit, v + " outside [-" + limit + ", " + limit + ")");
        sum += v;
        sumSquares += v * v;
        nearTop |= Math.abs(v) > 0.9 * limit;
      }
    }
    int count = w.length * w[0].length;
    assertEquals(0.0, sum / count / limit, 0.06, "mean relative to the limit");
    assertEquals(1.0 / 3.0, sumSquares / count / (limit * limit), 0.03,
        "variance of U(-l, l) is l^2 / 3");
    assertTrue(nearTop, "values spread up to the limit");
  }

  @Test
  void heUniformBounds() {
    double[][] w = new double[FAN_IN][FAN_OUT];
    Initializers.heUniform(w, new Rng(1));
    assertWithin(w, Math.sqrt(6.0 / FAN_IN));
  }

  @Test
  void glorotUniformBounds() {
    double[][] w = new double[FAN_IN][FAN_OUT];
    Initializers.glorotUniform(w, new Rng(2));
    assertWithin(w, Math.sqrt(6.0 / (FAN_IN + FAN_OUT)));
  }

  @Test
  void uniformBounds() {
    double[][] w = new double[FAN_IN][FAN_OUT];
    Initializers.uniform(w, 0.25, new Rng(3));
    assertWithin(w, 0.25);
  }

  @Test
  void floatFormsDrawTheSameNumbersAsDoubleForms() {
    double[][] d = new double[FAN_IN][FAN_OUT];
    float[][] f = new float[FAN_IN][FAN_OUT];

    Initializers.heUniform(d, new Rng(11));
    Initializers.heUniform(f, new Rng(11));
    assertRounded(d, f);

    Initializers.glorotUniform(d, new Rng(12));
    Initializers.glorotUniform(f, new Rng(12));
    assertRounded(d, f);

    Initializers.uniform(d, 0.1, new Rng(13));
    Initializers.uniform(f, 0.1, new Rng(13));
    assertRounded(d, f);
  }

  @Test
  void floatFormsStayWithinBounds() {
    float[][] f = new float[FAN_IN][FAN_OUT];
    Initializers.glorotUniform(f, new Rng(4));
    float limit = (float) Math.sqrt(6.0 / (FAN_IN + FAN_OUT));
    for (float[] row : f) {
      for (float v : row) {
        assertTrue(v >= -limit && v <= limit, v + " outside +-" + limit);
      }
    }
  }

  @Test
  void generatorAdvancesByOneDrawPerValue() {
    Rng used = new Rng(9);
    Initializers.heUniform(new float[4][5], used);
    Rng skipped = new Rng(9);
    for (int i = 0; i < 20; i++) {
      skipped.nextDouble();
    }
    assertEquals(skipped.state(), used.state());
  }

  private static void assertRounded(double[][] d, float[][] f) {
    for (int r = 0; r < d.length; r++) {
      for (int c = 0; c < d[r].length; c++) {
        assertEquals((float) d[r][c], f[r][c], 0f, "[" + r + "][" + c + "]");
      }
    }
  }
}
