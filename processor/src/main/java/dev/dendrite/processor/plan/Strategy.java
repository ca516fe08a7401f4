package dev.dendrite.processor.plan;

/** How the kernels of a dense layer are written. */
public enum Strategy {
  /** Straight-line code, one statement per output unit; for small layers. */
  UNROLLED,
  /** Loops with constant bounds over inputs and units; for everything else. */
  LOOPED
}
