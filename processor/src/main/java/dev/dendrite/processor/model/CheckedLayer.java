package dev.dendrite.processor.model;

import dev.dendrite.annotation.Activation;
import dev.dendrite.annotation.Init;
import dev.dendrite.annotation.PreluMode;
import java.util.Arrays;

/** A layer whose shapes and settings have passed every rule. */
public sealed interface CheckedLayer {

  /** The layer's name: the field name. */
  String name();

  /**
   * The layer kind as shown to users: {@code Input}, {@code Dense}, {@code Dropout}, {@code
   * BatchNorm}, {@code Flatten}.
   */
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

  /** The number of non-trainable values the layer keeps, such as running statistics. */
  default long nonTrainableCount() {
    return 0;
  }

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
   * @param alpha the activation's parameter with defaults applied (for PRELU the initial slope);
   *     {@code NaN} for activations that take none
   * @param bias whether the layer has a bias
   * @param init the initialiser as written; {@link Init#DEFAULT} when left to the activation
   * @param initScale the scale of NORMAL or UNIFORM with defaults applied; {@code NaN} otherwise
   * @param preluMode how many slopes a PRELU layer learns; ignored for other activations
   * @param l1 the L1 penalty on the weights, 0 for none
   * @param l2 the L2 penalty on the weights, 0 for none
   */
  record DenseLayer(
      String name,
      int inputs,
      int units,
      Activation activation,
      double alpha,
      boolean bias,
      Init init,
      double initScale,
      PreluMode preluMode,
      double l1,
      double l2)
      implements CheckedLayer {

    /** A dense layer with a bias, the default initialisation and no weight penalties. */
    public DenseLayer(String name, int inputs, int units, Activation activation, double alpha) {
      this(name, inputs, units, activation, alpha, true, Init.DEFAULT, Double.NaN,
          PreluMode.PER_UNIT, 0, 0);
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
      return (long) inputs * units + (bias ? units : 0) + slopeCount();
    }

    @Override
    public long flopsPerSample() {
      return 2L * inputs * units;
    }

    @Override
    public String detail() {
      StringBuilder detail = new StringBuilder(activation.name());
      if (!Double.isNaN(alpha)) {
        detail.append('(').append(alpha).append(')');
      }
      if (isPrelu() && preluMode == PreluMode.SHARED) {
        detail.append(", shared slope");
      }
      if (!bias) {
        detail.append(", no bias");
      }
      if (init != Init.DEFAULT) {
        detail.append(", init ").append(init);
        if (!Double.isNaN(initScale)) {
          detail.append('(').append(initScale).append(')');
        }
      }
      return detail.toString();
    }

    /** Whether the activation has a constant parameter (LEAKY_RELU, ELU). */
    public boolean hasAlpha() {
      return !Double.isNaN(alpha) && !isPrelu();
    }

    /** Whether the weights carry an L1 or L2 penalty. */
    public boolean hasPenalty() {
      return l1 != 0 || l2 != 0;
    }

    /** Whether the activation is PRELU, with learned slopes. */
    public boolean isPrelu() {
      return activation == Activation.PRELU;
    }

    /** The number of learned PRELU slopes: 1 if shared, one per unit, or 0 for other activations. */
    public int slopeCount() {
      if (!isPrelu()) {
        return 0;
      }
      return preluMode == PreluMode.SHARED ? 1 : units;
    }

    /** The initialiser in effect: {@link #init()}, or for DEFAULT the one the activation suits. */
    public Init effectiveInit() {
      if (init != Init.DEFAULT) {
        return init;
      }
      return switch (activation) {
        case RELU, LEAKY_RELU, PRELU, ELU -> Init.HE_UNIFORM;
        default -> Init.GLOROT_UNIFORM;
      };
    }
  }

  /**
   * A dropout layer over {@code size} values, each dropped on its own.
   *
   * @param shape the shape of one sample, kept by the layer; its values multiply to {@code size}
   */
  record DropoutLayer(String name, int size, double rate, int[] shape) implements CheckedLayer {

    public DropoutLayer {
      shape = shape.clone();
    }

    /** A dropout layer over a vector of {@code size} values. */
    public DropoutLayer(String name, int size, double rate) {
      this(name, size, rate, new int[] {size});
    }

    @Override
    public String kind() {
      return "Dropout";
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
      return "rate " + rate;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof DropoutLayer d && name.equals(d.name) && size == d.size
          && Double.compare(rate, d.rate) == 0 && Arrays.equals(shape, d.shape);
    }

    @Override
    public int hashCode() {
      return name.hashCode() * 31 + size;
    }
  }

  /**
   * A batch normalization layer over {@code size} units.
   *
   * @param momentum the weight of the old running statistics in each update
   * @param epsilon added to the variance
   * @param activation applied after the scale and shift
   * @param alpha the activation's parameter with defaults applied; {@code NaN} for activations
   *     that take none
   */
  record BatchNormLayer(
      String name, int size, double momentum, double epsilon, Activation activation, double alpha)
      implements CheckedLayer {
    @Override
    public String kind() {
      return "BatchNorm";
    }

    @Override
    public int[] outputShape() {
      return new int[] {size};
    }

    /** {@code gamma} and {@code beta}, one of each per unit. */
    @Override
    public long parameterCount() {
      return 2L * size;
    }

    /** The running mean and variance, one of each per unit. */
    @Override
    public long nonTrainableCount() {
      return 2L * size;
    }

    /** In inference, {@code (x - mean) * scale + beta}: a subtraction and a multiply-add. */
    @Override
    public long flopsPerSample() {
      return 3L * size;
    }

    @Override
    public String detail() {
      String detail = "momentum " + momentum + ", epsilon " + epsilon;
      if (activation != Activation.LINEAR) {
        detail += ", " + activation + (hasAlpha() ? "(" + alpha + ")" : "");
      }
      return detail;
    }

    /** Whether the activation has a parameter. */
    public boolean hasAlpha() {
      return !Double.isNaN(alpha);
    }
  }

  /** A layer that views a multi-dimensional sample of {@code size} values as a vector. */
  record FlattenLayer(String name, int size) implements CheckedLayer {
    @Override
    public String kind() {
      return "Flatten";
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
      return "";
    }
  }
}
