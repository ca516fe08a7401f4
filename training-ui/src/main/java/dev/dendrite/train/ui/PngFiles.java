package dev.dendrite.train.ui;

import dev.dendrite.io.AtomicFiles;
import java.awt.image.BufferedImage;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * Writes PNG files the safe way: to a temporary file beside the target, then moved into place, so
 * that an interrupted write leaves any previous file whole and no partial file behind, and with
 * the default permissions of new files. The target's folder must exist.
 */
final class PngFiles {

  private PngFiles() {}

  /** What writes the bytes of one PNG. */
  @FunctionalInterface
  interface Content {
    void writeTo(OutputStream out) throws IOException;
  }

  /** Writes {@code charts} side by side, in one row. */
  static void write(List<? extends Chart<?, ?>> charts, Path file) throws IOException {
    write(file, out -> BitmapEncoder.saveBitmap(
        charts, 1, charts.size(), out, BitmapEncoder.BitmapFormat.PNG));
  }

  /** Writes one chart. */
  static void write(Chart<?, ?> chart, Path file) throws IOException {
    write(file, out -> BitmapEncoder.saveBitmap(chart, out, BitmapEncoder.BitmapFormat.PNG));
  }

  /** Writes an image. */
  static void write(BufferedImage image, Path file) throws IOException {
    write(file, out -> {
      if (!ImageIO.write(image, "png", out)) {
        throw new IOException("no PNG writer is installed in this Java runtime");
      }
    });
  }

  /**
   * Writes what {@code content} produces to {@code file}, replacing it whole or not at all, with
   * the runtime's {@link AtomicFiles}.
   */
  static void write(Path file, Content content) throws IOException {
    AtomicFiles.write(file, channel -> {
      // The channel belongs to AtomicFiles, which forces it after this returns: not closed here.
      OutputStream out = new FilterOutputStream(Channels.newOutputStream(channel)) {
        @Override
        public void write(byte[] b, int off, int len) throws IOException {
          this.out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
          flush();
        }
      };
      content.writeTo(out);
      out.flush();
    });
  }
}
