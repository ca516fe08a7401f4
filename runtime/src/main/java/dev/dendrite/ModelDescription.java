package dev.dendrite;

import dev.dendrite.annotation.Loss;
import java.util.List;

/** What every generated network says about itself, whatever its precision. */
public interface ModelDescription {

  /** The simple name of the {@code @Network} class this network was generated from. */
  String networkName();

  /** The layers in order, the input layer first. */
  List<Layer> layers();

  /** The loss the network is trained with. */
  Loss loss();

  /** The number of values in one input sample: those of the first layer. */
  default int inputSize() {
    return layers().get(0).outputSize();
  }

  /** The number of values in one output sample: those of the last layer. */
  default int outputSize() {
    List<Layer> layers = layers();
    return layers.get(layers.size() - 1).outputSize();
  }

  /** The total number of trainable parameters. */
  default long parameterCount() {
    long total = 0;
    for (Layer layer : layers()) {
      total += layer.parameterCount();
    }
    return total;
  }

  /**
   * The total number of non-trainable values: the running statistics of {@code @BatchNorm}
   * layers, which training updates without gradients.
   */
  default long nonTrainableCount() {
    long total = 0;
    for (Layer layer : layers()) {
      total += layer.nonTrainableCount();
    }
    return total;
  }

  /**
   * The state of the random generator that draws dropout masks. Restoring a state replays the
   * same masks, which makes training resumable and a gradient check with dropout exact. 0 for a
   * network without dropout, which draws nothing.
   */
  default long randomState() {
    return 0;
  }

  /** Restores a state returned by {@link #randomState()}; nothing to restore without dropout. */
  default void setRandomState(long state) {}

  /**
   * A table of the layers with their output shapes and parameter counts, and the totals of
   * trainable and non-trainable parameters.
   */
  default String summary() {
    return Summary.of(this);
  }
}
