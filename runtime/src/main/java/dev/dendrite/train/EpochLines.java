package dev.dendrite.train;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;

/** Prints one line per epoch: {@code Epoch 3/100 - 12 ms - loss: 0.4123 - accuracy: 0.8900}. */
final class EpochLines implements TrainingListener {

  private final PrintStream out;
  private int epochs;
  private long start;

  EpochLines(PrintStream out) {
    this.out = out;
  }

  @Override
  public void onTrainBegin(TrainingContext context) {
    epochs = context.epochs();
  }

  @Override
  public void onEpochBegin(int epoch) {
    start = System.nanoTime();
  }

  @Override
  public void onEpochEnd(int epoch, Map<String, Double> logs) {
    long millis = (System.nanoTime() - start) / 1_000_000;
    out.println(line(epoch, epochs, millis, logs));
  }

  /** The line of one epoch. */
  static String line(int epoch, int epochs, long millis, Map<String, Double> logs) {
    StringBuilder line = new StringBuilder(
        String.format(Locale.ROOT, "Epoch %d/%d - %d ms", epoch, epochs, millis));
    logs.forEach((name, value) -> line.append(" - ").append(name).append(": ")
        .append(format(name, value)));
    return line.toString();
  }

  /** A number of the logs: four decimals, or scientific notation for small ones like {@code lr}. */
  static String format(String name, double value) {
    if (value != 0 && Math.abs(value) < 1e-3 || name.equals("lr")) {
      return String.format(Locale.ROOT, "%.4g", value);
    }
    return String.format(Locale.ROOT, "%.4f", value);
  }
}
