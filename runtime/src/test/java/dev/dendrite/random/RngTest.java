package dev.dendrite.random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RngTest {

  @Test
  void sameSeedGivesSameSequence() {
    Rng a = new Rng(42);
    Rng b = new Rng(42);
    for (int i = 0; i < 1000; i++) {
      assertEquals(a.nextLong(), b.nextLong(), "draw " + i);
    }
    assertEquals(a.nextDouble(), b.nextDouble());
    assertEquals(a.nextFloat(), b.nextFloat());
    assertEquals(a.nextInt(17), b.nextInt(17));
    assertEquals(a.nextGaussian(), b.nextGaussian());
  }

  @Test
  void differentSeedsGiveDifferentSequences() {
    Rng a = new Rng(1);
    Rng b = new Rng(2);
    int same = 0;
    for (int i = 0; i < 100; i++) {
      if (a.nextLong() == b.nextLong()) {
        same++;
      }
    }
    assertEquals(0, same);
  }

  @Test
  void restoringStateReplaysTheSequence() {
    Rng rng = new Rng(123);
    for (int i = 0; i < 10; i++) {
      rng.nextLong();
    }
    long state = rng.state();
    double[] first = new double[50];
    for (int i = 0; i < first.length; i++) {
      first[i] = i % 2 == 0 ? rng.nextDouble() : rng.nextGaussian();
    }
    rng.setState(state);
    for (int i = 0; i < first.length; i++) {
      assertEquals(first[i], i % 2 == 0 ? rng.nextDouble() : rng.nextGaussian(), 0.0);
    }
    Rng fresh = new Rng(state);
    Rng again = new Rng(123);
    again.setState(state);
    assertEquals(again.nextLong(), fresh.nextLong(), "new Rng(state) continues the sequence");
  }

  @Test
  void stateChangesWithEveryDraw() {
    Rng rng = new Rng(0);
    long before = rng.state();
    rng.nextLong();
    assertNotEquals(before, rng.state());
  }

  @Test
  void uniformsLieInUnitInterval() {
    Rng rng = new Rng(5);
    double sumD = 0;
    double sumF = 0;
    int draws = 100_000;
    for (int i = 0; i < draws; i++) {
      double d = rng.nextDouble();
      float f = rng.nextFloat();
      assertTrue(d >= 0.0 && d < 1.0, "nextDouble " + d);
      assertTrue(f >= 0f && f < 1f, "nextFloat " + f);
      sumD += d;
      sumF += f;
    }
    // Standard error of the mean of U(0, 1) over 100k draws is about 0.0009.
    assertEquals(0.5, sumD / draws, 0.005);
    assertEquals(0.5, sumF / draws, 0.005);
  }

  @Test
  void nextIntStaysInBoundsAndIsRoughlyUniform() {
    Rng rng = new Rng(2024);
    int bound = 10;
    int draws = 100_000;
    int[] counts = new int[bound];
    for (int i = 0; i < draws; i++) {
      int k = rng.nextInt(bound);
      assertTrue(k >= 0 && k < bound, "nextInt " + k);
      counts[k]++;
    }
    double expected = (double) draws / bound;
    double chiSquare = 0;
    for (int count : counts) {
      chiSquare += (count - expected) * (count - expected) / expected;
    }
    // 9 degrees of freedom: P(chi^2 > 27.88) = 0.001.
    assertTrue(chiSquare < 27.88, "chi-square " + chiSquare);

    for (int b : new int[] {1, 2, 3, 7, 1000, Integer.MAX_VALUE}) {
      for (int i = 0; i < 1000; i++) {
        int k = rng.nextInt(b);
        assertTrue(k >= 0 && k < b, "nextInt(" + b + ") gave " + k);
      }
    }
  }

  @Test
  void nextIntReachesBothEnds() {
    Rng rng = new Rng(77);
    boolean zero = false;
    boolean top = false;
    for (int i = 0; i < 1000; i++) {
      int k = rng.nextInt(3);
      zero |= k == 0;
      top |= k == 2;
    }
    assertTrue(zero && top);
  }

  @Test
  void nextIntRejectsNonPositiveBound() {
    Rng rng = new Rng(0);
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> rng.nextInt(0));
    assertTrue(e.getMessage().contains("0"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> rng.nextInt(-5));
  }

  @Test
  void gaussianHasUnitVarianceAroundZero() {
    Rng rng = new Rng(31337);
    int draws = 100_000;
    double sum = 0;
    double sumSquares = 0;
    double sumFourth = 0;
    for (int i = 0; i < draws; i++) {
      double g = rng.nextGaussian();
      assertTrue(Double.isFinite(g));
      sum += g;
      sumSquares += g * g;
      sumFourth += g * g * g * g;
    }
    double mean = sum / draws;
    double variance = sumSquares / draws - mean * mean;
    // Standard errors over 100k draws: mean 0.003, variance 0.0045, fourth moment 0.03.
    assertEquals(0.0, mean, 0.02);
    assertEquals(1.0, variance, 0.03);
    assertEquals(3.0, sumFourth / draws, 0.2, "kurtosis of a normal distribution");
  }
}
