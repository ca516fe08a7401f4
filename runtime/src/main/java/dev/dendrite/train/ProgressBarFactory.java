package dev.dendrite.train;

import java.io.PrintStream;

/**
 * Makes the listener that draws {@link Verbosity#PROGRESS_BAR}. The runtime has no progress bar
 * of its own, so that networks that only predict need no console library; the {@code
 * dendrite-training-ui} module provides one through {@link java.util.ServiceLoader}, registered in
 * {@code META-INF/services/dev.dendrite.train.ProgressBarFactory}.
 */
public interface ProgressBarFactory {

  /** A listener that draws a bar per epoch on {@code out}. */
  TrainingListener create(PrintStream out);
}
