package dev.dendrite.processor.model;

import dev.dendrite.annotation.Activation;
import java.util.Arrays;

/** A layer whose shapes and settings have passed every rule. */
public sealed interface CheckedLayer {

  /** The layer's name: the field name. */
  String name();

  /** The layer kind as shown to users: {@code Input}, {@code Dense}, {@code Dropout}. */
  String kind();

  /** The shape of one sample after this layer. */
  int[] outputShape();

  /** The number of values of one sample after this layer. */
  default int outputSize() {
    int size = 1;
    for (int d : outputShape()) {
      size *= d;
    }
    return size;
  }

  /** The number of trainable parameters. */
  long parameterCount();

  /** Forward floating-point operations per sample in inference, a multiply-add counting two. */
  long flopsPerSample();

  /** The layer's settings in words, e.g. {@code RELU} or {@code rate 0.5}; may be empty. */
  String detail();

  /** The input layer. */
  record InputLayer(String name, int[] shape) implements CheckedLayer {
    public InputLayer {
      shape = shape.clone();
    }

    @Override
    public String kind() {
      return "Input";
    }

    @Override
    public int[] outputShape() {
      return shape.clone();
    }

    @Override
    public int[] shape() {
      return shape.clone();
    }

    @Override
    public long parameterCount() {
      return 0;
    }

    @Override
    public long flopsPerSample() {
      return 0;
    }

    @Override
    public String detail() {
      return "";
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof InputLayer i && name.equals(i.name) && Arrays.equals(shape, i.shape);
    }

    @Override
    public int hashCode() {
      return name.hashCode() * 31 + Arrays.hashCode(shape);
    }
  }

  /**
   * A dense layer.
   *
   * @param alpha the activation's parameter with defaults applied; {@code NaN} for activations
   *     that take none
   * @param l1 the L1 penalty on the weights, 0 for none
   * @param l2 the L2 penalty on the weights, 0 for none
   */
  record DenseLayer(
      String name, int inputs, int units, Activation activation, double alpha, double l1,
      double l2)
      implements CheckedLayer {

    /** A dense layer without weight penalties. */
    public DenseLayer(String name, int inputs, int units, Activation activation, double alpha) {
      this(name, inputs, units, activation, alpha, 0, 0);
    }

    @Override
    public String kind() {
      return "Dense";
    }

    @Override
    public int[] outputShape() {
      return new int[] {units};
    }

    @Override
    public long parameterCount() {
      return (long) inputs * units + units;
    }

    @Override
    public long flopsPerSample() {
      return 2L * inputs * units;
    }

    @Override
    public String detail() {
      return Double.isNaN(alpha) ? activation.name() : activation.name() + "(" + alpha + ")";
    }

    /** Whether the weights carry an L1 or L2 penalty. */
    public boolean hasPenalty() {
      return l1 != 0 || l2 != 0;
    }

    /** Whether the activation has a parameter. */
    public boolean hasAlpha() {
      return !Double.isNaN(alpha);
    }
  }

  /** A dropout layer over {@code size} values. */
  record DropoutLayer(String name, int size, double rate) implements CheckedLayer {
    @Override
    public String kind() {
      return "Dropout";
    }

    @Override
    public int[] outputShape() {
      return new int[] {size};
    }

    @Override
    public long parameterCount() {
      return 0;
    }

    @Override
    public long flopsPerSample() {
      return 0;
    }

    @Override
    public String detail() {
      return "rate " + rate;
    }
  }
}
