package dev.dendrite;

import java.util.Arrays;

/**
 * A named parameter tensor of a float network with its gradient, or one of its non-trainable
 * tensors (see {@link Model#buffers()}).
 *
 * <p>Values are stored as rows: a tensor of shape {@code [d0, ..., dk]} has {@code d0 * ... *
 * d(k-1)} rows of {@code dk} values each (a vector is one row). Rows are separate arrays so that
 * kernels index every array of a loop with the same index, which lets HotSpot vectorize them.
 *
 * @param name the tensor's name, {@code <layer>.<part>}, e.g. {@code hidden.weight}
 * @param shape the tensor's shape
 * @param values the parameter values, one array per row; owned by the network
 * @param gradients the gradient of the loss with respect to each value, same layout; {@code null}
 *     for a non-trainable tensor (see {@link Model#buffers()})
 */
public record Tensor(String name, int[] shape, float[][] values, float[][] gradients) {

  /** The number of values in this tensor. */
  public int size() {
    return values.length * values[0].length;
  }

  @Override
  public int[] shape() {
    return shape.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Tensor t && name.equals(t.name) && Arrays.equals(shape, t.shape)
        && values == t.values && gradients == t.gradients;
  }

  @Override
  public int hashCode() {
    return name.hashCode() * 31 + Arrays.hashCode(shape);
  }

  @Override
  public String toString() {
    return name + " " + Arrays.toString(shape);
  }
}
