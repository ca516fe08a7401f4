/**
 * The Dendrite runtime: the {@link dev.dendrite.Model} interface that every generated network
 * implements, its parameter {@link dev.dendrite.Tensor}s and {@link dev.dendrite.Layer}
 * descriptions. Subpackages hold the kernels generated code calls, initialisers, optimizers and
 * the gradient check.
 */
package dev.dendrite;
