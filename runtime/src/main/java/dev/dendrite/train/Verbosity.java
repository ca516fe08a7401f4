package dev.dendrite.train;

/** What {@link Trainer#fit} prints while it trains. */
public enum Verbosity {

  /** Nothing: for tests and for programs that log through a listener of their own. */
  QUIET,

  /**
   * One line per epoch with its time and every number of its logs; suits log files (Keras'
   * {@code verbose=2}).
   */
  EPOCH_LINES,

  /**
   * A console progress bar per epoch with samples done, loss, metrics and time left (Keras'
   * {@code verbose=1}). The bar lives in the {@code dendrite-training-ui} module; without it on
   * the class path, {@link #EPOCH_LINES} is used instead.
   */
  PROGRESS_BAR
}
