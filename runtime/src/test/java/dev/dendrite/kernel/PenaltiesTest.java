package dev.dendrite.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PenaltiesTest {

  @Test
  void penaltyIsL1TimesAbsoluteSumPlusL2TimesSquares() {
    float[][] w = {{1f, -2f}, {0f, 0.5f}};
    assertEquals(0.1 * 3.5 + 0.01 * 5.25, Penalties.penalty(w, 0.1, 0.01), 1e-9);
    assertEquals(0.0, Penalties.penalty(w, 0, 0));
    double[][] d = {{1, -2}, {0, 0.5}};
    assertEquals(0.1 * 3.5 + 0.01 * 5.25, Penalties.penalty(d, 0.1, 0.01), 1e-15);
  }

  @Test
  void gradientIsAddedWithSignAndTwiceL2() {
    float[][] w = {{1f, -2f}, {0f, 0.5f}};
    float[][] g = {{10f, 10f}, {10f, 10f}};
    Penalties.addGradient(w, g, 0.1f, 0.01f);
    assertArrayEquals(new float[] {10f + 0.1f + 0.02f, 10f - 0.1f - 0.04f}, g[0], 1e-6f);
    assertArrayEquals(new float[] {10f, 10f + 0.1f + 0.01f}, g[1], 1e-6f);
    double[][] wd = {{-3}};
    double[][] gd = {{0}};
    Penalties.addGradient(wd, gd, 0.5, 0.25);
    assertEquals(-0.5 - 1.5, gd[0][0], 1e-15);
  }
}
