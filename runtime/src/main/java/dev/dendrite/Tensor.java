package dev.dendrite;

import java.util.Arrays;

/**
 * A named parameter tensor of a float network with its gradient, or one of its non-trainable
 * tensors (see {@link Model#buffers()}).
 *
 * <p>Values are stored as rows whose concatenation is the tensor's values in row-major order.
 * Rows are separate arrays so that kernels index every array of a loop with the same index, which
 * lets HotSpot vectorize them. A tensor of shape {@code [d0, ..., dk]} has {@code d0 * ... *
 * d(k-1)} rows of {@code dk} values each (a vector is one row). {@link #get}, {@link #set} and
 * {@link #gradient} find a value by its index in the shape whatever the rows; code that walks
 * {@link #values()} should take the rows as they come, in order.
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

  /**
   * The value at {@code index}, one index per dimension, e.g. {@code get(k, 0)} for input {@code
   * k} of a weight {@code [inputs, 1]}, whichever row holds it.
   *
   * @throws IndexOutOfBoundsException if {@code index} does not have one value per dimension,
   *     each within it
   */
  public float get(int... index) {
    int flat = TensorIndex.flat(name, shape, index);
    int length = values[0].length;
    return values[flat / length][flat % length];
  }

  /**
   * Sets the value at {@code index}, one index per dimension.
   *
   * @throws IndexOutOfBoundsException as {@link #get} does
   */
  public void set(float value, int... index) {
    int flat = TensorIndex.flat(name, shape, index);
    int length = values[0].length;
    values[flat / length][flat % length] = value;
  }

  /**
   * The gradient of the value at {@code index}, one index per dimension.
   *
   * @throws IndexOutOfBoundsException as {@link #get} does
   * @throws IllegalStateException if the tensor is not trainable
   */
  public float gradient(int... index) {
    if (gradients == null) {
      throw new IllegalStateException(name + " is not trainable and has no gradient");
    }
    int flat = TensorIndex.flat(name, shape, index);
    int length = gradients[0].length;
    return gradients[flat / length][flat % length];
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
