/**
 * The plan phase: decides, per layer, how its kernels are written (unrolled straight-line code
 * for small layers, loops with constant bounds for large ones), which buffers it reads and
 * writes, and which backward steps it needs, keeping every generated method well below the 8000
 * bytes of bytecode past which HotSpot does not compile a method.
 */
package dev.dendrite.processor.plan;
