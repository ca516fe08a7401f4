package dev.dendrite.optim;

/** Argument checks shared by the optimizers and schedules; each message names the setting. */
final class Checks {

  private Checks() {}

  /** Checks that {@code value} is positive and finite. */
  static float positive(String what, float value) {
    if (!(value > 0f) || Float.isInfinite(value)) {
      throw new IllegalArgumentException(what + " must be positive and finite, was " + value);
    }
    return value;
  }

  /** Checks that {@code value} is finite and at least 0. */
  static float nonNegative(String what, float value) {
    if (!(value >= 0f) || Float.isInfinite(value)) {
      throw new IllegalArgumentException(what + " must be finite and at least 0, was " + value);
    }
    return value;
  }

  /** Checks that {@code value} lies in [0, 1). */
  static float unitInterval(String what, float value) {
    if (!(value >= 0f && value < 1f)) {
      throw new IllegalArgumentException(what + " must be in [0, 1), was " + value);
    }
    return value;
  }

  /** Checks that {@code value} lies in (0, 1]. */
  static float fraction(String what, float value) {
    if (!(value > 0f && value <= 1f)) {
      throw new IllegalArgumentException(what + " must be in (0, 1], was " + value);
    }
    return value;
  }

  /** Checks that {@code value} is at least 1. */
  static int atLeastOne(String what, int value) {
    if (value < 1) {
      throw new IllegalArgumentException(what + " must be at least 1, was " + value);
    }
    return value;
  }
}
