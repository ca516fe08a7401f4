package dev.dendrite.samples;

import dev.dendrite.data.Dataset;
import dev.dendrite.data.IdxFile;
import dev.dendrite.data.IdxFormatException;
import dev.dendrite.data.IdxReader;
import dev.dendrite.data.IdxType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * The Fashion-MNIST data set (Zalando Research): 60,000 training and 10,000 test images of 28 x 28
 * grey pixels, ten kinds of clothing. It is read with the runtime's {@link IdxReader} from the four
 * IDX files of its distribution, as Debian's {@code dataset-fashion-mnist} package installs them
 * in {@value #DEFAULT_FOLDER}.
 */
public final class FashionMnist {

  /** Where Debian's {@code dataset-fashion-mnist} package puts the files. */
  public static final String DEFAULT_FOLDER = "/usr/share/datasets/fashion-mnist";

  /** The names of the ten classes, by label. */
  public static final List<String> CLASSES = List.of("T-shirt/top", "Trouser", "Pullover",
      "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot");

  /** The side of an image, in pixels. */
  public static final int SIDE = 28;

  static final String TRAIN_IMAGES = "train-images-idx3-ubyte";
  static final String TRAIN_LABELS = "train-labels-idx1-ubyte";
  static final String TEST_IMAGES = "t10k-images-idx3-ubyte";
  static final String TEST_LABELS = "t10k-labels-idx1-ubyte";

  /** How to get the data, for messages. */
  static final String HOW_TO_INSTALL = "Install it with `sudo apt-get install"
      + " dataset-fashion-mnist` (Debian, Ubuntu), or download train-images-idx3-ubyte.gz,"
      + " train-labels-idx1-ubyte.gz, t10k-images-idx3-ubyte.gz and t10k-labels-idx1-ubyte.gz"
      + " from https://github.com/zalandoresearch/fashion-mnist into a folder and pass it as"
      + " --data FOLDER (with Maven: -Dexec.args=\"--data FOLDER\").";

  /**
   * The two parts of the data set, pixels 0..255 as they are in the files and one-hot targets.
   *
   * @param train the training images
   * @param test the test images
   */
  public record Data(Dataset train, Dataset test) {}

  private FashionMnist() {}

  /** True if {@code folder} holds the four files, compressed or not. */
  public static boolean isInstalled(Path folder) {
    for (String name : List.of(TRAIN_IMAGES, TRAIN_LABELS, TEST_IMAGES, TEST_LABELS)) {
      if (find(folder, name) == null) {
        return false;
      }
    }
    return true;
  }

  /**
   * Checks that {@code folder} holds the four files.
   *
   * @throws MissingDataException naming the first missing file and how to install the data
   */
  public static void requireInstalled(Path folder) throws MissingDataException {
    for (String name : List.of(TRAIN_IMAGES, TRAIN_LABELS, TEST_IMAGES, TEST_LABELS)) {
      require(folder, name);
    }
  }

  /**
   * Reads the training and test sets from {@code folder}, which holds the four IDX files either
   * gzip-compressed ({@code .gz}, as distributed) or not.
   *
   * @throws MissingDataException if a file is missing, naming it and how to install the data
   * @throws IOException if a file cannot be read or is not the IDX file it should be
   */
  public static Data load(Path folder) throws IOException {
    return new Data(read(folder, TRAIN_IMAGES, TRAIN_LABELS), read(folder, TEST_IMAGES,
        TEST_LABELS));
  }

  private static Dataset read(Path folder, String imagesName, String labelsName)
      throws IOException {
    Path imagesFile = require(folder, imagesName);
    Path labelsFile = require(folder, labelsName);
    IdxFile imagesIdx = IdxReader.read(imagesFile);
    IdxFile labelsIdx = IdxReader.read(labelsFile);
    expect(imagesFile, imagesIdx, new int[] {imagesIdx.count(), SIDE, SIDE}, "images");
    expect(labelsFile, labelsIdx, new int[] {labelsIdx.count()}, "labels");
    float[][] images = imagesIdx.rows();
    int[] labels = labelsIdx.labels();
    if (images.length != labels.length) {
      throw new IOException(imagesFile + " has " + images.length + " images but " + labelsFile
          + " has " + labels.length + " labels");
    }
    return Dataset.ofLabels(images, labels, CLASSES.size(), false);
  }

  /** Checks that an IDX file holds unsigned bytes of the given dimensions. */
  private static void expect(Path file, IdxFile idx, int[] dimensions, String what)
      throws IdxFormatException {
    if (idx.type() != IdxType.UNSIGNED_BYTE || !Arrays.equals(idx.dimensions(), dimensions)) {
      throw new IdxFormatException(file.toString(), "Fashion-MNIST " + what + " are unsigned"
          + " bytes of dimensions " + Arrays.toString(dimensions) + ", this file holds "
          + idx.type() + " of dimensions " + Arrays.toString(idx.dimensions()));
    }
  }

  private static Path require(Path folder, String name) throws MissingDataException {
    Path file = find(folder, name);
    if (file == null) {
      String why = Files.isDirectory(folder)
          ? "has no " + name + ".gz (nor " + name + ")"
          : "does not exist";
      throw new MissingDataException("Fashion-MNIST is not installed: " + folder.toAbsolutePath()
          + " " + why + ". " + HOW_TO_INSTALL);
    }
    return file;
  }

  private static Path find(Path folder, String name) {
    for (Path file : List.of(folder.resolve(name + ".gz"), folder.resolve(name))) {
      if (Files.isRegularFile(file)) {
        return file;
      }
    }
    return null;
  }

  /** Thrown when the data set is not where it was looked for. */
  public static final class MissingDataException extends IOException {
    private static final long serialVersionUID = 1L;

    MissingDataException(String message) {
      super(message);
    }
  }
}
