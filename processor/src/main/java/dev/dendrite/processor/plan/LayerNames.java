package dev.dendrite.processor.plan;

/**
 * The identifiers generated for one layer, all derived from the field name {@code f}: constants
 * {@code F_SIZE}; fields {@code fWeight}, {@code fBias}, their gradients, and the per-sample
 * buffers {@code fPre}, {@code fOut}, {@code fGrad}, {@code fMask}, {@code fGradT}, {@code
 * fInputGradT}; methods {@code fForward}, {@code fBackward}, {@code fInputGradient}, {@code
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

  /** Per unit, the gradient of each sample: {@code fGrad} transposed, {@code [units][samples]}. */
  public String gradTransposed() {
    return field + "GradT";
  }

  /** Per input, the input gradient of each sample, {@code [inputs][samples]}. */
  public String inputGradTransposed() {
    return field + "InputGradT";
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

  public String drawMask() {
    return field + "DrawMask";
  }

  public String inputGradient() {
    return field + "InputGradient";
  }

  public String loss() {
    return field + "Loss";
  }

  /** The name of a parameter tensor as users see it, e.g. {@code hidden.weight}. */
  public String tensorName(String part) {
    return field + "." + part;
  }
}
