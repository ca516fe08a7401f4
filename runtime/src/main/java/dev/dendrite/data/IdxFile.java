package dev.dendrite.data;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * The content of an IDX file: its element type, its dimensions and its elements, kept as the
 * file stores them (big-endian) and converted on request. The first dimension counts the samples
 * (images, labels); the others give the shape of one sample, whose elements are flattened
 * row-major into one row by {@link #rows()}.
 */
public final class IdxFile {

  private final IdxType type;
  private final int[] dimensions;
  private final ByteBuffer data;

  IdxFile(IdxType type, int[] dimensions, byte[] data) {
    this.type = type;
    this.dimensions = dimensions.clone();
    this.data = ByteBuffer.wrap(data).asReadOnlyBuffer();
  }

  /** The element type. */
  public IdxType type() {
    return type;
  }

  /** The dimensions, the sample count first; a copy. */
  public int[] dimensions() {
    return dimensions.clone();
  }

  /** The number of samples: the first dimension. */
  public int count() {
    return dimensions[0];
  }

  /** The number of elements per sample: the product of the dimensions after the first. */
  public int sampleSize() {
    int size = 1;
    for (int i = 1; i < dimensions.length; i++) {
      size *= dimensions[i];
    }
    return size;
  }

  /** Element {@code index} (row-major over all dimensions) as a double, exactly. */
  public double value(int index) {
    int at = index * type.size();
    return switch (type) {
      case UNSIGNED_BYTE -> data.get(at) & 0xff;
      case SIGNED_BYTE -> data.get(at);
      case SHORT -> data.getShort(at);
      case INT -> data.getInt(at);
      case FLOAT -> data.getFloat(at);
      case DOUBLE -> data.getDouble(at);
    };
  }

  /** One row of {@link #sampleSize()} values per sample, as floats. */
  public float[][] rows() {
    return rows(1f);
  }

  /**
   * One row per sample, each value multiplied by {@code scale} (e.g. {@code 1 / 255f} to bring
   * pixels into [0, 1]).
   */
  public float[][] rows(float scale) {
    int count = count();
    int size = sampleSize();
    float[][] rows = new float[count][size];
    int index = 0;
    for (float[] row : rows) {
      for (int j = 0; j < size; j++) {
        row[j] = (float) value(index++) * scale;
      }
    }
    return rows;
  }

  /**
   * The elements of a one-dimensional file of integers, such as class labels.
   *
   * @throws IllegalStateException if the file has more than one dimension or holds floats
   */
  public int[] labels() {
    if (dimensions.length != 1 || !type.isInteger()) {
      throw new IllegalStateException("labels come from a one-dimensional file of integers;"
          + " this one has dimensions " + Arrays.toString(dimensions) + " of " + type);
    }
    int[] labels = new int[count()];
    for (int i = 0; i < labels.length; i++) {
      labels[i] = (int) value(i);
    }
    return labels;
  }

  @Override
  public String toString() {
    return "IdxFile(" + type + " " + Arrays.toString(dimensions) + ")";
  }
}
