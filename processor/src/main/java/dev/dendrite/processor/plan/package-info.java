/**
 * The plan phase: the whole generated class as data. Per layer, a {@link
 * dev.dendrite.processor.plan.LayerPlan} with the way it is written (unrolled straight-line code
 * for small dense layers, calls of the runtime's matrix kernels for large ones), the buffers it
 * reads and writes and the methods it declares; for the network, whether it splits batches over
 * threads. {@link dev.dendrite.processor.plan.NetworkPlan#methods()} and {@link
 * dev.dendrite.processor.plan.NetworkPlan#fields()} are the members the emitter writes, and the
 * rules of {@link dev.dendrite.processor.plan.GeneratedMemberRules} check the user's class against
 * them.
 */
package dev.dendrite.processor.plan;
