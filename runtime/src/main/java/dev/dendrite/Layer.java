package dev.dendrite;

import java.util.Arrays;
import java.util.List;

/**
 * One layer of a generated network, as declared: the type of the fields of a {@code @Network}
 * class. The generated subclass assigns every field a {@code Layer} that describes it.
 *
 * @param name the field name
 * @param kind {@code Input}, {@code Dense}, {@code Dropout}, {@code BatchNorm} or {@code Flatten}
 * @param detail the layer's settings in words, for people, e.g. {@code RELU} or {@code rate 0.5};
 *     empty when there are none. Programs read {@link #settings()} instead
 * @param outputShape the shape of one sample after this layer
 * @param parameterNames the names of this layer's parameter tensors, e.g. {@code hidden.weight}
 * @param parameterCount the number of trainable parameters
 * @param flopsPerSample floating-point operations of the forward pass for one sample, counting a
 *     multiply-add as two
 * @param bufferNames the names of this layer's non-trainable tensors, e.g. {@code
 *     norm.running_mean}; see {@link Model#buffers()}
 * @param nonTrainableCount the number of values in those tensors
 * @param settings the layer's settings as values: activation, alpha, PRELU mode, bias, batch
 *     normalization's epsilon and momentum, dropout rate; {@link LayerSettings#NONE} when not
 *     known (a layer built by hand with one of the shorter constructors)
 */
public record Layer(
    String name,
    String kind,
    String detail,
    int[] outputShape,
    List<String> parameterNames,
    long parameterCount,
    long flopsPerSample,
    List<String> bufferNames,
    long nonTrainableCount,
    LayerSettings settings) {

  public Layer {
    outputShape = outputShape.clone();
    parameterNames = List.copyOf(parameterNames);
    bufferNames = List.copyOf(bufferNames);
    settings = settings == null ? LayerSettings.NONE : settings;
  }

  /** A layer whose settings are given only as {@code detail}, in words. */
  public Layer(String name, String kind, String detail, int[] outputShape,
      List<String> parameterNames, long parameterCount, long flopsPerSample,
      List<String> bufferNames, long nonTrainableCount) {
    this(name, kind, detail, outputShape, parameterNames, parameterCount, flopsPerSample,
        bufferNames, nonTrainableCount, LayerSettings.NONE);
  }

  /** A layer without non-trainable tensors. */
  public Layer(String name, String kind, String detail, int[] outputShape,
      List<String> parameterNames, long parameterCount, long flopsPerSample,
      LayerSettings settings) {
    this(name, kind, detail, outputShape, parameterNames, parameterCount, flopsPerSample,
        List.of(), 0, settings);
  }

  /** A layer without non-trainable tensors, whose settings are given only in words. */
  public Layer(String name, String kind, String detail, int[] outputShape,
      List<String> parameterNames, long parameterCount, long flopsPerSample) {
    this(name, kind, detail, outputShape, parameterNames, parameterCount, flopsPerSample,
        List.of(), 0, LayerSettings.NONE);
  }

  /** The shape of one sample after this layer; a copy. */
  @Override
  public int[] outputShape() {
    return outputShape.clone();
  }

  /** The number of values of one sample after this layer. */
  public int outputSize() {
    int size = 1;
    for (int d : outputShape) {
      size *= d;
    }
    return size;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Layer l
        && name.equals(l.name)
        && kind.equals(l.kind)
        && detail.equals(l.detail)
        && Arrays.equals(outputShape, l.outputShape)
        && parameterNames.equals(l.parameterNames)
        && parameterCount == l.parameterCount
        && flopsPerSample == l.flopsPerSample
        && bufferNames.equals(l.bufferNames)
        && nonTrainableCount == l.nonTrainableCount
        && settings.equals(l.settings);
  }

  @Override
  public int hashCode() {
    return name.hashCode() * 31 + Arrays.hashCode(outputShape);
  }

  @Override
  public String toString() {
    return name + " (" + kind + ") " + Arrays.toString(outputShape);
  }
}
