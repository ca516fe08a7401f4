package dev.dendrite.init;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dendrite.random.Rng;
import org.junit.jupiter.api.Test;

/**
 * The weights {@code [inputs, 1]} of a one-unit layer stored as one row get, from the same
 * generator, the same values as stored as rows of one value: the He forms with the fan-in given,
 * the Glorot forms as they are.
 */
class InitializersFanInTest {

  private static final int INPUTS = 20;

  private static void assertSame(float[][] rowsOfOne, float[][] oneRow) {
    for (int k = 0; k < INPUTS; k++) {
      assertEquals(Float.floatToIntBits(rowsOfOne[k][0]), Float.floatToIntBits(oneRow[0][k]),
          "input " + k);
    }
  }

  @Test
  void oneRowGetsTheValuesOfRowsOfOne() {
    float[][] rows = new float[INPUTS][1];
    float[][] row = new float[1][INPUTS];
    Initializers.heUniform(rows, new Rng(3));
    Initializers.heUniform(row, INPUTS, new Rng(3));
    assertSame(rows, row);
    Initializers.heNormal(rows, new Rng(4));
    Initializers.heNormal(row, INPUTS, new Rng(4));
    assertSame(rows, row);
    Initializers.glorotUniform(rows, new Rng(5));
    Initializers.glorotUniform(row, new Rng(5));
    assertSame(rows, row);
    Initializers.glorotNormal(rows, new Rng(6));
    Initializers.glorotNormal(row, new Rng(6));
    assertSame(rows, row);
  }

  @Test
  void doublesToo() {
    double[][] rows = new double[INPUTS][1];
    double[][] row = new double[1][INPUTS];
    Initializers.heUniform(rows, new Rng(7));
    Initializers.heUniform(row, INPUTS, new Rng(7));
    for (int k = 0; k < INPUTS; k++) {
      assertEquals(rows[k][0], row[0][k]);
    }
    Initializers.heNormal(rows, new Rng(8));
    Initializers.heNormal(row, INPUTS, new Rng(8));
    for (int k = 0; k < INPUTS; k++) {
      assertEquals(rows[k][0], row[0][k]);
    }
  }

  @Test
  void theFanInSetsTheLimit() {
    float[][] row = new float[1][1000];
    Initializers.heUniform(row, 6, new Rng(9));
    float max = 0;
    for (float v : row[0]) {
      max = Math.max(max, Math.abs(v));
    }
    assertEquals(1.0, max, 0.01, "sqrt(6 / 6)");
  }
}
