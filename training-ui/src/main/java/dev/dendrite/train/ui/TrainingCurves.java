package dev.dendrite.train.ui;

import dev.dendrite.train.History;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Training curves drawn with XChart: one chart per number of a {@link History} ({@code loss},
 * then each metric), epochs across, with the training curve and, when there was validation, the
 * validation curve ({@code val_...}) in the same chart; the charts side by side in one PNG.
 *
 * <pre>{@code
 * TrainingCurves.writePng(history, Path.of("target/training.png"));
 * }</pre>
 *
 * <p>The file is written to a temporary file beside it and then moved into place, so an
 * interrupted write leaves any previous file whole.
 */
public final class TrainingCurves {

  /** The default size of one chart, in pixels. */
  public static final int WIDTH = 600;
  public static final int HEIGHT = 400;

  private TrainingCurves() {}

  /** Writes the curves of {@code history} to {@code file} as a PNG of 600 x 400 per chart. */
  public static void writePng(History history, Path file) throws IOException {
    writePng(history, file, WIDTH, HEIGHT);
  }

  /**
   * Writes the curves of {@code history} to {@code file} as a PNG, each chart {@code width} x
   * {@code height} pixels.
   *
   * @throws IllegalArgumentException if the history has no epochs or no numbers to draw
   * @throws IOException if the file cannot be written; a previous file is then left as it was
   */
  public static void writePng(History history, Path file, int width, int height)
      throws IOException {
    PngFiles.write(charts(history, width, height), file);
  }

  /** One chart per training number of {@code history}, with its validation twin. */
  static List<XYChart> charts(History history, int width, int height) {
    if (history.epochs() == 0) {
      throw new IllegalArgumentException("the history has no epochs to draw");
    }
    double[] epochs = new double[history.epochs()];
    for (int e = 0; e < epochs.length; e++) {
      epochs[e] = e + 1;
    }
    List<XYChart> charts = new ArrayList<>();
    for (String name : history.names()) {
      if (name.startsWith("val_") || name.equals("lr")) {
        continue;
      }
      XYChart chart = new XYChartBuilder().width(width).height(height).title(name)
          .xAxisTitle("epoch").yAxisTitle(name).build();
      chart.getStyler().setMarkerSize(epochs.length > 40 ? 0 : 5);
      chart.addSeries("training", epochs, values(history, name))
          .setMarker(SeriesMarkers.CIRCLE);
      if (history.has("val_" + name)) {
        chart.addSeries("validation", epochs, values(history, "val_" + name))
            .setMarker(SeriesMarkers.DIAMOND);
      }
      charts.add(chart);
    }
    if (charts.isEmpty()) {
      throw new IllegalArgumentException("the history has no numbers to draw: " + history.names());
    }
    return charts;
  }

  private static double[] values(History history, String name) {
    List<Double> list = history.get(name);
    double[] values = new double[list.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = list.get(i);
    }
    return values;
  }
}
