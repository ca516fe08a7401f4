package dev.dendrite;

import java.util.Arrays;

/**
 * Where the value at an index of a tensor lies in its rows, for {@link Tensor} and {@link
 * DoubleTensor}: rows whose concatenation is the row-major order of the shape, however many values
 * each row holds.
 */
final class TensorIndex {

  private TensorIndex() {}

  /**
   * The position of {@code index} in the row-major order of {@code shape}.
   *
   * @throws IndexOutOfBoundsException if {@code index} does not have one value per dimension, each
   *     within it
   */
  static int flat(String name, int[] shape, int[] index) {
    if (index.length != shape.length) {
      throw new IndexOutOfBoundsException(String.format(
          "%s %s has %d dimensions, but the index %s has %d", name, Arrays.toString(shape),
          shape.length, Arrays.toString(index), index.length));
    }
    int flat = 0;
    for (int d = 0; d < shape.length; d++) {
      if (index[d] < 0 || index[d] >= shape[d]) {
        throw new IndexOutOfBoundsException(String.format("index %s is outside %s %s",
            Arrays.toString(index), name, Arrays.toString(shape)));
      }
      flat = flat * shape[d] + index[d];
    }
    return flat;
  }
}
