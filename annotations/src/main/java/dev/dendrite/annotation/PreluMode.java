package dev.dendrite.annotation;

/** How many learned slopes a {@link Activation#PRELU} layer has. */
public enum PreluMode {
  /** One slope per unit: {@code <layer>.alpha} has shape {@code [units]}. */
  PER_UNIT,
  /** One slope shared by every unit of the layer: {@code <layer>.alpha} has shape {@code [1]}. */
  SHARED
}
