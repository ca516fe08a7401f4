/**
 * Matrix kernels written with the incubating Vector API ({@code jdk.incubator.vector}): register
 * tiles of fused multiply-adds. Compiled with {@code --add-modules jdk.incubator.vector}, loaded
 * only through {@link dev.dendrite.kernel.Kernels} when asked for and when the module is present.
 */
package dev.dendrite.kernel.vector;
