/**
 * Small kernels that generated networks call: scalar activation functions and their derivatives,
 * softmax, and the per-sample losses fused with their output activations. Each has a float and a
 * double form; the double form backs the double-precision networks used in gradient checks.
 */
package dev.dendrite.kernel;
