package dev.dendrite.train.ui;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Small grey-scale images in a grid, each with a caption below it: for example test images with
 * the class a network predicts. A marked image gets a red frame and a red caption (a wrong
 * prediction, say).
 *
 * <pre>{@code
 * ImageGrid.writePng(pixels, 8, 8, captions, wrong, 10, Path.of("target/predictions.png"));
 * }</pre>
 *
 * <p>Each image is scaled to fill the grey range from its own smallest value (white) to its
 * largest (black), so pixel values of any range draw as ink on paper.
 */
public final class ImageGrid {

  /** The size of the longer side of an image on screen, about, in pixels. */
  static final int CELL = 96;
  /** Space between and around images, in screen pixels. */
  static final int GAP = 10;
  /** The height of a caption line. */
  static final int CAPTION = 18;

  private ImageGrid() {}

  /**
   * Writes the images as a PNG, {@code columns} to a row.
   *
   * @param images one row-major array of {@code rows * cols} values per image
   * @param rows the height of an image, in pixels
   * @param cols the width of an image, in pixels
   * @param captions a caption per image
   * @param marked which images to mark; null marks none
   * @throws IllegalArgumentException if the counts or sizes do not fit together
   * @throws IOException if the file cannot be written; a previous file is then left as it was
   */
  public static void writePng(float[][] images, int rows, int cols, String[] captions,
      boolean[] marked, int columns, Path file) throws IOException {
    PngFiles.write(image(images, rows, cols, captions, marked, columns), file);
  }

  /** The grid as an image. */
  static BufferedImage image(float[][] images, int rows, int cols, String[] captions,
      boolean[] marked, int columns) {
    if (images.length == 0 || rows < 1 || cols < 1 || columns < 1) {
      throw new IllegalArgumentException("need images, a positive image size and columns");
    }
    if (captions.length != images.length || (marked != null && marked.length != images.length)) {
      throw new IllegalArgumentException(images.length + " images but " + captions.length
          + " captions" + (marked == null ? "" : " and " + marked.length + " marks"));
    }
    int scale = scale(rows, cols);
    int cellWidth = cols * scale;
    int cellHeight = rows * scale;
    int gridRows = (images.length + columns - 1) / columns;
    int width = GAP + Math.min(columns, images.length) * (cellWidth + GAP);
    int height = GAP + gridRows * (cellHeight + CAPTION + GAP);
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING,
          RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, width, height);
      g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
      FontMetrics metrics = g.getFontMetrics();
      for (int k = 0; k < images.length; k++) {
        if (images[k].length != rows * cols) {
          throw new IllegalArgumentException("image " + k + " has " + images[k].length
              + " values, not " + rows + " x " + cols);
        }
        int x0 = GAP + (k % columns) * (cellWidth + GAP);
        int y0 = GAP + (k / columns) * (cellHeight + CAPTION + GAP);
        drawImage(g, images[k], rows, cols, scale, x0, y0);
        boolean mark = marked != null && marked[k];
        if (mark) {
          g.setColor(Color.RED);
          g.setStroke(new BasicStroke(2f));
          g.drawRect(x0 - 1, y0 - 1, cellWidth + 1, cellHeight + 1);
        }
        g.setColor(mark ? Color.RED : Color.BLACK);
        String caption = captions[k];
        int textX = x0 + Math.max(0, (cellWidth - metrics.stringWidth(caption)) / 2);
        g.drawString(caption, textX, y0 + cellHeight + metrics.getAscent() + 2);
      }
    } finally {
      g.dispose();
    }
    return image;
  }

  /** Screen pixels per image pixel: about {@value #CELL} for the longer side, at least 1. */
  static int scale(int rows, int cols) {
    return Math.max(1, Math.round((float) CELL / Math.max(rows, cols)));
  }

  private static void drawImage(Graphics2D g, float[] pixels, int rows, int cols, int scale,
      int x0, int y0) {
    float min = Float.POSITIVE_INFINITY;
    float max = Float.NEGATIVE_INFINITY;
    for (float v : pixels) {
      if (Float.isFinite(v)) {
        min = Math.min(min, v);
        max = Math.max(max, v);
      }
    }
    float range = max > min ? max - min : 1f;
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < cols; c++) {
        float v = pixels[r * cols + c];
        float ink = Float.isFinite(v) ? (v - min) / range : 0f;
        int grey = Math.round(255 * (1 - ink));
        g.setColor(new Color(grey, grey, grey));
        g.fillRect(x0 + c * scale, y0 + r * scale, scale, scale);
      }
    }
  }
}
