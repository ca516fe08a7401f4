package dev.dendrite.processor.plan;

import dev.dendrite.annotation.Activation;
import dev.dendrite.processor.model.CheckedLayer;

/**
 * What the emitter writes for one layer.
 */
public sealed interface LayerPlan {

  /** The checked layer. */
  CheckedLayer layer();

  /** The identifiers generated for the layer. */
  LayerNames names();

  /**
   * The layer's output size constant of the layer feeding this one (or of the input), used as
   * the input loop bound.
   */
  String inputSizeConstant();

  /** The buffer the layer reads in a training pass: a field name, or {@code batchInput}. */
  String inputBuffer();

  /** The gradient buffer of the layer feeding this one, or {@code null} if none is needed. */
  String inputGradientBuffer();

  /** The input layer. */
  record InputPlan(CheckedLayer.InputLayer layer, LayerNames names) implements LayerPlan {
    @Override
    public String inputSizeConstant() {
      return names.sizeConstant();
    }

    @Override
    public String inputBuffer() {
      return null;
    }

    @Override
    public String inputGradientBuffer() {
      return null;
    }
  }

  /**
   * A dense layer.
   *
   * @param strategy how its kernels are written
   * @param keepsPreActivation whether it keeps the pre-activations {@code z} in a buffer of their
   *     own (every activation but LINEAR)
   * @param fusedLoss whether it is the output layer and its loss gradient is taken with respect to
   *     {@code z} directly (sigmoid + binary cross-entropy, softmax + categorical cross-entropy)
   * @param blocking for a looped layer, how many samples and rows share each pass of its inner
   *     loops
   * @param forwardInHalves whether, with the Vector API's kernels, its forward product runs in two
   *     parts of fixed weight rows, each summed on its own and the second added to the first (see
   *     {@link Planner#forwardInHalves})
   */
  record DensePlan(
      CheckedLayer.DenseLayer layer,
      LayerNames names,
      String inputSizeConstant,
      String inputBuffer,
      String inputGradientBuffer,
      Strategy strategy,
      boolean keepsPreActivation,
      boolean fusedLoss,
      Blocking blocking,
      boolean forwardInHalves)
      implements LayerPlan {

    /**
     * Whether a training pass writes, with each sigmoid output, its binary cross-entropy term
     * {@code log(1 + e^-|z|)} from the same exponential, for the loss to read: the output layer
     * of binary cross-entropy.
     */
    public boolean keepsLossTerms() {
      return fusedLoss && layer.activation() == Activation.SIGMOID;
    }

    /**
     * Whether the weights {@code [inputs, 1]} are stored as one row of {@code inputs} values
     * rather than a row of one value per input: a one-unit layer with unrolled kernels, which then
     * index one array instead of loading and checking a row per input in every pass.
     */
    public boolean oneRowWeight() {
      return strategy == Strategy.UNROLLED && layer.units() == 1;
    }
  }

  /**
   * A dropout layer.
   *
   * @param inputGradientBuffer where its backward pass writes; {@code null} when no trainable
   *     layer comes before it, so that it needs no backward pass
   */
  record DropoutPlan(
      CheckedLayer.DropoutLayer layer,
      LayerNames names,
      String inputSizeConstant,
      String inputBuffer,
      String inputGradientBuffer)
      implements LayerPlan {}

  /**
   * A batch normalization layer.
   *
   * @param inputGradientBuffer where its input gradient goes; {@code null} when no trainable layer
   *     comes before it
   * @param keepsPreActivation whether it keeps {@code y = gamma xhat + beta} in a buffer of its own
   *     (every activation but LINEAR)
   */
  record BatchNormPlan(
      CheckedLayer.BatchNormLayer layer,
      LayerNames names,
      String inputSizeConstant,
      String inputBuffer,
      String inputGradientBuffer,
      boolean keepsPreActivation)
      implements LayerPlan {}

  /**
   * A flatten layer: no code, the rows it reads are its output, and the gradient of its output is
   * the gradient of its input.
   */
  record FlattenPlan(
      CheckedLayer.FlattenLayer layer,
      LayerNames names,
      String inputSizeConstant,
      String inputBuffer,
      String inputGradientBuffer)
      implements LayerPlan {}
}
