package dev.dendrite.io;

import java.util.Arrays;

/**
 * One tensor of a safetensors file as its header describes it.
 *
 * @param name the tensor's key in the header
 * @param dtype its element type
 * @param shape its shape, row-major (C order); empty for a scalar
 * @param begin the offset of its first byte in the data buffer (after the header)
 * @param end the offset just past its last byte in the data buffer
 */
public record TensorInfo(String name, DType dtype, long[] shape, long begin, long end) {

  public TensorInfo {
    shape = shape.clone();
  }

  /** The shape; a copy. */
  @Override
  public long[] shape() {
    return shape.clone();
  }

  /** The number of elements, the product of the shape (1 for a scalar). */
  public long elementCount() {
    long count = 1;
    for (long d : shape) {
      count *= d;
    }
    return count;
  }

  /** The number of bytes of its data. */
  public long byteCount() {
    return end - begin;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TensorInfo t && name.equals(t.name) && dtype == t.dtype
        && Arrays.equals(shape, t.shape) && begin == t.begin && end == t.end;
  }

  @Override
  public int hashCode() {
    return name.hashCode() * 31 + Arrays.hashCode(shape);
  }

  @Override
  public String toString() {
    return name + " " + dtype + " " + Arrays.toString(shape) + " [" + begin + ", " + end + ")";
  }
}
