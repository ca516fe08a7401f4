package dev.dendrite.train.ui;

import dev.dendrite.train.ProgressBarFactory;
import dev.dendrite.train.TrainingListener;
import java.io.PrintStream;

/** Provides {@link ConsoleProgressBar} to the trainer through {@link java.util.ServiceLoader}. */
public final class ConsoleProgressBarFactory implements ProgressBarFactory {

  @Override
  public TrainingListener create(PrintStream out) {
    return new ConsoleProgressBar(out);
  }
}
