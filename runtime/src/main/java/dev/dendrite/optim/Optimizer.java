package dev.dendrite.optim;

import dev.dendrite.Tensor;
import dev.dendrite.parallel.Workers;
import java.util.List;

/**
 * Updates parameter tensors from their gradients, one {@link #step} per training batch.
 *
 * <p>An optimizer is bound to one list of tensors by its first step: any state it keeps (a
 * velocity, moment estimates) is allocated then, as one {@code float[][]} per tensor with the
 * tensor's row layout, and reused by every later step, so that steps after the first allocate
 * nothing. Later steps must be given tensors of the same number and shapes, in the same order.
 *
 * <p>The layout of every row of a tensor is checked when the optimizer first sees that tensor (by
 * a step or {@link #bind}); later steps given the same tensor objects in the same order, as
 * {@code model.parameters()} returns them, only compare references. The rows of a tensor must
 * therefore keep their lengths once it has been stepped, as the rows of a generated network do.
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

  /**
   * The same update as {@link #step(List)}, split over {@code workers}: part {@code p} of {@code
   * parts} updates rows {@code [Workers.start(rows, p, parts), Workers.start(rows, p + 1,
   * parts))} of every tensor. Every value gets exactly the update {@link #step(List)} gives it,
   * whatever the number of threads. A generated network that splits its batches over threads
   * passes its own ({@code Model.step(Optimizer)}), whose parameter gradients are split by rows
   * the same way, so that each thread updates the rows whose gradients it has just written.
   * This default runs {@link #step(List)} on the calling thread.
   *
   * @param parameters the tensors to update, typically {@code model.parameters()}
   * @param workers the threads to split the step over
   * @throws IllegalArgumentException as {@link #step(List)}
   */
  default void step(List<Tensor> parameters, Workers workers) {
    step(parameters);
  }

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

  /**
   * Sets the number of steps taken, as when training resumes from a checkpoint (Adam's bias
   * corrections depend on it).
   *
   * @throws IllegalArgumentException if {@code iterations} is negative
   */
  void setIterations(int iterations);

  /**
   * The names of the values this optimizer keeps for every parameter value, in the order {@link
   * #state} numbers them: {@code velocity} for SGD with momentum, {@code m} and {@code v} for
   * Adam, none for plain SGD. Checkpoints store this state under these names.
   */
  List<String> stateNames();

  /**
   * Binds this optimizer to {@code parameters} as its first step would, allocating its state
   * (zero), without changing any value; if it is bound already, only checks that the tensors have
   * the same layout. A checkpoint restores state into a new optimizer this way.
   *
   * @throws IllegalArgumentException as {@link #step} does
   */
  void bind(List<Tensor> parameters);

  /**
   * State number {@code index} (in the order of {@link #stateNames()}) of tensor number {@code
   * tensor}: the live array, laid out like the tensor's values, which a checkpoint reads and
   * restores.
   *
   * @throws IllegalStateException if the optimizer is not bound to tensors yet
   * @throws IndexOutOfBoundsException if there is no such state or tensor
   */
  float[][] state(int index, int tensor);
}
