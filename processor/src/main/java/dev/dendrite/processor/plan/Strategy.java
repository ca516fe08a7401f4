package dev.dendrite.processor.plan;

/** How the products of a dense layer are written. */
public enum Strategy {
  /** Straight-line code, one statement per unit; for small layers. */
  UNROLLED,
  /** Calls of the runtime's matrix kernels, which loop over rows; for everything else. */
  LOOPED
}
