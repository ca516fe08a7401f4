package dev.dendrite.train.ui;

import dev.dendrite.train.TrainingContext;
import dev.dendrite.train.TrainingListener;
import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * A console progress bar per epoch, drawn by the {@code me.tongfei:progressbar} library: the
 * epoch, samples done out of the epoch's, elapsed time and time left, and the running loss and
 * metrics; when the epoch ends, the bar is completed with the epoch's numbers, validation
 * included, and stays on its own line:
 *
 * <pre>
 * Epoch 3/100 100% [==========] 80/80 samples (0:00:00 / 0:00:00) loss: 0.4123 - accuracy: 0.8875
 * </pre>
 *
 * <p>The running numbers are formatted at most every {@value #MESSAGE_INTERVAL_MILLIS} ms, so the
 * bar costs little however short the batches.
 */
public final class ConsoleProgressBar implements TrainingListener {

  /** The least time between two updates of the numbers shown. */
  static final long MESSAGE_INTERVAL_MILLIS = 100;

  /**
   * The width of a line when the output is not a console (a file, a pipe, a test), wide enough
   * for the numbers of an epoch with validation.
   */
  static final int WIDTH = 160;

  private final PrintStream out;
  private TrainingContext context;
  private ProgressBar bar;
  private double lossSum;
  private long lastMessage;

  /** A bar that prints to {@code out}. */
  public ConsoleProgressBar(PrintStream out) {
    this.out = out;
  }

  @Override
  public void onTrainBegin(TrainingContext context) {
    this.context = context;
  }

  @Override
  public void onEpochBegin(int epoch) {
    lossSum = 0;
    lastMessage = System.nanoTime();
    bar = new ProgressBarBuilder()
        .setTaskName("Epoch " + epoch + "/" + context.epochs())
        .setInitialMax(context.trainingSamples())
        .setUnit(" samples", 1)
        .setStyle(ProgressBarStyle.ASCII)
        .setUpdateIntervalMillis((int) MESSAGE_INTERVAL_MILLIS)
        .setConsumer(System.console() != null && out == System.out
            ? new ConsoleProgressBarConsumer(out)
            : new ConsoleProgressBarConsumer(out, WIDTH))
        .build();
  }

  @Override
  public void onBatchEnd(int epoch, int batch, int samplesDone, float loss) {
    int before = (batch - 1) * context.batchSize();
    lossSum += (double) loss * (samplesDone - before);
    bar.stepTo(samplesDone);
    long now = System.nanoTime();
    if (now - lastMessage >= MESSAGE_INTERVAL_MILLIS * 1_000_000) {
      lastMessage = now;
      StringBuilder message = new StringBuilder(format("loss", lossSum / samplesDone));
      for (int m = 0; m < context.metricNames().size(); m++) {
        message.append(" - ")
            .append(format(context.metricNames().get(m), context.runningMetric(m)));
      }
      bar.setExtraMessage(message.toString());
    }
  }

  @Override
  public void onEpochEnd(int epoch, Map<String, Double> logs) {
    StringBuilder message = new StringBuilder();
    logs.forEach((name, value) -> {
      if (!name.equals("lr")) {
        message.append(message.length() == 0 ? "" : " - ").append(format(name, value));
      }
    });
    bar.stepTo(context.trainingSamples());
    bar.setExtraMessage(message.toString());
    bar.close();
    bar = null;
  }

  /** Closes the bar of an epoch that did not end, so that its drawing thread stops. */
  @Override
  public void onTrainFailure(RuntimeException failure) {
    if (bar != null) {
      bar.close();
      bar = null;
    }
  }

  private static String format(String name, double value) {
    return String.format(Locale.ROOT, "%s: %.4f", name, value);
  }
}
