package dev.dendrite.train.ui;

import dev.dendrite.Model;
import java.io.IOException;
import java.nio.file.Path;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * A function of one variable learned by a network: the training points as dots and the network's
 * output as a line over the range of the points.
 *
 * <pre>{@code
 * FittedCurve.writePng(net, xs, ys, "sin(x)", Path.of("target/sin.png"));
 * }</pre>
 */
public final class FittedCurve {

  /** The default size of the chart, in pixels. */
  public static final int WIDTH = 600;
  public static final int HEIGHT = 400;

  /** Points at which the network's curve is evaluated. */
  static final int CURVE_POINTS = 400;

  private FittedCurve() {}

  /** Writes the points {@code (x[i], y[i])} and the curve of {@code model} as a PNG. */
  public static void writePng(Model model, float[] x, float[] y, String title, Path file)
      throws IOException {
    PngFiles.write(chart(model, x, y, title, WIDTH, HEIGHT), file);
  }

  /**
   * The chart: series {@code data} (dots) and {@code network} (a line).
   *
   * @throws IllegalArgumentException if the network does not map one value to one value, or the
   *     points are fewer than two or of different counts
   */
  static XYChart chart(Model model, float[] x, float[] y, String title, int width, int height) {
    if (model.inputSize() != 1 || model.outputSize() != 1) {
      throw new IllegalArgumentException("a fitted curve is drawn for networks of one input and"
          + " one output; " + model.networkName() + " has " + model.inputSize() + " and "
          + model.outputSize());
    }
    if (x.length != y.length || x.length < 2) {
      throw new IllegalArgumentException(
          "need at least two points, with as many y as x values: " + x.length + " x, "
              + y.length + " y");
    }
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (float v : x) {
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
    double[] curveX = new double[CURVE_POINTS];
    double[] curveY = new double[CURVE_POINTS];
    float[] in = new float[1];
    float[] out = new float[1];
    for (int i = 0; i < CURVE_POINTS; i++) {
      curveX[i] = min + (max - min) * i / (CURVE_POINTS - 1);
      in[0] = (float) curveX[i];
      model.predict(in, out);
      curveY[i] = out[0];
    }
    double[] dataX = new double[x.length];
    double[] dataY = new double[y.length];
    for (int i = 0; i < x.length; i++) {
      dataX[i] = x[i];
      dataY[i] = y[i];
    }
    XYChart chart = new XYChartBuilder().width(width).height(height).title(title)
        .xAxisTitle("x").yAxisTitle("y").build();
    chart.getStyler().setChartTitleBoxVisible(false);
    XYSeries data = chart.addSeries("data", dataX, dataY);
    data.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
    data.setMarker(SeriesMarkers.CIRCLE);
    XYSeries network = chart.addSeries("network", curveX, curveY);
    network.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
    network.setMarker(SeriesMarkers.NONE);
    return chart;
  }
}
