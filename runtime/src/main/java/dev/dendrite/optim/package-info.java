/**
 * Optimizers that update a network's parameter {@link dev.dendrite.Tensor}s from their gradients:
 * {@link dev.dendrite.optim.Sgd} (plain, momentum, Nesterov) and {@link dev.dendrite.optim.Adam}.
 * Each update is one pass over every row of every tensor, and after the first step an optimizer
 * allocates nothing.
 */
package dev.dendrite.optim;
