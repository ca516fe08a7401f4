/** Weight initialisers, drawing from a seeded {@link dev.dendrite.random.Rng}. */
package dev.dendrite.init;
