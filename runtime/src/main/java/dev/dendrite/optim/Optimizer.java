package dev.dendrite.optim;

import dev.dendrite.Tensor;
import java.util.List;

/**
 * Updates parameter tensors from their gradients, one {@link #step} per training batch.
 *
 * <p>An optimizer is bound to one list of tensors by its first step: any state it keeps (a
 * velocity, moment estimates) is allocated then, as one {@code float[][]} per tensor with the
 * tensor's row layout, and reused by every later step, so that steps after the first allocate
 * nothing. Later steps must be given tensors of the same number and shapes, in the same order.
 *
 * <p>An optimizer is not safe for use by several threads at once.
 */
public interface Optimizer {

  /**
   * Applies one update to {@link Tensor#values()} of every tensor using its {@link
   * Tensor#gradients()}, which are left unchanged.
   *
   * @param parameters the tensors to update, typically {@code model.parameters()}
   * @throws IllegalArgumentException if the tensors differ in number or shape from those of the
   *     first step, or if a tensor's gradients are not laid out like its values
   */
  void step(List<Tensor> parameters);

  /** The learning rate the next step will use. */
  float learningRate();

  /**
   * Sets the learning rate for the following steps, for example from a schedule.
   *
   * @throws IllegalArgumentException if {@code learningRate} is not positive and finite
   */
  void setLearningRate(float learningRate);

  /** The number of steps taken so far. */
  int iterations();
}
