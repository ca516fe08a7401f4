package dev.dendrite.train.ui;

import dev.dendrite.train.TrainingContext;
import dev.dendrite.train.TrainingListener;
import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarConsumer;
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
 * <p>When the epoch's numbers do not fit on the line beside the bar (a console narrower than the
 * line), the completed bar keeps its counts and times and the numbers follow on a line of their
 * own, so that none is cut off:
 *
 * <pre>
 * Epoch 3/100 100% [=============] 80/80 samples (0:00:00 / 0:00:00)
 *   loss: 0.4123 - accuracy: 0.8875 - val_loss: 0.4410 - val_accuracy: 0.8500
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

  /** The least room left for the bar itself when the numbers share its line. */
  static final int MIN_BAR = 10;

  private final PrintStream out;
  /** The line width; 0 for the console's own. */
  private final int width;
  private LineConsumer consumer;
  private TrainingContext context;
  private ProgressBar bar;
  private double lossSum;
  private long lastMessage;

  /** A bar that prints to {@code out}. */
  public ConsoleProgressBar(PrintStream out) {
    this(out, System.console() != null && out == System.out ? 0 : WIDTH);
  }

  /** A bar that prints to {@code out} in lines of {@code width} characters; 0 for the console's. */
  ConsoleProgressBar(PrintStream out, int width) {
    this.out = out;
    this.width = width;
  }

  @Override
  public void onTrainBegin(TrainingContext context) {
    this.context = context;
  }

  @Override
  public void onEpochBegin(int epoch) {
    lossSum = 0;
    lastMessage = System.nanoTime();
    consumer = new LineConsumer(width == 0
        ? new ConsoleProgressBarConsumer(out)
        : new ConsoleProgressBarConsumer(out, width));
    bar = new ProgressBarBuilder()
        .setTaskName("Epoch " + epoch + "/" + context.epochs())
        .setInitialMax(context.trainingSamples())
        .setUnit(" samples", 1)
        .setStyle(ProgressBarStyle.ASCII)
        .setUpdateIntervalMillis((int) MESSAGE_INTERVAL_MILLIS)
        .setConsumer(consumer)
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
    String numbers = message.toString();
    boolean fits = fits(epoch, numbers, consumer.getMaxRenderedLength());
    bar.stepTo(context.trainingSamples());
    bar.setExtraMessage(fits ? numbers : "");
    bar.close();
    bar = null;
    if (!consumer.closed) {
      // The library ends the line only if the bar was drawn before; an epoch shorter than the
      // drawing interval is drawn once, when the bar closes, and its line is left open.
      out.println();
    }
    if (!fits) {
      out.println("  " + numbers);
    }
    out.flush();
  }

  /**
   * Whether the line of a completed epoch, {@code Epoch e/E 100% [bar] n/n samples (h:mm:ss /
   * h:mm:ss) numbers}, has room for a bar of {@value #MIN_BAR} characters in {@code width}.
   */
  boolean fits(int epoch, String numbers, int width) {
    int samples = Integer.toString(context.trainingSamples()).length();
    int line = ("Epoch " + epoch + "/" + context.epochs()).length() + " 100% [".length()
        + "] ".length() + 2 * samples + "/ samples (0:00:00 / 0:00:00) ".length()
        + numbers.length();
    return line + MIN_BAR <= width;
  }

  /** Closes the bar of an epoch that did not end, so that its drawing thread stops. */
  @Override
  public void onTrainFailure(RuntimeException failure) {
    if (bar != null) {
      bar.close();
      bar = null;
    }
  }

  /** The console consumer of a bar, noting whether the bar ended its line. */
  private static final class LineConsumer implements ProgressBarConsumer {
    private final ProgressBarConsumer console;
    volatile boolean closed;

    LineConsumer(ProgressBarConsumer console) {
      this.console = console;
    }

    @Override
    public int getMaxRenderedLength() {
      return console.getMaxRenderedLength();
    }

    @Override
    public void accept(String rendered) {
      console.accept(rendered);
    }

    @Override
    public void close() {
      console.close();
      closed = true;
    }
  }

  private static String format(String name, double value) {
    return String.format(Locale.ROOT, "%s: %.4f", name, value);
  }
}
