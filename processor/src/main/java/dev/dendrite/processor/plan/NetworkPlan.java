package dev.dendrite.processor.plan;

import dev.dendrite.processor.model.CheckedNetwork;
import java.util.List;

/**
 * The plan of a whole network: one {@link LayerPlan} per layer, in order.
 *
 * @param network the checked network
 * @param layers the layer plans, the input first
 * @param parallelMinBatch the smallest batch whose passes are split over several threads;
 *     smaller batches run on the calling thread, where a hand-off would cost more than it saves
 * @param predictsInLocals whether a single-sample prediction runs as one method that keeps every
 *     value in a local variable, rather than as a forward pass over a batch of one
 * @param backpropagatesInLocals whether the backward pass of a batch of one sample runs as one
 *     method that keeps each unit's gradient in a local variable, rather than through the
 *     per-layer kernels
 */
public record NetworkPlan(
    CheckedNetwork network, List<LayerPlan> layers, int parallelMinBatch,
    boolean predictsInLocals, boolean backpropagatesInLocals) {

  public NetworkPlan {
    layers = List.copyOf(layers);
  }

  /** The plan of the input layer. */
  public LayerPlan.InputPlan input() {
    return (LayerPlan.InputPlan) layers.get(0);
  }

  /** The plan of the output layer. */
  public LayerPlan.DensePlan output() {
    return (LayerPlan.DensePlan) layers.get(layers.size() - 1);
  }
}
