/**
 * Optimizers that update a network's parameter {@link dev.dendrite.Tensor}s from their gradients:
 * {@link dev.dendrite.optim.Sgd} (plain, momentum, Nesterov), {@link dev.dendrite.optim.AdaGrad},
 * {@link dev.dendrite.optim.AdaDelta}, {@link dev.dendrite.optim.RmsProp}, {@link
 * dev.dendrite.optim.Adam} and {@link dev.dendrite.optim.AdamW}; {@link
 * dev.dendrite.optim.LearningRateSchedule}s (step, exponential, cosine) and {@link
 * dev.dendrite.optim.GradientClipping} by global norm. Each update is one pass over every row of
 * every tensor, and after the first step an optimizer allocates nothing.
 *
 * <p>An optimizer's state (velocities, moment estimates, accumulators) is public for checkpoints:
 * {@link dev.dendrite.optim.Optimizer#stateNames()} names the arrays it keeps per parameter value
 * and {@link dev.dendrite.optim.Optimizer#state(int, int)} returns the live array of one of them
 * for one tensor, laid out like the tensor's values.
 */
package dev.dendrite.optim;
