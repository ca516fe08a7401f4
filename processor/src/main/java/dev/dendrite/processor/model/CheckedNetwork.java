package dev.dendrite.processor.model;

import dev.dendrite.annotation.Loss;
import java.util.List;

/**
 * A network that passed every rule: the first layer is the input, every shape fits, and the loss
 * suits the output layer.
 *
 * @param packageName the package of the annotated class
 * @param userType the annotated type's name within its package, e.g. {@code Outer.Inner}
 * @param loss the loss
 * @param doublePrecision whether a double-precision twin is generated
 * @param layers the layers in order, the input first
 */
public record CheckedNetwork(
    String packageName,
    String userType,
    Loss loss,
    boolean doublePrecision,
    List<CheckedLayer> layers) {

  public CheckedNetwork {
    layers = List.copyOf(layers);
  }

  /** The input layer. */
  public CheckedLayer.InputLayer input() {
    return (CheckedLayer.InputLayer) layers.get(0);
  }

  /** The last layer, whose output is the network's output. */
  public CheckedLayer.DenseLayer output() {
    return (CheckedLayer.DenseLayer) layers.get(layers.size() - 1);
  }

  /** The simple name of the generated float network, e.g. {@code FooNet} or {@code Outer_InnerNet}. */
  public String generatedName() {
    return ClassDecl.generatedName(userType);
  }

  /** The total number of trainable parameters. */
  public long parameterCount() {
    return layers.stream().mapToLong(CheckedLayer::parameterCount).sum();
  }

  /** The total number of non-trainable values. */
  public long nonTrainableCount() {
    return layers.stream().mapToLong(CheckedLayer::nonTrainableCount).sum();
  }

  /** The total forward FLOPs per sample. */
  public long flopsPerSample() {
    return layers.stream().mapToLong(CheckedLayer::flopsPerSample).sum();
  }
}
