package dev.dendrite.train.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageGridTest {

  /** A 2 x 2 image: ink top left, paper elsewhere. */
  static final float[] CORNER = {16, 0, 0, 0};

  @Test
  void imagesAreScaledToTheGreyRangeAndLaidOutInColumns() {
    float[][] images = {CORNER, CORNER, CORNER};
    BufferedImage image = ImageGrid.image(images, 2, 2, new String[] {"a", "b", "c"}, null, 2);
    int scale = ImageGrid.scale(2, 2);
    int cell = 2 * scale;
    int gap = ImageGrid.GAP;
    assertEquals(gap + 2 * (cell + gap), image.getWidth(), "two columns");
    assertEquals(gap + 2 * (cell + ImageGrid.CAPTION + gap), image.getHeight(), "two rows");
    assertEquals(Color.BLACK.getRGB(), image.getRGB(gap, gap), "the largest value is black");
    assertEquals(Color.WHITE.getRGB(), image.getRGB(gap + scale, gap), "the smallest is white");
    int secondRow = gap + cell + ImageGrid.CAPTION + gap;
    assertEquals(Color.BLACK.getRGB(), image.getRGB(gap, secondRow), "the third image");
  }

  @Test
  void markedImagesGetARedFrame() {
    float[][] images = {CORNER, CORNER};
    BufferedImage image = ImageGrid.image(images, 2, 2, new String[] {"right", "wrong"},
        new boolean[] {false, true}, 2);
    int cell = 2 * ImageGrid.scale(2, 2);
    int gap = ImageGrid.GAP;
    assertEquals(Color.WHITE.getRGB(), image.getRGB(gap - 2, gap + cell / 2));
    assertEquals(Color.RED.getRGB(), image.getRGB(gap + cell + gap - 1, gap + cell / 2));
  }

  @Test
  void aScaleOfAboutAHundredPixelsPerImage() {
    assertEquals(12, ImageGrid.scale(8, 8));
    assertEquals(3, ImageGrid.scale(28, 28));
    assertEquals(1, ImageGrid.scale(500, 10));
  }

  @Test
  void writesThePngAndNothingElse(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("grid.png");
    ImageGrid.writePng(new float[][] {CORNER}, 2, 2, new String[] {"x"}, null, 10, file);
    assertTrue(ImageIO.read(file.toFile()).getWidth() > 0);
    try (Stream<Path> files = Files.list(dir)) {
      assertEquals(List.of(file), files.toList());
    }
  }

  @Test
  void refusesMismatchedCounts() {
    assertThrows(IllegalArgumentException.class, () -> ImageGrid.image(
        new float[][] {CORNER}, 2, 2, new String[] {"a", "b"}, null, 1));
    assertThrows(IllegalArgumentException.class, () -> ImageGrid.image(
        new float[][] {{1, 2, 3}}, 2, 2, new String[] {"a"}, null, 1));
  }
}
