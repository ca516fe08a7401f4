package dev.dendrite.processor.plan;

/**
 * The identifiers generated for one layer, all derived from the field name {@code f}: constants
 * {@code F_SIZE}; parameter fields {@code fWeight}, {@code fBias}, {@code fAlpha}, {@code fGamma},
 * {@code fBeta} and their gradients {@code fWeightGrad}..., the running statistics, the
 * per-sample buffers {@code fPre}, {@code fOut}, {@code fGrad}, {@code fMask}, {@code
 * fNormalized}, {@code fLossTerms}, and {@code fWeightT}, the transposed weights; methods {@code
 * fForward}, {@code fInference}, {@code fBackward}, {@code fInputGradient}, {@code
 * fParameterGradient}, {@code fDrawMask}, {@code fLoss}.
 */
public record LayerNames(String field, String constantPrefix) {

  /** Names for the layer in field {@code field}, with constants prefixed {@code constantPrefix}. */
  public static LayerNames of(String field, String constantPrefix) {
    return new LayerNames(field, constantPrefix);
  }

  /** {@code F_SIZE}: the number of values of one sample after the layer. */
  public String sizeConstant() {
    return constantPrefix + "_SIZE";
  }

  /** {@code F_ALPHA}: the activation's parameter. */
  public String alphaConstant() {
    return constantPrefix + "_ALPHA";
  }

  /** {@code F_RATE}: a dropout rate. */
  public String rateConstant() {
    return constantPrefix + "_RATE";
  }

  /** {@code F_SCALE}: what a surviving value is multiplied by. */
  public String scaleConstant() {
    return constantPrefix + "_SCALE";
  }

  public String weight() {
    return field + "Weight";
  }

  public String weightGrad() {
    return field + "WeightGrad";
  }

  public String bias() {
    return field + "Bias";
  }

  public String biasGrad() {
    return field + "BiasGrad";
  }

  public String pre() {
    return field + "Pre";
  }

  public String out() {
    return field + "Out";
  }

  public String grad() {
    return field + "Grad";
  }

  public String mask() {
    return field + "Mask";
  }

  /**
   * {@code fWeightT}: the weights transposed, {@code [units][inputs]}, for a looped layer's input
   * gradient.
   */
  public String weightTransposed() {
    return field + "WeightT";
  }

  public String forward() {
    return field + "Forward";
  }

  public String backward() {
    return field + "Backward";
  }

  public String parameterGradient() {
    return field + "ParameterGradient";
  }

  /** {@code fForwardTiles}: the tiles of a large layer's forward product. */
  public String forwardTiles() {
    return field + "ForwardTiles";
  }

  /** {@code fInputGradientTiles}: the tiles of a large layer's input gradient. */
  public String inputGradientTiles() {
    return field + "InputGradientTiles";
  }

  public String drawMask() {
    return field + "DrawMask";
  }

  public String inputGradient() {
    return field + "InputGradient";
  }

  /** {@code F_SPLIT_ROW}: the first weight row of the second part of a halved product. */
  public String splitRowConstant() {
    return constantPrefix + "_SPLIT_ROW";
  }

  /** {@code F_VECTOR_PARTS}: whether the Vector API's kernels take the parts of the product. */
  public String vectorPartsConstant() {
    return constantPrefix + "_VECTOR_PARTS";
  }

  /** {@code fForwardHalves}: the two parts of a halved product, shared between threads. */
  public String forwardHalves() {
    return field + "ForwardHalves";
  }

  /** {@code fForwardPart}: one part of a halved product on the plain loops. */
  public String forwardPart() {
    return field + "ForwardPart";
  }

  /** {@code fSecondHalf}: per sample, the second part's sums of a halved product. */
  public String secondHalf() {
    return field + "SecondHalf";
  }

  /** {@code fSecondInput}: per sample, the row of inputs to the second part (plain loops). */
  public String secondInput() {
    return field + "SecondInput";
  }

  /** {@code fSecondRows}: the weight rows of the second part, from row 0 (plain loops). */
  public String secondRows() {
    return field + "SecondRows";
  }

  /** {@code fSecondPool}: per range of samples, rows that hold the second part's inputs. */
  public String secondPool() {
    return field + "SecondPool";
  }

  public String loss() {
    return field + "Loss";
  }

  /** {@code fAlpha}: the learned PRELU slopes, one row. */
  public String alpha() {
    return field + "Alpha";
  }

  /**
   * {@code fAlphaTerms}: per sample, each value's term of the PRELU slope gradient, summed over
   * the batch by the parameter gradient.
   */
  public String alphaTerms() {
    return field + "AlphaTerms";
  }

  /** {@code fAlphaGrad}: the gradient of the learned PRELU slopes. */
  public String alphaGrad() {
    return field + "AlphaGrad";
  }

  /** {@code F_MOMENTUM}: a batch normalization's momentum. */
  public String momentumConstant() {
    return constantPrefix + "_MOMENTUM";
  }

  /** {@code F_EPSILON}: what a batch normalization adds to the variance. */
  public String epsilonConstant() {
    return constantPrefix + "_EPSILON";
  }

  public String gamma() {
    return field + "Gamma";
  }

  public String gammaGrad() {
    return field + "GammaGrad";
  }

  public String beta() {
    return field + "Beta";
  }

  public String betaGrad() {
    return field + "BetaGrad";
  }

  public String runningMean() {
    return field + "RunningMean";
  }

  public String runningVar() {
    return field + "RunningVar";
  }

  /** {@code fNormalized}: per sample, the values normalized with the batch statistics. */
  public String normalized() {
    return field + "Normalized";
  }

  /** {@code fBatchMean}: per unit, the mean of the last training batch. */
  public String batchMean() {
    return field + "BatchMean";
  }

  /** {@code fInvStd}: per unit, {@code 1 / sqrt(variance + epsilon)} of the last training batch. */
  public String invStd() {
    return field + "InvStd";
  }

  /** {@code fScale}: per unit, {@code gamma / sqrt(running variance + epsilon)} in inference. */
  public String inferenceScale() {
    return field + "Scale";
  }

  /** {@code fInference}: the forward pass of a layer that computes differently in inference. */
  public String inference() {
    return field + "Inference";
  }

  /** The name of a parameter tensor as users see it, e.g. {@code hidden.weight}. */
  public String tensorName(String part) {
    return field + "." + part;
  }
}
