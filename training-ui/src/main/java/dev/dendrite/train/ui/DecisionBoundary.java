package dev.dendrite.train.ui;

import dev.dendrite.Model;
import dev.dendrite.data.Dataset;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The decision regions of a classifier of points in the plane, with the points on top: the
 * background of the chart is coloured by the class the network predicts there, each point by its
 * true class. A network with one output predicts class 1 where the output is at least 0.5; a
 * network with several predicts the largest.
 *
 * <pre>{@code
 * DecisionBoundary.writePng(net, data, Path.of("target/boundary.png"));
 * }</pre>
 */
public final class DecisionBoundary {

  /** The default size of the chart, in pixels. */
  public static final int SIZE = 600;

  /** Grid cells per side of the background. */
  static final int GRID = 100;

  private static final Color[] POINT_COLORS = {
      new Color(0x1f, 0x4e, 0x9c), new Color(0xc0, 0x39, 0x2b), new Color(0x1e, 0x84, 0x49),
      new Color(0x8e, 0x44, 0xad), new Color(0xd3, 0x84, 0x00), new Color(0x2c, 0x3e, 0x50)};

  private DecisionBoundary() {}

  /** Writes the regions of {@code model} and the points of {@code data} as a 600 x 600 PNG. */
  public static void writePng(Model model, Dataset data, Path file) throws IOException {
    writePng(model, data, file, "decision regions of " + model.networkName(), SIZE, SIZE);
  }

  /**
   * Writes the regions of {@code model} and the points of {@code data} as a PNG.
   *
   * @throws IllegalArgumentException if the network does not take two inputs or the data does
   *     not fit it
   * @throws IOException if the file cannot be written; a previous file is then left as it was
   */
  public static void writePng(Model model, Dataset data, Path file, String title, int width,
      int height) throws IOException {
    PngFiles.write(chart(model, data, title, width, height), file);
  }

  /** The chart: a series of background cells per predicted class, then one per true class. */
  static XYChart chart(Model model, Dataset data, String title, int width, int height) {
    if (model.inputSize() != 2) {
      throw new IllegalArgumentException("a decision boundary is drawn for networks of two"
          + " inputs; " + model.networkName() + " takes " + model.inputSize());
    }
    if (data.featureCount() != 2) {
      throw new IllegalArgumentException(
          "the points have " + data.featureCount() + " features, not 2");
    }
    int classes = Math.max(2, model.outputSize());
    double[] box = box(data.features());
    XYChart chart = new XYChartBuilder().width(width).height(height).title(title)
        .xAxisTitle("x1").yAxisTitle("x2").build();
    chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
    chart.getStyler().setXAxisMin(box[0]).setXAxisMax(box[1]);
    chart.getStyler().setYAxisMin(box[2]).setYAxisMax(box[3]);
    chart.getStyler().setLegendVisible(true);
    chart.getStyler().setChartTitleBoxVisible(false);
    chart.getStyler().setPlotGridLinesVisible(false);
    // The background fills the plot: no margin between the axes' ends and the plot's edges.
    chart.getStyler().setPlotContentSize(1.0);
    chart.getStyler().setMarkerSize(Math.max(4, Math.min(width, height) / 75));
    // Squares a little larger than a cell on screen, so that neighbouring cells touch.
    Marker cell = new FilledSquare(Math.ceil(1.3 * Math.max(width, height) / GRID));

    int[] predicted = gridClasses(model, box);
    for (int c = 0; c < classes; c++) {
      List<Double> xs = new ArrayList<>();
      List<Double> ys = new ArrayList<>();
      for (int i = 0; i < GRID; i++) {
        for (int j = 0; j < GRID; j++) {
          if (predicted[i * GRID + j] == c) {
            xs.add(cell(box[0], box[1], j));
            ys.add(cell(box[2], box[3], i));
          }
        }
      }
      if (!xs.isEmpty()) {
        XYSeries series = chart.addSeries("predicted " + c, xs, ys);
        series.setMarker(cell);
        series.setMarkerColor(light(color(c)));
        series.setShowInLegend(false);
      }
    }
    int[] actual = data.labels();
    for (int c = 0; c < classes; c++) {
      List<Double> xs = new ArrayList<>();
      List<Double> ys = new ArrayList<>();
      for (int s = 0; s < data.size(); s++) {
        if (actual[s] == c) {
          xs.add((double) data.features(s)[0]);
          ys.add((double) data.features(s)[1]);
        }
      }
      if (!xs.isEmpty()) {
        XYSeries series = chart.addSeries("class " + c, xs, ys);
        series.setMarker(SeriesMarkers.CIRCLE);
        series.setMarkerColor(color(c));
      }
    }
    return chart;
  }

  /** The predicted class at the centre of each grid cell, row by row from the bottom. */
  static int[] gridClasses(Model model, double[] box) {
    float[][] rows = new float[GRID * GRID][2];
    for (int i = 0; i < GRID; i++) {
      for (int j = 0; j < GRID; j++) {
        rows[i * GRID + j][0] = (float) cell(box[0], box[1], j);
        rows[i * GRID + j][1] = (float) cell(box[2], box[3], i);
      }
    }
    int[] classes = new int[rows.length];
    int batch = 256;
    float[][] x = new float[batch][];
    for (int start = 0; start < rows.length; start += batch) {
      int n = Math.min(batch, rows.length - start);
      System.arraycopy(rows, start, x, 0, n);
      float[][] out = model.forward(x, n, false);
      for (int s = 0; s < n; s++) {
        classes[start + s] = Dataset.classOf(out[s]);
      }
    }
    return classes;
  }

  /** {xmin, xmax, ymin, ymax}: the points' bounding box with a margin of a tenth on each side. */
  static double[] box(float[][] points) {
    double xmin = Double.POSITIVE_INFINITY;
    double xmax = Double.NEGATIVE_INFINITY;
    double ymin = Double.POSITIVE_INFINITY;
    double ymax = Double.NEGATIVE_INFINITY;
    for (float[] p : points) {
      xmin = Math.min(xmin, p[0]);
      xmax = Math.max(xmax, p[0]);
      ymin = Math.min(ymin, p[1]);
      ymax = Math.max(ymax, p[1]);
    }
    if (!(xmax > xmin) || !(ymax > ymin)) {
      throw new IllegalArgumentException(
          "the points do not span an area: all on one line, or not finite");
    }
    double dx = 0.1 * (xmax - xmin);
    double dy = 0.1 * (ymax - ymin);
    return new double[] {xmin - dx, xmax + dx, ymin - dy, ymax + dy};
  }

  private static double cell(double min, double max, int index) {
    return min + (index + 0.5) * (max - min) / GRID;
  }

  /** A filled square of a fixed size, whatever the chart's marker size. */
  private static final class FilledSquare extends Marker {
    private final double side;

    FilledSquare(double side) {
      this.side = side;
    }

    @Override
    public void paint(Graphics2D g, double x, double y, int markerSize) {
      g.fill(new Rectangle2D.Double(x - side / 2, y - side / 2, side, side));
    }
  }

  static Color color(int c) {
    return POINT_COLORS[c % POINT_COLORS.length];
  }

  private static Color light(Color color) {
    return new Color(
        (color.getRed() + 3 * 255) / 4, (color.getGreen() + 3 * 255) / 4,
        (color.getBlue() + 3 * 255) / 4);
  }
}
