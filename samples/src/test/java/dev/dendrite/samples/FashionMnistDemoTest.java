package dev.dendrite.samples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dendrite.data.Dataset;
import dev.dendrite.data.IdxFormatException;
import dev.dendrite.io.ModelFiles;
import dev.dendrite.io.OnnxFiles;
import dev.dendrite.train.Evaluation;
import dev.dendrite.train.Metrics;
import dev.dendrite.train.Verbosity;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Fashion-MNIST sample's whole path (reading IDX files, scaling, one-hot labels, training
 * with validation and early stopping, evaluating, writing its files) on small synthetic IDX files
 * written here, so that it runs on machines without the data set.
 */
class FashionMnistDemoTest {

  static final int SIDE = 28;

  /**
   * Synthetic clothing: an image of class {@code c} has a bright 6 x 6 patch at a place of its
   * own (two rows of five places) on dim noise.
   */
  static void writeSynthetic(Path folder, String images, String labels, int n, long seed)
      throws IOException {
    Random random = new Random(seed);
    byte[] pixels = new byte[n * SIDE * SIDE];
    byte[] classes = new byte[n];
    for (int i = 0; i < n; i++) {
      int c = i % 10;
      classes[i] = (byte) c;
      int top = 3 + (c / 5) * 13;
      int left = 1 + (c % 5) * 5;
      for (int r = 0; r < SIDE; r++) {
        for (int col = 0; col < SIDE; col++) {
          boolean patch = r >= top && r < top + 6 && col >= left && col < left + 6;
          int value = patch ? 180 + random.nextInt(76) : random.nextInt(80);
          pixels[i * SIDE * SIDE + r * SIDE + col] = (byte) value;
        }
      }
    }
    writeIdx(folder.resolve(images + ".gz"), 0x0803, new int[] {n, SIDE, SIDE}, pixels);
    writeIdx(folder.resolve(labels + ".gz"), 0x0801, new int[] {n}, classes);
  }

  static void writeIdx(Path file, int magic, int[] dimensions, byte[] data) throws IOException {
    try (OutputStream raw = Files.newOutputStream(file);
        DataOutputStream out = new DataOutputStream(new GZIPOutputStream(raw))) {
      out.writeInt(magic);
      for (int d : dimensions) {
        out.writeInt(d);
      }
      out.write(data);
    }
  }

  static Path syntheticFolder(Path dir) throws IOException {
    Path data = Files.createDirectories(dir.resolve("data"));
    writeSynthetic(data, FashionMnist.TRAIN_IMAGES, FashionMnist.TRAIN_LABELS, 400, 1);
    writeSynthetic(data, FashionMnist.TEST_IMAGES, FashionMnist.TEST_LABELS, 100, 2);
    return data;
  }

  @Test
  void readsTheIdxFilesAsPixelsAndOneHotLabels(@TempDir Path dir) throws IOException {
    FashionMnist.Data data = FashionMnist.load(syntheticFolder(dir));
    assertEquals(400, data.train().size());
    assertEquals(100, data.test().size());
    assertEquals(784, data.train().featureCount());
    assertEquals(10, data.train().targetCount());
    assertEquals(3, data.train().labels()[13]);
    float[] image = data.train().features(13);
    assertTrue(image[(3 + 2) * SIDE + 16 + 2] >= 180, "inside class 3's patch");
    assertTrue(image[20 * SIDE + 2] < 80, "outside");
  }

  @Test
  void trainsEvaluatesAndWritesItsFiles(@TempDir Path dir) throws IOException {
    Path data = syntheticFolder(dir);
    Path output = Files.createDirectories(dir.resolve("out"));
    FashionMnistDemo.Settings settings =
        new FashionMnistDemo.Settings(4, 32, 1e-3f, 0.93f, 2, 0.1, 1, 0);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    FashionMnistDemo.Result result;
    try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
      result = FashionMnistDemo.run(settings, data, output, out, Verbosity.QUIET);
    }
    String printed = bytes.toString(StandardCharsets.UTF_8);

    assertTrue(result.testAccuracy() >= 0.9, "accuracy " + result.testAccuracy());
    assertEquals(100, result.evaluation().confusion().total());
    assertTrue(result.bestEpoch() >= 1 && result.bestEpoch() <= result.history().epochs());
    assertTrue(result.history().has("val_loss"), "a validation split was held out");
    assertTrue(printed.contains("400 training images (40 of them held out for validation)"),
        printed);
    assertTrue(printed.contains("Ankle boot"), "the confusion matrix names the classes");

    assertEquals(5, result.files().size());
    assertNotNull(ImageIO.read(output.resolve(FashionMnistDemo.CURVES_FILE).toFile()));
    assertNotNull(ImageIO.read(output.resolve(FashionMnistDemo.PREDICTIONS_FILE).toFile()));
    String confusion = Files.readString(output.resolve(FashionMnistDemo.CONFUSION_FILE));
    assertTrue(confusion.contains("recall"), confusion);

    // The saved weights give a fresh network the trained one's predictions.
    FashionClassifierNet loaded = new FashionClassifierNet(99);
    ModelFiles.load(loaded, output.resolve(FashionMnistDemo.WEIGHTS_FILE));
    Dataset test = FashionMnist.load(data).test().scaledImages();
    Evaluation reloaded = Evaluation.of(loaded, test, Metrics.ACCURACY);
    assertEquals(result.testAccuracy(), reloaded.get("accuracy"));
    assertEquals(result.evaluation().loss(), reloaded.loss(), 1e-9);
    // The ONNX file holds the same network: the export of the reloaded weights, byte for byte.
    assertArrayEquals(OnnxFiles.toByteArray(loaded),
        Files.readAllBytes(output.resolve(FashionMnistDemo.ONNX_FILE)));
  }

  @Test
  void theLimitTrainsOnFewerImages(@TempDir Path dir) throws IOException {
    Path data = syntheticFolder(dir);
    FashionMnistDemo.Settings settings =
        new FashionMnistDemo.Settings(1, 32, 1e-3f, 0.93f, 2, 0.1, 1, 200);
    var result = FashionMnistDemo.run(settings, data, Files.createDirectories(dir.resolve("o")),
        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
        Verbosity.QUIET);
    assertEquals(1, result.history().epochs());
  }

  @Test
  void aMissingDataSetNamesTheFolderAndHowToInstallIt(@TempDir Path dir) {
    Path nowhere = dir.resolve("fashion-mnist");
    var e = assertThrows(FashionMnist.MissingDataException.class,
        () -> FashionMnist.load(nowhere));
    assertTrue(e.getMessage().contains(nowhere.toString()), e.getMessage());
    assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
    assertTrue(e.getMessage().contains("apt-get install dataset-fashion-mnist"), e.getMessage());
    assertFalse(FashionMnist.isInstalled(nowhere));
    var early = assertThrows(FashionMnist.MissingDataException.class,
        () -> FashionMnist.requireInstalled(nowhere));
    assertEquals(e.getMessage(), early.getMessage());
  }

  @Test
  void aMissingFileIsNamed(@TempDir Path dir) throws IOException {
    Path data = syntheticFolder(dir);
    Files.delete(data.resolve(FashionMnist.TEST_LABELS + ".gz"));
    var e = assertThrows(FashionMnist.MissingDataException.class, () -> FashionMnist.load(data));
    assertTrue(e.getMessage().contains("has no t10k-labels-idx1-ubyte.gz"), e.getMessage());
    assertFalse(FashionMnist.isInstalled(data));
  }

  @Test
  void aFileOfTheWrongKindIsAnErrorNamingIt(@TempDir Path dir) throws IOException {
    Path data = syntheticFolder(dir);
    Path labels = data.resolve(FashionMnist.TRAIN_LABELS + ".gz");
    Path images = data.resolve(FashionMnist.TRAIN_IMAGES + ".gz");
    Files.copy(images, labels, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    var e = assertThrows(IdxFormatException.class, () -> FashionMnist.load(data));
    assertTrue(e.getMessage().contains(labels.toString()), e.getMessage());
    assertTrue(e.getMessage().contains("dimensions [400]"), e.getMessage());
  }

  @Test
  void uncompressedFilesAreReadToo(@TempDir Path dir) throws IOException {
    Path data = Files.createDirectories(dir.resolve("plain"));
    Path zipped = syntheticFolder(dir);
    for (String name : new String[] {FashionMnist.TRAIN_IMAGES, FashionMnist.TRAIN_LABELS,
        FashionMnist.TEST_IMAGES, FashionMnist.TEST_LABELS}) {
      try (var in = new java.util.zip.GZIPInputStream(
          Files.newInputStream(zipped.resolve(name + ".gz")))) {
        Files.write(data.resolve(name), in.readAllBytes());
      }
    }
    assertTrue(FashionMnist.isInstalled(data));
    assertEquals(400, FashionMnist.load(data).train().size());
  }

  @Test
  void optionsAreChecked() {
    var e = assertThrows(IllegalArgumentException.class,
        () -> FashionMnistDemo.main(new String[] {"--epochs", "zero"}));
    assertTrue(e.getMessage().contains("--epochs needs a positive whole number"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> FashionMnistDemo.main(new String[] {"--speed", "1"}));
    assertTrue(e.getMessage().contains("unknown option --speed"), e.getMessage());
  }
}
