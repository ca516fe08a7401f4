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
