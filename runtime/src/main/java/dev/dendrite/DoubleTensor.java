package dev.dendrite;

import java.util.Arrays;

/**
 * A named parameter tensor of a double-precision network with its gradient; laid out like
 * {@link Tensor}.
 *
 * @param name the tensor's name, {@code <layer>.<part>}
 * @param shape the tensor's shape
 * @param values the parameter values, one array per row; owned by the network
 * @param gradients the gradient of the loss with respect to each value, same layout; {@code null}
 *     for a non-trainable tensor (see {@link Model#buffers()})
 */
public record DoubleTensor(String name, int[] shape, double[][] values, double[][] gradients) {

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
  public double get(int... index) {
    int flat = TensorIndex.flat(name, shape, index);
    int length = values[0].length;
    return values[flat / length][flat % length];
  }

  /**
   * Sets the value at {@code index}, one index per dimension.
   *
   * @throws IndexOutOfBoundsException as {@link #get} does
   */
  public void set(double value, int... index) {
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
  public double gradient(int... index) {
    if (gradients == null) {
      throw new IllegalStateException(name + " is not trainable and has no gradient");
    }
    int flat = TensorIndex.flat(name, shape, index);
    int length = gradients[0].length;
    return gradients[flat / length][flat % length];
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DoubleTensor t && name.equals(t.name) && Arrays.equals(shape, t.shape)
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
