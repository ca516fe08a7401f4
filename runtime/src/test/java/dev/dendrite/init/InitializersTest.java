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

  /** Mean near 0 and standard deviation near {@code stddev}, with values beyond it. */
  private static void assertNormal(double[][] w, double stddev) {
    double sum = 0;
    double sumSquares = 0;
    int beyondTwo = 0;
    for (double[] row : w) {
      for (double v : row) {
        sum += v;
        sumSquares += v * v;
        if (Math.abs(v) > 2 * stddev) {
          beyondTwo++;
        }
      }
    }
    int count = w.length * w[0].length;
    assertEquals(0.0, sum / count / stddev, 0.1, "mean relative to the standard deviation");
    assertEquals(1.0, Math.sqrt(sumSquares / count) / stddev, 0.05,
        "standard deviation relative to " + stddev);
    // about 4.55% of a normal sample lies beyond two standard deviations; a uniform one has none
    assertEquals(0.0455, (double) beyondTwo / count, 0.02, "tail beyond 2 standard deviations");
  }

  @Test
  void heNormalStandardDeviation() {
    double[][] w = new double[FAN_IN][FAN_OUT];
    Initializers.heNormal(w, new Rng(5));
    assertNormal(w, Math.sqrt(2.0 / FAN_IN));
  }

  @Test
  void glorotNormalStandardDeviation() {
    double[][] w = new double[FAN_IN][FAN_OUT];
    Initializers.glorotNormal(w, new Rng(6));
    assertNormal(w, Math.sqrt(2.0 / (FAN_IN + FAN_OUT)));
  }

  @Test
  void normalStandardDeviation() {
    double[][] w = new double[FAN_IN][FAN_OUT];
    Initializers.normal(w, 0.3, new Rng(7));
    assertNormal(w, 0.3);
  }

  @Test
  void constantFillsWithoutDrawing() {
    float[][] f = new float[3][4];
    Initializers.constant(f, 0.25);
    double[][] d = new double[3][4];
    Initializers.constant(d, -1.5);
    for (int r = 0; r < 3; r++) {
      for (int c = 0; c < 4; c++) {
        assertEquals(0.25f, f[r][c], 0f);
        assertEquals(-1.5, d[r][c], 0.0);
      }
    }
  }

  @Test
  void normalFormsTakeTwoUniformDrawsPerValue() {
    Rng used = new Rng(9);
    Initializers.heNormal(new float[4][5], used);
    Rng skipped = new Rng(9);
    for (int i = 0; i < 40; i++) {
      skipped.nextDouble();
    }
    assertEquals(skipped.state(), used.state());
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

    Initializers.heNormal(d, new Rng(14));
    Initializers.heNormal(f, new Rng(14));
    assertRounded(d, f);

    Initializers.glorotNormal(d, new Rng(15));
    Initializers.glorotNormal(f, new Rng(15));
    assertRounded(d, f);

    Initializers.normal(d, 0.1, new Rng(16));
    Initializers.normal(f, 0.1, new Rng(16));
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
