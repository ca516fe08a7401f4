/**
 * The Dendrite network DSL.
 *
 * <p>A network is a class annotated with {@link dev.dendrite.annotation.Network}; each of its
 * fields annotated with a layer annotation ({@link dev.dendrite.annotation.Input},
 * {@link dev.dendrite.annotation.Dense}, {@link dev.dendrite.annotation.Dropout},
 * {@link dev.dendrite.annotation.BatchNorm}, {@link dev.dendrite.annotation.Flatten}) is one layer,
 * in source order, and the field name is the layer's name. The Dendrite annotation processor checks
 * the declaration at compile time and generates {@code <ClassName>Net}, a subclass that implements
 * the forward and backward pass of exactly that network.
 *
 * <p>This module holds annotations and enums only and has no dependencies.
 */
package dev.dendrite.annotation;
